package io.switchboard.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting Switchboard knows, with its default and meaning. Loading rejects keys that are not
 * here, so a typo fails at start instead of being ignored. The README's configuration table is
 * checked against this list.
 */
public final class SettingCatalog {

  public static final List<SettingKey> ALL =
      List.of(
          new SettingKey(
              "mode",
              "dev",
              "`dev` starts embedded PostgreSQL and Redis for whichever of `postgres.url` and"
                  + " `redis.url` is empty; `production` requires both."),
          new SettingKey(
              "data.dir", "data", "Directory for the embedded servers' data in dev mode."),
          new SettingKey("http.host", "0.0.0.0", "Address the HTTP server listens on."),
          new SettingKey("http.port", "8080", "HTTP port; 0 picks a free port."),
          new SettingKey(
              "http.max-body-size", "1048576", "Largest accepted HTTP request body, in bytes."),
          new SettingKey(
              "postgres.url",
              "",
              "`postgresql://user:password@host:5432/database`. Empty in dev mode: embedded."),
          new SettingKey("postgres.pool-size", "10", "Connections in the PostgreSQL pool."),
          new SettingKey(
              "postgres.lookup-pool-size",
              "8",
              "Connections kept for the screen pop's customer lookups, apart from the main pool."),
          new SettingKey(
              "postgres.max-wait-queue",
              "1000",
              "Queries that may wait for a pooled connection before new ones are refused."),
          new SettingKey(
              "postgres.connect-timeout", "5s", "Time allowed to open one PostgreSQL connection."),
          new SettingKey(
              "redis.url",
              "",
              "`redis://[:password@]host:6379[/database]`. Empty in dev mode: embedded."),
          new SettingKey(
              "redis.key-prefix",
              "switchboard:",
              "Prefix of every Redis key Switchboard writes, so that one Redis can serve several"
                  + " installations."),
          new SettingKey(
              "redis.command-timeout", "2s", "Time allowed for one Redis command to answer."),
          new SettingKey(
              "ami.servers",
              "",
              "Asterisk servers, comma-separated `id=ami://user:secret@host:5038`. The id is"
                  + " stored on every call record."),
          new SettingKey(
              "ami.auth",
              "md5",
              "AMI login: `md5` (Challenge, then an MD5 key; the secret never crosses the wire) or"
                  + " `plain`."),
          new SettingKey(
              "ami.ping-interval",
              "20s",
              "Time between keep-alive `Ping` actions on a logged-in AMI session."),
          new SettingKey(
              "ami.action-timeout",
              "10s",
              "Time an AMI action (and the connect, the login, a keep-alive `Ping`) has to answer;"
                  + " an unanswered `Ping` ends the session and a reconnect follows."),
          new SettingKey(
              "ami.reconnect-min-delay",
              "500ms",
              "Ceiling of the first AMI reconnect delay; the ceiling doubles after each failure and"
                  + " each delay is drawn at random below it (full jitter)."),
          new SettingKey(
              "ami.reconnect-max-delay", "30s", "Largest ceiling of the AMI reconnect delay."),
          new SettingKey(
              "security.token-ttl",
              "8h",
              "Lifetime of a login token, counted from the login and not extended by use (one"
                  + " shift); from 1m to 168h."),
          new SettingKey(
              "security.login-max-failures",
              "5",
              "Failed logins allowed per username within `security.login-failure-window`; the"
                  + " next attempt is answered 429 until the window ends."),
          new SettingKey(
              "security.login-max-failures-per-address",
              "50",
              "Failed logins allowed per client address within the window; higher than per"
                  + " username because a call center's agents often share one NAT address."),
          new SettingKey(
              "security.login-failure-window",
              "15m",
              "Window in which failed logins are counted, from the first failure."),
          new SettingKey(
              "security.password-hash-threads",
              "2",
              "Worker threads that hash and check passwords (argon2id, 19 MiB of memory each)."),
          new SettingKey(
              "security.bootstrap-admin-username",
              "admin",
              "Username of the first admin, created at start when no active admin exists."),
          new SettingKey(
              "security.bootstrap-admin-password",
              "",
              "Password of that first admin (12 to 128 characters). Empty in dev mode: a random"
                  + " one is generated and logged once; empty in production mode: no admin is"
                  + " created and a warning says so."),
          new SettingKey(
              "calllog.spool-dir",
              "",
              "Directory where finished calls wait while PostgreSQL is unavailable. Empty:"
                  + " `calllog-spool` under `data.dir`."),
          new SettingKey(
              "calllog.spool-max-mb",
              "64",
              "Most megabytes of unwritten call logs the spool holds; beyond it new call logs are"
                  + " refused and logged in full."),
          new SettingKey(
              "calllog.retry-interval",
              "5s",
              "Pause between attempts to write spooled call logs while PostgreSQL fails."),
          new SettingKey(
              "dev.pbx-sim",
              "0.1/s",
              "In dev mode with `ami.servers` empty: start the PBX simulator as Asterisk server"
                  + " `pbx-sim` with calls arriving at this rate (`0/s` for none), or `off`."),
          new SettingKey(
              "health.check-timeout",
              "2s",
              "Time a dependency has to answer a readiness check before it counts as down."),
          new SettingKey(
              "shutdown.timeout",
              "8s",
              "Time allowed to drain and close everything on SIGTERM before exiting."),
          new SettingKey("log.format", "text", "`text` for people, `json` for log collectors."),
          new SettingKey(
              "log.level",
              "INFO",
              "Level of Switchboard's own loggers: ERROR, WARN, INFO, DEBUG or TRACE."),
          new SettingKey(
              "crm.default-region",
              "CN",
              "Country (ISO 3166 code) whose national formats a phone number without a country"
                  + " code is read in, e.g. `013800138000`."),
          new SettingKey(
              "console.heartbeat-interval",
              "15s",
              "Time between WebSocket ping frames to each live console session."),
          new SettingKey(
              "console.heartbeat-misses",
              "2",
              "Pings in a row a console session may leave without a pong before it is closed."),
          new SettingKey(
              "console.replay-size",
              "500",
              "Messages kept per user so that a reconnecting console gets what it missed."),
          new SettingKey(
              "console.replay-window",
              "5m",
              "How long a message stays resendable; an older gap gets a fresh snapshot."),
          new SettingKey(
              "console.outbound-queue",
              "1000",
              "Messages one console session may have unsent before it is cut off as too slow."),
          new SettingKey(
              "console.allowed-origins",
              "",
              "Comma-separated origins (`https://host:port`) that may open console WebSockets"
                  + " besides the server's own host. Empty: the same host only."),
          new SettingKey(
              "console.dial-context",
              "from-internal",
              "Asterisk context an agent's click-to-dial and transfers to a number or to another"
                  + " agent's extension go through."),
          new SettingKey(
              "console.queue-context",
              "from-internal",
              "Asterisk context in which each queue is reached by an extension named like the"
                  + " queue (transfers to a queue)."),
          new SettingKey(
              "console.wrap-up",
              "*=30s",
              "Wrap-up after a call, per queue: `<queue>=<time>[:ready or :not-ready]`, comma"
                  + " separated, `*` for other queues (e.g. `*=30s, sales=1m:not-ready`)."),
          new SettingKey(
              "dialer.channel-template",
              "PJSIP/{number}@trunk",
              "Channel the dialer's Originate calls a lead on; `{number}` is the lead's E.164"
                  + " number (e.g. `Local/{number}@outbound`)."),
          new SettingKey(
              "dialer.context",
              "dialer",
              "Asterisk context an answered dialer call continues in when its campaign has AMD"
                  + " off (extension: the campaign's queue)."),
          new SettingKey(
              "dialer.amd-context",
              "dialer-amd",
              "The same when the campaign has AMD on: it runs `AMD()` first and hangs up on a"
                  + " machine."),
          new SettingKey(
              "dialer.abandon-context",
              "dialer-abandon",
              "Asterisk context a live call no agent took within 2 s is redirected to (extension"
                  + " `s`): it plays the campaign's abandon message and hangs up."),
          new SettingKey(
              "dialer.preview-context",
              "dialer-preview",
              "Asterisk context a preview dial continues in once the agent's phone answered: it"
                  + " dials the lead's number (extension) with the campaign's caller ID."),
          new SettingKey(
              "dialer.group-queue",
              "dialer-hold",
              "Asterisk queue (with no members) an agent-group campaign's answered person waits in"
                  + " until the dialer redirects the call to a ready member of the group."),
          new SettingKey(
              "dialer.agent-context",
              "from-internal",
              "Asterisk context the dialer redirects an agent-group call to, at the chosen"
                  + " agent's extension, to ring the agent's phone."));

  private static final Map<String, SettingKey> BY_KEY = index();

  private SettingCatalog() {}

  /** The known setting with this key, if there is one. */
  public static Optional<SettingKey> find(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }

  /** The built-in defaults, as a flat map from key to value. */
  public static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    ALL.forEach(setting -> defaults.put(setting.key(), setting.defaultValue()));
    return defaults;
  }

  private static Map<String, SettingKey> index() {
    Map<String, SettingKey> byKey = new LinkedHashMap<>();
    ALL.forEach(setting -> byKey.put(setting.key(), setting));
    return Map.copyOf(byKey);
  }
}
