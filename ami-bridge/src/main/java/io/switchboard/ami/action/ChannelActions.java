package io.switchboard.ami.action;

import static io.switchboard.core.ami.AmiActionFields.CHANNEL;
import static io.switchboard.core.ami.AmiActionFields.DIRECTION;
import static io.switchboard.core.ami.AmiActionFields.FILE;
import static io.switchboard.core.ami.AmiActionFields.MIXMONITOR_ID;
import static io.switchboard.core.ami.AmiActionFields.MUTE;
import static io.switchboard.core.ami.AmiActionFields.OPTIONS;
import static io.switchboard.core.ami.AmiActionFields.VALUE;
import static io.switchboard.core.ami.AmiActionFields.VARIABLE;

import io.switchboard.ami.codec.AmiMessage;
import java.util.regex.Pattern;

/**
 * Requests about one channel's recording and variables: {@code MixMonitor}, {@code StopMixMonitor},
 * {@code MixMonitorMute} (Asterisk {@code apps/app_mixmonitor.c}), {@code Setvar} and {@code
 * Getvar} ({@code main/manager.c}). Pure; thread-safe.
 */
final class ChannelActions {

  private static final Pattern VARIABLE_NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_.]{0,79}(\\([^()\\r\\n]{0,200}\\))?");

  private ChannelActions() {}

  static PreparedAction mixMonitorStart(AmiRequest request) {
    return new PreparedAction(
        AmiMessage.action("MixMonitor")
            .with("Channel", request.text(CHANNEL))
            .withOptional("File", request.optionalText(FILE))
            .withOptional("Options", request.optionalText(OPTIONS))
            .build(),
        (reply, json) -> {
          String id = reply.response().get("MixMonitorID");
          if (id != null) {
            json.put(MIXMONITOR_ID, id);
          }
        });
  }

  static PreparedAction mixMonitorStop(AmiRequest request) {
    return PreparedAction.plain(
        AmiMessage.action("StopMixMonitor")
            .with("Channel", request.text(CHANNEL))
            .withOptional("MixMonitorID", request.optionalText(MIXMONITOR_ID))
            .build());
  }

  static PreparedAction mixMonitorMute(AmiRequest request) {
    return PreparedAction.plain(
        AmiMessage.action("MixMonitorMute")
            .with("Channel", request.text(CHANNEL))
            .with("Direction", request.choice(DIRECTION, "both", "read", "write", "both"))
            .with("State", request.bool(MUTE) ? "1" : "0")
            .build());
  }

  static PreparedAction setvar(AmiRequest request) {
    String value = request.optionalTextOrEmpty(VALUE);
    return PreparedAction.plain(
        AmiMessage.action("Setvar")
            .withOptional("Channel", request.optionalText(CHANNEL))
            .with("Variable", variableName(request))
            .with("Value", value == null ? "" : value)
            .build());
  }

  static PreparedAction getvar(AmiRequest request) {
    return new PreparedAction(
        AmiMessage.action("Getvar")
            .withOptional("Channel", request.optionalText(CHANNEL))
            .with("Variable", variableName(request))
            .build(),
        (reply, json) -> json.put(VALUE, reply.response().get("Value")));
  }

  private static String variableName(AmiRequest request) {
    String name = request.text(VARIABLE);
    if (!VARIABLE_NAME.matcher(name).matches()) {
      throw AmiRequest.invalid(
          request.address()
              + ": field 'variable' must be a variable name or function, got '"
              + name
              + "'");
    }
    return name;
  }
}
