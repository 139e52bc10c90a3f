package io.switchboard.crm.security;

import io.switchboard.core.console.ConsoleAddresses;
import io.switchboard.core.console.TokenVerifyRequest;
import io.switchboard.core.console.VerifiedUser;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.crm.security.redis.SessionStore;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@value ConsoleAddresses#AUTH_TOKEN_VERIFY} from the {@link SessionStore}, so that other
 * modules (the live console's WebSocket upgrade) check login tokens without importing crm-api.
 * Replies arrive on the context that registered it; it keeps no state of its own.
 */
public final class TokenVerifyConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(TokenVerifyConsumer.class);

  private final SessionStore sessions;

  public TokenVerifyConsumer(SessionStore sessions) {
    this.sessions = sessions;
  }

  /** Registers the consumer; the future completes once it is registered. */
  public Future<MessageConsumer<JsonObject>> register(EventBus bus) {
    MessageConsumer<JsonObject> consumer =
        bus.consumer(ConsoleAddresses.AUTH_TOKEN_VERIFY, this::handle);
    return consumer.completion().map(consumer);
  }

  private void handle(Message<JsonObject> message) {
    TokenVerifyRequest request;
    try {
      request = TokenVerifyRequest.fromJson(message.body());
    } catch (RuntimeException bad) {
      message.fail(
          ErrorCode.BAD_REQUEST.busFailureCode(), "bad token request: " + bad.getMessage());
      return;
    }
    sessions
        .find(request.token())
        .onSuccess(
            found -> {
              if (found.isEmpty()) {
                message.fail(
                    ErrorCode.UNAUTHENTICATED.busFailureCode(),
                    "the token is malformed, unknown, expired or revoked");
                return;
              }
              Principal principal = found.get().principal();
              List<String> roles = principal.roles().stream().map(Role::dbName).sorted().toList();
              message.reply(
                  new VerifiedUser(principal.userId(), principal.username(), roles).toJson());
            })
        .onFailure(
            failed -> {
              LOG.warn("token check failed: {}", failed.toString());
              message.fail(
                  ErrorCode.UNAVAILABLE.busFailureCode(), "the token store cannot be read");
            });
  }
}
