package io.switchboard.core.call;

/**
 * How whoever originates a call (the dialer, click-to-call) tags it so that the call's events and
 * its call log carry the originator's correlation id. Set both on the {@code Originate} action: the
 * {@code ChannelId} makes the id visible from the first event and in a failed {@code
 * OriginateResponse} that created no channel; the variable survives into every channel the call
 * reaches (reference/ami-protocol.md 1.7).
 */
public final class OriginateIds {

  /** The channel variable that carries the id: {@code Variable: SWITCHBOARD_ORIGINATE_ID=<id>}. */
  public static final String VARIABLE = "SWITCHBOARD_ORIGINATE_ID";

  /**
   * Prefix of a pre-assigned channel id: {@code ChannelId: swb-<id>}. Asterisk takes it as the
   * channel's Uniqueid (at most 150 characters; keep the whole id within 64, the length of a call
   * log's linked id).
   */
  public static final String CHANNEL_ID_PREFIX = "swb-";

  private OriginateIds() {}

  /** The {@code ChannelId} to send for an originate id. */
  public static String channelId(String originateId) {
    return CHANNEL_ID_PREFIX + originateId;
  }

  /** The originate id in a Uniqueid that was pre-assigned by {@link #channelId}, or null. */
  public static String fromUniqueId(String uniqueId) {
    if (uniqueId == null
        || !uniqueId.startsWith(CHANNEL_ID_PREFIX)
        || uniqueId.length() == CHANNEL_ID_PREFIX.length()) {
      return null;
    }
    return uniqueId.substring(CHANNEL_ID_PREFIX.length());
  }
}
