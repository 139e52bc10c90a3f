package io.switchboard.crm.model;

import java.util.Locale;

/** An organisation (which has contacts) or an individual. */
public enum CustomerKind {
  ORGANIZATION,
  INDIVIDUAL;

  /** The stored and wire name. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CustomerKind fromWire(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
