package io.switchboard.crm.security;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.crm.audit.AuditEvent;
import io.switchboard.crm.audit.persistence.AuditLogRepository;
import io.switchboard.crm.security.persistence.UserRepository;
import io.switchboard.crm.security.redis.LoginAttemptStore;
import io.switchboard.crm.security.redis.SessionStore;
import io.switchboard.crm.security.redis.SessionStore.IssuedToken;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/auth/login} (public), {@code POST /api/v1/auth/logout} and {@code GET
 * /api/v1/auth/me} (any logged-in user). A failed login answers the same 401 whether the username
 * is unknown, inactive or the password wrong, after the same work (a decoy hash is checked when
 * there is no usable user), and counts against both the username and the client address; over the
 * limit, 429 with {@code Retry-After}. Logins, failures and logouts are audited. Event loop only;
 * hashing runs on the {@link PasswordHasher}'s workers.
 */
public final class AuthRoutes {

  public static final String LOGIN = "/api/v1/auth/login";
  public static final String LOGOUT = "/api/v1/auth/logout";
  public static final String ME = "/api/v1/auth/me";

  /** Longest username or password read from a login body; nothing longer can match. */
  private static final int MAX_FIELD_LENGTH = 1_024;

  private static final String BAD_CREDENTIALS = "invalid username or password";
  private static final Logger LOG = LoggerFactory.getLogger(AuthRoutes.class);

  private final RouteGuard guard;
  private final UserRepository users;
  private final PasswordHasher hasher;
  private final SessionStore sessions;
  private final LoginAttemptStore attempts;
  private final AuditLogRepository audit;

  public AuthRoutes(
      RouteGuard guard,
      UserRepository users,
      PasswordHasher hasher,
      SessionStore sessions,
      LoginAttemptStore attempts,
      AuditLogRepository audit) {
    this.guard = guard;
    this.users = users;
    this.hasher = hasher;
    this.sessions = sessions;
    this.attempts = attempts;
    this.audit = audit;
  }

  public void mount(Router router) {
    router.post(LOGIN).handler(this::login);
    router.post(LOGOUT).handler(guard.authenticated()).handler(this::logout);
    router.get(ME).handler(guard.authenticated()).handler(this::me);
  }

  /** What a login attempt found: the user under that name, if any, and whether it may log in. */
  private record Attempt(Optional<Credentials> found, boolean accepted) {}

  private void login(RoutingContext context) {
    JsonObject body = HttpJson.body(context, Set.of("username", "password"));
    String username = requiredText(body, "username");
    String password = requiredText(body, "password");
    String address = clientAddress(context);
    attempts
        .blockedFor(username, address)
        .compose(wait -> wait.isZero() ? Future.succeededFuture() : rateLimited(context, wait))
        .compose(allowed -> users.findCredentials(username))
        .compose(found -> check(found, password))
        .compose(
            attempt ->
                attempt.accepted()
                    ? succeed(attempt.found().orElseThrow(), username)
                    : fail(attempt.found(), username, address))
        .onSuccess(answer -> HttpJson.send(context, 200, answer))
        .onFailure(context::fail);
  }

  /** Checks the password of an active user, or the decoy when there is none: the same work. */
  private Future<Attempt> check(Optional<Credentials> found, String password) {
    Optional<Credentials> usable = found.filter(credentials -> credentials.user().active());
    String hash = usable.map(Credentials::passwordHash).orElse(null);
    return hasher
        .verify(password, hash)
        .map(
            matches -> {
              if (matches && hasher.needsRehash(hash)) {
                rehash(usable.get().user().id(), hash, password);
              }
              return new Attempt(found, matches);
            });
  }

  /** Replaces a hash made with older parameters; in the background, failure only logged. */
  private void rehash(long userId, String oldHash, String password) {
    hasher
        .hash(password)
        .compose(newHash -> users.rehash(userId, oldHash, newHash))
        .onFailure(failed -> LOG.warn("Could not rehash the password of user {}", userId, failed));
  }

  private Future<JsonObject> succeed(Credentials credentials, String username) {
    User user = credentials.user();
    return attempts
        .clearUsername(username)
        .compose(cleared -> sessions.issue(user.principal()))
        .compose(issued -> stillTheSame(credentials, username, issued))
        .compose(
            issued ->
                users
                    .recordLogin(user.id())
                    .compose(recorded -> audit.record(loginEvent(user.id(), AuditEvent.LOGIN)))
                    .map(
                        recorded ->
                            new JsonObject()
                                .put("token", issued.token())
                                .put("tokenType", "Bearer")
                                .put("expiresAt", issued.expiresAt().toString())
                                .put("user", describe(user.principal()))));
  }

