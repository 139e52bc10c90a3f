package io.switchboard.dialer.simulation;

/**
 * The figures of one simulated day for one policy. Immutable (the arrays are not copied; do not
 * change them).
 *
 * @param talkOccupancy talk time with people / available agent time
 * @param busyOccupancy talk, machine handling and wrap-up / available agent time
 * @param liveAnswered people who answered (before AMD)
 * @param abandonedLive people abandoned for want of an agent
 * @param falsePositives people AMD hung up on as machines
 * @param ofcomEstimate VICIdial's Ofcom abandon-rate estimate from what the dialer observes
 * @param conversations conversations with people
 * @param dials calls originated
 * @param agentHours available agent-hours
 * @param waits agent idle seconds before each conversation with a person
 * @param readyToBridge seconds from ready to bridged for each connected person
 * @param minutes per-minute counts of live answers, abandons and false positives (for windows)
 * @param logHash hash of the event log, or empty when not logged
 */
public record DayResult(
    double talkOccupancy,
    double busyOccupancy,
    long liveAnswered,
    long abandonedLive,
    long falsePositives,
    double ofcomEstimate,
    long conversations,
    long dials,
    double agentHours,
    double[] waits,
    double[] readyToBridge,
    MinuteCounts minutes,
    String logHash) {

  /**
   * Per minute of the shift: people who answered, people abandoned, people AMD hung up on.
   * Immutable by convention (the arrays are not copied).
   */
  public record MinuteCounts(int[] live, int[] abandoned, int[] falsePositives) {}

  /** US accounting: abandoned live / live answered. */
  public double abandonRateUs() {
    return liveAnswered == 0 ? 0 : (double) abandonedLive / liveAnswered;
  }

  /** UK accounting: (abandoned live + AMD false positives) / live answered. */
  public double abandonRateUk() {
    return liveAnswered == 0 ? 0 : (double) (abandonedLive + falsePositives) / liveAnswered;
  }
}
