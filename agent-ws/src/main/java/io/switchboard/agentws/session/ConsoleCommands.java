package io.switchboard.agentws.session;

import io.switchboard.core.console.ConsoleAddresses;
import io.switchboard.core.console.ConsoleCommand;
import io.switchboard.core.console.ConsoleMessage;
import io.switchboard.core.error.ErrorCode;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;

/**
 * What a client's text message does: {@code resume} is served by the sessions themselves; any other
 * type goes to its domain's {@code console.command.<domain>} ({@link
 * ConsoleAddresses#commandAddress(String)}) with the session's verified identity, and the reply (or
 * the failure, as an {@code error} frame) goes back to that session only. Runs on the {@link
 * ConsoleSessions} context.
 */
final class ConsoleCommands {

  private final EventBus bus;
  private final ConsoleSessions sessions;

  ConsoleCommands(EventBus bus, ConsoleSessions sessions) {
    this.bus = bus;
    this.sessions = sessions;
  }

  void handle(ConsoleSession session, String text) {
    ClientFrame frame;
    try {
      frame = ClientFrameParser.parse(text);
      if (ClientFrame.RESUME.equals(frame.type())) {
        sessions.resume(session, resumePoint(frame));
        return;
      }
    } catch (BadClientFrameException bad) {
      session.write(
          ConsoleFrames.error(
              bad.replyTo(), ErrorCode.BAD_REQUEST.busFailureCode(), bad.getMessage()));
      return;
    }
    forward(session, frame);
  }

  private static ResumePoint resumePoint(ClientFrame frame) {
    Object epoch = frame.data().getValue("epoch");
    Object lastSeq = frame.data().getValue("lastSeq");
    if (!(epoch instanceof String text) || text.length() > 64) {
      throw new BadClientFrameException(
          "resume needs 'data.epoch': the epoch of the last snapshot or resumed frame", frame.id());
    }
    if (!(lastSeq instanceof Number number) || number.longValue() < 0) {
      throw new BadClientFrameException(
          "resume needs 'data.lastSeq': the last seq processed, 0 or more", frame.id());
    }
    return new ResumePoint(text, number.longValue());
  }

  private void forward(ConsoleSession session, ClientFrame frame) {
    if (!session.startCommand()) {
      session.write(
          ConsoleFrames.error(
              frame.id(),
              ErrorCode.RATE_LIMITED.busFailureCode(),
              "too many commands wait for an answer; at most "
                  + ConsoleLimits.MAX_COMMANDS_IN_FLIGHT));
      return;
    }
    ConsoleCommand command =
        new ConsoleCommand(
            session.user().userId(),
            session.user().username(),
            session.user().roles(),
            frame.type(),
            frame.data());
    bus.<JsonObject>request(
            ConsoleAddresses.commandAddress(frame.type()),
            command.toJson(),
            new DeliveryOptions().setSendTimeout(ConsoleLimits.REQUEST_TIMEOUT_MS))
        .onComplete(
            answered -> {
              session.endCommand();
              if (answered.succeeded()) {
                session.write(reply(frame, answered.result()));
              } else {
                session.write(failure(frame, answered.cause()));
              }
            });
  }

  private static String reply(ClientFrame frame, Message<JsonObject> answer) {
    try {
      ConsoleMessage message = ConsoleMessage.fromJson(answer.body());
      return ConsoleFrames.reply(message.type(), frame.id(), message.data());
    } catch (RuntimeException bad) {
      return ConsoleFrames.error(
          frame.id(),
          ErrorCode.INTERNAL.busFailureCode(),
          "the answer to " + frame.type() + " was not a {type, data} message");
    }
  }

  private static String failure(ClientFrame frame, Throwable cause) {
    if (cause instanceof ReplyException reply) {
      return switch (reply.failureType()) {
        case NO_HANDLERS ->
            ConsoleFrames.error(
                frame.id(),
                ErrorCode.UNAVAILABLE.busFailureCode(),
                "no service answers " + ConsoleAddresses.commandDomain(frame.type()) + " commands");
        case TIMEOUT ->
            ConsoleFrames.error(
                frame.id(),
                ErrorCode.TIMEOUT.busFailureCode(),
                frame.type() + " got no answer within " + ConsoleLimits.REQUEST_TIMEOUT_MS + " ms");
        default ->
            ConsoleFrames.error(
                frame.id(),
                reply.failureCode(),
                reply.getMessage() == null ? frame.type() + " failed" : reply.getMessage());
      };
    }
    return ConsoleFrames.error(
        frame.id(), ErrorCode.INTERNAL.busFailureCode(), frame.type() + " failed");
  }
}
