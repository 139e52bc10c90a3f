package io.switchboard.ami.action;

import static io.switchboard.core.ami.AmiActionFields.ACCOUNT;
import static io.switchboard.core.ami.AmiActionFields.APPLICATION;
import static io.switchboard.core.ami.AmiActionFields.CALLER_ID;
import static io.switchboard.core.ami.AmiActionFields.CAUSE;
import static io.switchboard.core.ami.AmiActionFields.CHANNEL;
import static io.switchboard.core.ami.AmiActionFields.CHANNEL_ID;
import static io.switchboard.core.ami.AmiActionFields.CONTEXT;
import static io.switchboard.core.ami.AmiActionFields.DATA;
import static io.switchboard.core.ami.AmiActionFields.EXTEN;
import static io.switchboard.core.ami.AmiActionFields.EXTRA_CHANNEL;
import static io.switchboard.core.ami.AmiActionFields.MODE;
import static io.switchboard.core.ami.AmiActionFields.OTHER_CHANNEL_ID;
import static io.switchboard.core.ami.AmiActionFields.PRIORITY;
import static io.switchboard.core.ami.AmiActionFields.SUPERVISOR;
import static io.switchboard.core.ami.AmiActionFields.TARGET;
import static io.switchboard.core.ami.AmiActionFields.TIMEOUT_MS;
import static io.switchboard.core.ami.AmiActionFields.VARIABLES;

import io.switchboard.ami.codec.AmiMessage;
import java.util.Map;
import java.util.UUID;

/**
 * Requests that place, end and move calls: Originate (always {@code Async: true}, since a
 * synchronous one blocks the whole AMI session, reference/ami-protocol.md 1.5), supervisor spy (an
 * Originate into {@code ChanSpy}), Hangup, Redirect and Atxfer. Pure; thread-safe.
 */
final class CallActions {

  /** Ring timeout bounds for Originate: Asterisk's default is 30 s. */
  private static final int MAX_TIMEOUT_MS = 3_600_000;

  private CallActions() {}

  /** Originate: dialplan target or application, channel id generated when not given. */
  static PreparedAction originate(AmiRequest request) {
    String application = request.optionalText(APPLICATION);
    String exten = request.optionalText(EXTEN);
    AmiMessage.Builder action =
        AmiMessage.action("Originate").with("Channel", request.text(CHANNEL));
    if (application != null && exten != null) {
      throw AmiRequest.invalid(
          request.address() + ": give either context/exten/priority or application/data, not both");
    }
    if (application != null) {
      action.with("Application", application).withOptional("Data", request.optionalText(DATA));
    } else if (exten != null) {
      action
          .with("Context", request.text(CONTEXT))
          .with("Exten", exten)
          .with("Priority", request.text(PRIORITY));
    } else {
      throw AmiRequest.invalid(
          request.address()
              + ": field 'exten' (with context and priority) or 'application' is"
              + " required");
    }
    return withOriginateCommon(request, action, request.variables(VARIABLES));
  }

  /**
   * Listen, whisper or barge: rings the supervisor and runs {@code ChanSpy(target,options)} with
   * {@code q} (no beep or name announcement) plus {@code w} (whisper) or {@code B} (barge).
   */
  static PreparedAction spy(AmiRequest request) {
    String target = request.text(TARGET);
    if (target.indexOf(',') >= 0 || target.indexOf('|') >= 0) {
      throw AmiRequest.invalid(
          request.address() + ": field 'target' may not contain ',' or '|' (ChanSpy arguments)");
    }
    String options =
        switch (request.choice(MODE, null, "listen", "whisper", "barge")) {
          case "whisper" -> "qw";
          case "barge" -> "qB";
          default -> "q";
        };
    AmiMessage.Builder action =
        AmiMessage.action("Originate")
            .with("Channel", request.text(SUPERVISOR))
            .with("Application", "ChanSpy")
            .with("Data", target + "," + options);
    return withOriginateCommon(request, action, Map.of());
  }

  private static PreparedAction withOriginateCommon(
      AmiRequest request, AmiMessage.Builder action, Map<String, String> variables) {
    String channelId = request.optionalText(CHANNEL_ID);
    String chosenId = channelId != null ? channelId : UUID.randomUUID().toString();
    Integer timeoutMs = request.optionalInt(TIMEOUT_MS, 1, MAX_TIMEOUT_MS);
    action
        .withOptional("CallerID", request.optionalText(CALLER_ID))
        .withOptional("Timeout", timeoutMs == null ? null : String.valueOf(timeoutMs))
        .withOptional("Account", request.optionalText(ACCOUNT))
        .with("ChannelId", chosenId)
        .withOptional("OtherChannelId", request.optionalText(OTHER_CHANNEL_ID))
        .with("Async", "true");
    variables.forEach((name, value) -> action.with("Variable", name + "=" + value));
    return new PreparedAction(action.build(), (reply, json) -> json.put(CHANNEL_ID, chosenId));
  }

  static PreparedAction hangup(AmiRequest request) {
    Integer cause = request.optionalInt(CAUSE, 0, 127);
    return PreparedAction.plain(
        AmiMessage.action("Hangup")
            .with("Channel", request.text(CHANNEL))
            .withOptional("Cause", cause == null ? null : String.valueOf(cause))
            .build());
  }

  static PreparedAction redirect(AmiRequest request) {
    String context = request.text(CONTEXT);
    String exten = request.text(EXTEN);
    String priority = request.text(PRIORITY);
    AmiMessage.Builder action =
        AmiMessage.action("Redirect")
            .with("Channel", request.text(CHANNEL))
            .with("Context", context)
            .with("Exten", exten)
            .with("Priority", priority);
    String extra = request.optionalText(EXTRA_CHANNEL);
    if (extra != null) {
      action
          .with("ExtraChannel", extra)
          .with("ExtraContext", context)
          .with("ExtraExten", exten)
          .with("ExtraPriority", priority);
    }
    return PreparedAction.plain(action.build());
  }

  static PreparedAction atxfer(AmiRequest request) {
    return PreparedAction.plain(
        AmiMessage.action("Atxfer")
            .with("Channel", request.text(CHANNEL))
            .with("Exten", request.text(EXTEN))
            .withOptional("Context", request.optionalText(CONTEXT))
            .build());
  }
}
