package io.switchboard.dialer.compliance;

import java.util.Locale;

/** Why a lead was not dialled: the compliance check refused it, or a preview agent skipped it. */
public enum SkipReason {
  /** The number is on the CRM's do-not-call list: the lead is finished. */
  DO_NOT_CALL,
  /** The number is excluded from this campaign: the lead is finished. */
  EXCLUDED,
  /** Outside the calling window in the callee's local time: tried again when it opens. */
  OUTSIDE_WINDOW,
  /** The number's zones share no open time in the coming week: tried again in a day. */
  NO_COMMON_WINDOW,
  /** Neither the lead nor its number gives a time zone: tried again in a day. */
  UNKNOWN_TIME_ZONE,
  /** A call to the number was abandoned less than 72 h ago. */
  RECALL_LOCK_ABANDONED,
  /** AMD classed a call to the number as a machine less than 24 h ago (UK). */
  RECALL_LOCK_MACHINE,
  /** The lead has used the attempts its campaign allows: the lead is finished. */
  MAX_ATTEMPTS,
  /** The retry delay after the last attempt's outcome has not passed. */
  RETRY_DELAY,
  /** Preview mode: the agent shown the lead skipped it; tried again after the skip delay. */
  AGENT_SKIPPED;

  /** The name in JSON and in the database. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The reason of a wire name, or null when there is none. */
  public static SkipReason fromWire(String name) {
    for (SkipReason reason : values()) {
      if (reason.wireName().equals(name)) {
        return reason;
      }
    }
    return null;
  }
}
