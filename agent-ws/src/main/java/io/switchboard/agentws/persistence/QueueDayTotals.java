package io.switchboard.agentws.persistence;

/**
 * One queue's finished calls of part of a day, as {@code call_logs} holds them: what the wallboard
 * starts its day counters from. Immutable.
 *
 * @param queue the queue's name
 * @param answered calls answered from the queue (an agent took them) since the day's start
 * @param answeredWithinServiceLevel of those, the ones answered within the service-level threshold
 * @param answeredWaitMs the summed wait of the answered calls (for the average speed of answer)
 * @param abandoned calls whose caller hung up while waiting
 * @param abandonedAfterServiceLevel of those, the ones that waited longer than the threshold
 * @param handled answered calls that ended (for the average handle time)
 * @param handleMs their summed talk and hold time
 */
public record QueueDayTotals(
    String queue,
    long answered,
    long answeredWithinServiceLevel,
    long answeredWaitMs,
    long abandoned,
    long abandonedAfterServiceLevel,
    long handled,
    long handleMs) {}
