package io.switchboard.core.call;

import java.util.Locale;

/** The two transfers Asterisk reports (reference/ami-protocol.md 1.8). */
public enum TransferKind {
  /** {@code BlindTransfer}: the bridge was sent to an extension. */
  BLIND,
  /** {@code AttendedTransfer}: two bridges were joined after a consultation call. */
  ATTENDED;

  /** The lower-case name used in JSON and in the database. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind for its {@link #wire()} name. */
  public static TransferKind fromWire(String wire) {
    return WireNames.parse(TransferKind.class, wire);
  }
}
