package io.switchboard.ami.client;

import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.ami.connection.AmiActionException;
import io.switchboard.ami.connection.AmiConnection;
import io.switchboard.ami.connection.AmiReply;
import io.switchboard.core.config.AmiClientSettings.AuthType;
import io.switchboard.core.config.AmiServerSettings;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Function;

/**
 * The AMI login (reference/ami-protocol.md 1.3, Asterisk {@code main/manager.c} {@code
 * action_login}/{@code authenticate}): plain {@code Secret}, or {@code Challenge} with {@code
 * AuthType: MD5} followed by {@code Key} = lower-hex MD5(challenge + secret). Either way the
 * session subscribes to {@link #EVENTS}. Runs on the connection's context.
 */
final class AmiLogin {

  /** The event classes the tracker needs (reference 1.4). */
  static final String EVENTS = "call,agent,dialplan,system";

  private AmiLogin() {}

  /**
   * Logs in; fails coded {@code UNAUTHENTICATED} with Asterisk's text when refused.
   *
   * @param send sends one action on the connection (the client's, so that it is measured)
   */
  static Future<Void> login(
      AmiConnection connection,
      Function<AmiMessage, Future<AmiReply>> send,
      AmiServerSettings server,
      AuthType auth) {
    Future<AmiMessage> login =
        switch (auth) {
          case PLAIN ->
              Future.succeededFuture(
                  AmiMessage.action("Login")
                      .with("Username", server.username())
                      .with("Secret", server.secret())
                      .with("Events", EVENTS)
                      .build());
          case MD5 ->
              connection
                  .send(AmiMessage.action("Challenge").with("AuthType", "MD5").build())
                  .compose(reply -> md5Login(server, reply.response().get("Challenge")));
        };
    return login
        .compose(send)
        .<Void>mapEmpty()
        .recover(failed -> Future.failedFuture(refused(connection, server, failed)));
  }

  private static Future<AmiMessage> md5Login(AmiServerSettings server, String challenge) {
    if (challenge == null || challenge.isEmpty()) {
      return Future.failedFuture(
          new SwitchboardException(
              ErrorCode.UNAUTHENTICATED, "the Challenge answer carries no Challenge header"));
    }
    return Future.succeededFuture(
        AmiMessage.action("Login")
            .with("AuthType", "MD5")
            .with("Username", server.username())
            .with("Key", md5Key(challenge, server.secret()))
            .with("Events", EVENTS)
            .build());
  }

  /** 32 lower-case hex digits of MD5(challenge + secret), as Asterisk's {@code authenticate}. */
  static String md5Key(String challenge, String secret) {
    MessageDigest md5;
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException("every Java runtime has MD5", missing);
    }
    md5.update(challenge.getBytes(StandardCharsets.UTF_8));
    md5.update(secret.getBytes(StandardCharsets.UTF_8));
    StringBuilder hex = new StringBuilder(32);
    for (byte b : md5.digest()) {
      hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return hex.toString();
  }

  private static Throwable refused(
      AmiConnection connection, AmiServerSettings server, Throwable failed) {
    if (failed instanceof AmiActionException refusal) {
      return new SwitchboardException(
          ErrorCode.UNAUTHENTICATED,
          "AMI login as '"
              + server.username()
              + "' to "
              + connection.peer()
              + " refused: "
              + refusal.response().get("Message", "(no message)"));
    }
    return failed;
  }
}
