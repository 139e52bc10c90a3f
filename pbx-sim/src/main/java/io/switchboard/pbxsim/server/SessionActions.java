package io.switchboard.pbxsim.server;

import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.pbxsim.model.Replies;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The actions that belong to the session rather than to the PBX, with the wording of {@code
 * main/manager.c} (reference 1.2-1.4): {@code Login} (plain and MD5), {@code Challenge}, {@code
 * Logoff}, {@code Ping}, {@code Events} and {@code CoreSettings}. Holds the session's login state
 * and event mask. Used only on the session's context.
 */
final class SessionActions {

  private final AmiSession session;
  private final AmiServerSettings settings;
  private final long startMillis;

  private boolean authenticated;
  private boolean failing;
  private String challenge;
  private int eventMask = EventClass.ALL;

  SessionActions(AmiSession session, AmiServerSettings settings, long startMillis) {
    this.session = session;
    this.settings = settings;
    this.startMillis = startMillis;
  }

  boolean authenticated() {
    return authenticated;
  }

  int eventMask() {
    return eventMask;
  }

  /** Runs the action if it is a session action; null otherwise. */
  Future<Void> handle(String lowerName, AmiMessage action) {
    switch (lowerName) {
      case "login" -> {
        return login(action);
      }
      case "challenge" -> session.send(challenge(action));
      case "logoff" -> {
        session.send(
            Replies.start("Goodbye", action).with("Message", "Thanks for all the fish.").build());
        session.closeAfterWrites();
      }
      case "ping" -> session.send(ping(action));
      case "events" -> session.send(events(action));
      case "coresettings" -> session.send(coreSettings(action));
      default -> {
        return null;
      }
    }
    return Future.succeededFuture();
  }

  private Future<Void> login(AmiMessage action) {
    if (authenticated) {
      session.send(Replies.success(action, "Already authenticated"));
      return Future.succeededFuture();
    }
    if (failing || !authenticate(action)) {
      // Asterisk sleeps one second, answers, and ends the session (action_login returns -1).
      failing = true;
      Promise<Void> done = Promise.promise();
      session
          .vertx()
          .setTimer(
              Math.max(1, settings.failedLoginDelayMillis()),
              id -> {
                session.send(Replies.error(action, "Authentication failed"));
                session.closeAfterWrites();
                done.complete();
              });
      return done.future();
    }
    authenticated = true;
    int mask = EventClass.stringsToMask(Replies.header(action, "Events"));
    if (mask >= 0) {
      eventMask = mask;
    }
    session.loggedIn();
    session.send(Replies.success(action, "Authentication accepted"));
    if (EventClass.delivers(eventMask, EventClass.SYSTEM.bit())) {
      long uptime = uptimeSeconds();
      session.send(
          AmiMessage.event("FullyBooted")
              .with("Privilege", EventClass.SYSTEM.privilege())
              .with("Uptime", Long.toString(uptime))
              .with("LastReload", Long.toString(uptime))
              .with("Status", "Fully Booted")
              .build());
    }
    session.afterLogin();
    return Future.succeededFuture();
  }

  /** {@code authenticate}: the user must exist; MD5 compares lower-case hex of challenge+secret. */
  private boolean authenticate(AmiMessage action) {
    String user = Replies.header(action, "Username");
    if (user.isEmpty()) {
      return false;
    }
    String secret = secretOf(user);
    if (secret == null) {
      return false;
    }
    if (Replies.header(action, "AuthType").equalsIgnoreCase("MD5")) {
      String key = Replies.header(action, "Key");
      if (key.isEmpty() || challenge == null || secret.isEmpty()) {
        return false;
      }
      return key.equals(md5Hex(challenge + secret));
    }
    return Replies.header(action, "Secret").equals(secret);
  }

  /** Manager user names are matched without case ({@code get_manager_by_name_locked}). */
  private String secretOf(String user) {
    for (Map.Entry<String, String> account : settings.users().entrySet()) {
      if (account.getKey().equalsIgnoreCase(user)) {
        return account.getValue();
      }
    }
    return null;
  }

  static String md5Hex(String text) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is a required JDK algorithm", e);
    }
  }

  private AmiMessage challenge(AmiMessage action) {
    if (!Replies.header(action, "AuthType").equalsIgnoreCase("MD5")) {
      return Replies.error(action, "Must specify AuthType");
    }
    if (challenge == null) {
      challenge = Long.toString(ThreadLocalRandom.current().nextLong(1L << 31));
    }
    return Replies.startAck(action).with("Challenge", challenge).build();
  }

  private AmiMessage ping(AmiMessage action) {
    long micros = System.currentTimeMillis() * 1000;
    AmiMessage reply =
        Replies.startAck(action)
            .with("Ping", "Pong")
            .with(
                "Timestamp",
                String.format(
                    java.util.Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000))
            .build();
    return reply;
  }

  /** {@code action_events}: reads {@code EventMask}, answers {@code Events: On|Off}. */
  private AmiMessage events(AmiMessage action) {
    int mask = EventClass.stringsToMask(Replies.header(action, "EventMask"));
    AmiMessage reply;
    if (mask < 0) {
      reply = Replies.error(action, "Invalid event mask");
    } else {
      eventMask = mask;
      reply = Replies.startAck(action).with("Events", mask > 0 ? "On" : "Off").build();
    }
    return reply;
  }

  private AmiMessage coreSettings(AmiMessage action) {
    AmiMessage reply =
        Replies.startAck(action)
            .with("AMIversion", settings.amiVersion())
            .with("AsteriskVersion", settings.asteriskVersion())
            .with("SystemName", "")
            .with("CoreMaxCalls", "0")
            .with("CoreMaxLoadAvg", "0.000000")
            .with("CoreRunUser", "asterisk")
            .with("CoreRunGroup", "asterisk")
            .with("CoreMaxFilehandles", "0")
            .with("CoreRealTimeEnabled", "No")
            .with("CoreCDRenabled", "Yes")
            .with("CoreHTTPenabled", "No")
            .build();
    return reply;
  }

  private long uptimeSeconds() {
    return Math.max(0, (System.currentTimeMillis() - startMillis) / 1000);
  }
}
