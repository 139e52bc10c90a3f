package io.switchboard.ami.calllog;

import java.util.Locale;

/** What became of one finished call handed to the {@link CallLogWriter}. */
public enum WriteOutcome {
  /** Its {@code call_logs} row was written now. */
  WRITTEN,
  /** It was already logged (a redelivery); nothing changed. */
  DUPLICATE,
  /** PostgreSQL could not take it now; it waits in the spool and will be written later. */
  SPOOLED,
  /** PostgreSQL refuses its data for good; it is kept in the spool's {@code rejected.jsonl}. */
  REJECTED;

  /** The lower-case name used in event-bus replies and metric tags. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
