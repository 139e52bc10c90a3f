package io.switchboard.ami.tracker;

import java.time.Duration;

/**
 * The bounds of one {@link CallTracker}'s state; beyond them new calls, channels or queue entries
 * are refused with an error log and the {@code switchboard.ami.tracker.refused} counter.
 *
 * @param maxCalls live calls
 * @param maxChannels live channels (hung-up channels of live calls included)
 * @param maxChannelsPerCall channels one call may gather (transfers, Local halves, ring groups)
 * @param maxOffersPerCall agent offers kept per call; further offers still reach the console
 * @param maxQueueMembers queue members over all queues
 * @param maxQueueCallers waiting callers over all queues
 * @param originateLinger how long an originated call whose channels are gone waits for its {@code
 *     OriginateResponse} (which may arrive after the Hangup) before it ends without it
 */
public record CallTrackerLimits(
    int maxCalls,
    int maxChannels,
    int maxChannelsPerCall,
    int maxOffersPerCall,
    int maxQueueMembers,
    int maxQueueCallers,
    Duration originateLinger) {

  /** Default live calls per server. */
  public static final int DEFAULT_MAX_CALLS = 50_000;

  /** Default live channels per server. */
  public static final int DEFAULT_MAX_CHANNELS = 200_000;

  /** Default channels per call. */
  public static final int DEFAULT_MAX_CHANNELS_PER_CALL = 64;

  /** Default agent offers kept per call. */
  public static final int DEFAULT_MAX_OFFERS_PER_CALL = 100;

  /** Default queue members per server. */
  public static final int DEFAULT_MAX_QUEUE_MEMBERS = 20_000;

  /** Default waiting callers per server. */
  public static final int DEFAULT_MAX_QUEUE_CALLERS = 50_000;

  /** Default wait for a late {@code OriginateResponse}. */
  public static final Duration DEFAULT_ORIGINATE_LINGER = Duration.ofSeconds(5);

  /** The defaults. */
  public static final CallTrackerLimits DEFAULT =
      new CallTrackerLimits(
          DEFAULT_MAX_CALLS,
          DEFAULT_MAX_CHANNELS,
          DEFAULT_MAX_CHANNELS_PER_CALL,
          DEFAULT_MAX_OFFERS_PER_CALL,
          DEFAULT_MAX_QUEUE_MEMBERS,
          DEFAULT_MAX_QUEUE_CALLERS,
          DEFAULT_ORIGINATE_LINGER);

  public CallTrackerLimits {
    if (maxCalls < 1
        || maxChannels < 1
        || maxChannelsPerCall < 2
        || maxOffersPerCall < 1
        || maxQueueMembers < 1
        || maxQueueCallers < 1
        || originateLinger.isNegative()) {
      throw new IllegalArgumentException(
          "call tracker limits must be positive (calls "
              + maxCalls
              + ", channels "
              + maxChannels
              + ", per call "
              + maxChannelsPerCall
              + ", offers "
              + maxOffersPerCall
              + ", members "
              + maxQueueMembers
              + ", callers "
              + maxQueueCallers
              + ", linger "
              + originateLinger
              + ")");
    }
  }
}
