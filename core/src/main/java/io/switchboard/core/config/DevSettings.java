package io.switchboard.core.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What dev mode starts besides the embedded databases: the PBX simulator, an AMI peer standing in
 * for Asterisk when {@code ami.servers} is empty, with calls arriving at {@code pbxSimRate}.
 *
 * @param pbxSimRate calls per unit of time such as {@code 0.1/s} or {@code 6/m}; empty when off
 */
public record DevSettings(Optional<String> pbxSimRate) {

  private static final Pattern RATE = Pattern.compile("\\d{1,6}(\\.\\d{1,6})?/[smh]");

  static DevSettings from(RawSettings raw) {
    String value = raw.required("dev.pbx-sim");
    if (value.equals("off")) {
      return new DevSettings(Optional.empty());
    }
    if (!RATE.matcher(value).matches()) {
      throw raw.invalid("dev.pbx-sim", "must be `off` or a call rate such as 0.1/s, 6/m or 360/h");
    }
    return new DevSettings(Optional.of(value));
  }
}
