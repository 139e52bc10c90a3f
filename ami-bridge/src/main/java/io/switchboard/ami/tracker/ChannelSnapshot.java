package io.switchboard.ami.tracker;

import io.switchboard.ami.codec.AmiMessage;

/**
 * The channel fields of an AMI event (reference/ami-protocol.md 1.2, {@code
 * ast_manager_build_channel_state_string_prefix}), read with a prefix ({@code Dest}, {@code
 * Transferee}, ...) for events about two channels. Asterisk's {@code <unknown>} caller-ID
 * placeholder reads as an empty string.
 *
 * @param channel channel name, e.g. {@code PJSIP/1001-00000012}
 * @param uniqueId the channel's Uniqueid, never null
 * @param linkedId the channel's Linkedid, never null
 * @param state ChannelState (0 Down ... 6 Up ...), -1 when absent
 * @param callerNumber CallerIDNum
 * @param callerName CallerIDName
 * @param context dialplan context
 * @param exten dialplan extension
 */
record ChannelSnapshot(
    String channel,
    String uniqueId,
    String linkedId,
    int state,
    String callerNumber,
    String callerName,
    String context,
    String exten) {

  /** ChannelState of an answered channel. */
  static final int STATE_UP = 6;

  private static final String UNKNOWN = "<unknown>";

  /** The channel under {@code prefix}, or null when the event has no Uniqueid/Linkedid there. */
  static ChannelSnapshot read(AmiMessage event, String prefix) {
    String uniqueId = event.get(prefix + "Uniqueid");
    if (uniqueId == null || uniqueId.isEmpty() || UNKNOWN.equals(uniqueId)) {
      return null;
    }
    String linkedId = event.get(prefix + "Linkedid");
    if (linkedId == null || linkedId.isEmpty()) {
      return null;
    }
    return new ChannelSnapshot(
        event.get(prefix + "Channel", ""),
        uniqueId,
        linkedId,
        parseInt(event.get(prefix + "ChannelState"), -1),
        known(event.get(prefix + "CallerIDNum")),
        known(event.get(prefix + "CallerIDName")),
        event.get(prefix + "Context", ""),
        event.get(prefix + "Exten", ""));
  }

  /** The channel fields without a prefix. */
  static ChannelSnapshot read(AmiMessage event) {
    return read(event, "");
  }

  boolean isUp() {
    return state == STATE_UP;
  }

  /** A caller-ID value with Asterisk's placeholder and null turned into an empty string. */
  static String known(String value) {
    return value == null || UNKNOWN.equals(value) ? "" : value;
  }

  static int parseInt(String value, int fallback) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException notANumber) {
      return fallback;
    }
  }

  static long parseLong(String value, long fallback) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException notANumber) {
      return fallback;
    }
  }
}
