package io.switchboard.core.console;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * Asks ({@link ConsoleAddresses#AUTH_TOKEN_VERIFY}) whom a login token belongs to. The token
 * travels only over the local event bus; nothing logs it.
 *
 * @param token the bearer token as the client sent it
 */
public record TokenVerifyRequest(String token) {

  public TokenVerifyRequest {
    Objects.requireNonNull(token, "token");
  }

  public JsonObject toJson() {
    return new JsonObject().put("token", token);
  }

  /** The request from its {@link #toJson()} form; an error naming the field when it is not one. */
  public static TokenVerifyRequest fromJson(JsonObject json) {
    return new TokenVerifyRequest(ConsoleJson.text(json, "token"));
  }

  @Override
  public String toString() {
    return "TokenVerifyRequest[token=<redacted>]";
  }
}