  /**
   * Guards the window between reading the user and issuing the token: an admin who deactivated the
   * user, changed their roles or reset their password meanwhile revoked every token the user had,
   * but not this one. It is revoked here instead, and the login must be tried again.
   */
  private Future<IssuedToken> stillTheSame(
      Credentials checked, String username, IssuedToken issued) {
    return users
        .findCredentials(username)
        .compose(
            now -> {
              boolean same =
                  now.isPresent()
                      && now.get().user().active()
                      && now.get().user().principal().equals(checked.user().principal())
                      && now.get().passwordHash().equals(checked.passwordHash());
              if (same) {
                return Future.succeededFuture(issued);
              }
              return sessions
                  .revoke(checked.user().id(), issued.token())
                  .transform(
                      revoked ->
                          Future.failedFuture(
                              new SwitchboardException(
                                  ErrorCode.UNAUTHENTICATED,
                                  "the account changed while logging in; log in again")));
            });
  }

  private Future<JsonObject> fail(Optional<Credentials> found, String username, String address) {
    // The attempted username is kept only when it names a user: a password typed into the
    // username field must not end up in the audit log.
    Long userId = found.map(credentials -> credentials.user().id()).orElse(null);
    String detail =
        (found.isPresent() ? "username " + found.get().user().username() : "unknown username")
            + " from "
            + address;
    return attempts
        .recordFailure(username, address)
        .compose(
            counted ->
                audit.record(
                    new AuditEvent(
                        null,
                        AuditEvent.LOGIN_FAILED,
                        AuditEvent.USER,
                        userId,
                        null,
                        null,
                        detail)))
        .compose(
            recorded ->
                Future.failedFuture(
                    new SwitchboardException(ErrorCode.UNAUTHENTICATED, BAD_CREDENTIALS)));
  }

  private void logout(RoutingContext context) {
    Principal principal = Principal.of(context);
    String token = BearerTokenRouteGuard.token(context).orElseThrow();
    sessions
        .revoke(principal.userId(), token)
        .compose(revoked -> audit.record(loginEvent(principal.userId(), AuditEvent.LOGOUT)))
        .onSuccess(done -> HttpJson.noContent(context))
        .onFailure(context::fail);
  }

  private void me(RoutingContext context) {
    Session session = context.get(BearerTokenRouteGuard.SESSION_KEY);
    JsonObject answer =
        describe(session.principal()).put("expiresAt", session.expiresAt().toString());
    HttpJson.send(context, 200, answer);
  }

  /** The user as the client sees itself: id, username, roles and the permissions they grant. */
  private static JsonObject describe(Principal principal) {
    JsonArray roles = new JsonArray();
    principal.roles().stream().map(Role::dbName).sorted().forEach(roles::add);
    JsonArray permissions = new JsonArray();
    Arrays.stream(Permission.values())
        .filter(permission -> PermissionMatrix.allows(principal.roles(), permission))
        .forEach(permission -> permissions.add(permission.name()));
    return new JsonObject()
        .put("id", principal.userId())
        .put("username", principal.username())
        .put("roles", roles)
        .put("permissions", permissions);
  }

  private static AuditEvent loginEvent(long userId, String action) {
    return new AuditEvent(userId, action, AuditEvent.USER, userId, null, null, null);
  }

  private static <T> Future<T> rateLimited(RoutingContext context, Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    context.response().putHeader("Retry-After", Long.toString(seconds));
    return Future.failedFuture(
        new SwitchboardException(
            ErrorCode.RATE_LIMITED,
            "too many failed logins for this username or address; try again in " + seconds + " s"));
  }

  private static String requiredText(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (!(value instanceof String text) || text.isEmpty()) {
      throw new SwitchboardException(
          ErrorCode.VALIDATION_FAILED, field + ": required, a non-empty string");
    }
    if (text.length() > MAX_FIELD_LENGTH) {
      throw new SwitchboardException(
          ErrorCode.VALIDATION_FAILED, field + ": longer than " + MAX_FIELD_LENGTH + " characters");
    }
    return text;
  }

  /**
   * The client's address as the HTTP server sees it; behind a proxy, that is the proxy's unless the
   * router trusts forwarded headers ({@code Router.allowForward}).
   */
  private static String clientAddress(RoutingContext context) {
    SocketAddress remote = context.request().remoteAddress();
    if (remote == null) {
      return "unknown";
    }
    return remote.hostAddress() != null ? remote.hostAddress() : remote.toString();
  }
}
