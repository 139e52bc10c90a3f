package io.switchboard.core.call;

import java.util.Locale;

/** Parses the lower-case JSON names of this package's enums, naming the value when it is bad. */
final class WireNames {

  private WireNames() {}

  static <E extends Enum<E>> E parse(Class<E> type, String wire) {
    if (wire == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, wire.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException(
          "'" + wire + "' is not a " + type.getSimpleName() + " name", unknown);
    }
  }
}
