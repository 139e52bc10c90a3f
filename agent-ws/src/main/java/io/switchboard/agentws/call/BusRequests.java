package io.switchboard.agentws.call;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * Sends requests over the event bus (to the AMI bridge's action service, to the agent-state owner).
 * A failure becomes a {@link SwitchboardException} with the bridge's code and message (409 carries
 * Asterisk's own words), or 503 when nobody answers the address and 504 when the answer does not
 * come in time. Stateless; futures complete on the caller's context.
 */
final class BusRequests {

  /** Longer than the bridge's own action timeout (10 s by default), which answers 504 itself. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(12);

  private final EventBus bus;
  private final DeliveryOptions options =
      new DeliveryOptions().setSendTimeout(REQUEST_TIMEOUT.toMillis());

  BusRequests(EventBus bus) {
    this.bus = bus;
  }

  /** The reply to {@code request} on {@code address}. */
  Future<JsonObject> request(String address, JsonObject request) {
    return bus.<JsonObject>request(address, request, options)
        .map(Message::body)
        .recover(failure -> Future.failedFuture(translate(address, failure)));
  }

  /** The bridge's failure as the console should see it. */
  static SwitchboardException translate(String address, Throwable failure) {
    if (failure instanceof ReplyException reply) {
      if (reply.failureType() == ReplyFailure.NO_HANDLERS) {
        return new SwitchboardException(
            ErrorCode.UNAVAILABLE, "nothing answers " + address + " (is the AMI bridge running?)");
      }
      if (reply.failureType() == ReplyFailure.TIMEOUT) {
        return new SwitchboardException(
            ErrorCode.TIMEOUT, "no answer from " + address + " in time");
      }
      for (ErrorCode code : ErrorCode.values()) {
        if (code.busFailureCode() == reply.failureCode()) {
          return new SwitchboardException(code, reply.getMessage(), reply);
        }
      }
    }
    return new SwitchboardException(
        ErrorCode.INTERNAL, address + " failed: " + failure.getMessage(), failure);
  }

  /** True when the bridge says Asterisk refused the action ({@code Response: Error}). */
  static boolean refusedByAsterisk(Throwable failure) {
    return failure instanceof SwitchboardException known && known.code() == ErrorCode.CONFLICT;
  }
}
