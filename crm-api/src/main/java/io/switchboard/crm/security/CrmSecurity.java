package io.switchboard.crm.security;

import io.switchboard.core.config.Mode;
import io.switchboard.core.config.SecuritySettings;
import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.core.redis.RedisDatabase;
import io.switchboard.crm.audit.AuditRoutes;
import io.switchboard.crm.audit.persistence.AuditLogRepository;
import io.switchboard.crm.security.persistence.UserRepository;
import io.switchboard.crm.security.redis.ActiveCallStore;
import io.switchboard.crm.security.redis.LoginAttemptStore;
import io.switchboard.crm.security.redis.SessionStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * The CRM's security, built in one place: the {@link RouteGuard} and {@link SensitiveFieldPolicy}
 * that the CRM routes use, the active-call store behind the policy, and the auth, users and audit
 * routes. {@link #start} also makes the first admin when there is none and registers the {@link
 * TokenVerifyConsumer} ({@code auth.token.verify}) that the live console checks tokens with.
 * Thread-safe once started.
 */
public final class CrmSecurity {

  private final PasswordHasher hasher;
  private final UserRepository users;
  private final SessionStore sessions;
  private final RouteGuard guard;
  private final SensitiveFieldPolicy fieldPolicy;
  private final ActiveCallStore activeCalls;
  private final AuthRoutes authRoutes;
  private final UserRoutes userRoutes;
  private final AuditRoutes auditRoutes;
  private MessageConsumer<JsonObject> tokenVerifier;

  private CrmSecurity(
      PasswordHasher hasher,
      PostgresDatabase database,
      RedisDatabase redis,
      SecuritySettings settings) {
    this.hasher = hasher;
    this.users = new UserRepository(database.pool());
    this.sessions = new SessionStore(redis, settings.tokenTtl());
    AuditLogRepository audit = new AuditLogRepository(database.pool());
    LoginAttemptStore attempts =
        new LoginAttemptStore(
            redis,
            settings.loginMaxFailures(),
            settings.loginMaxFailuresPerAddress(),
            settings.loginFailureWindow());
    this.activeCalls = new ActiveCallStore(redis);
    this.guard = new BearerTokenRouteGuard(sessions);
    this.fieldPolicy = new PhoneMaskingPolicy(activeCalls);
    this.authRoutes = new AuthRoutes(guard, users, hasher, sessions, attempts, audit);
    this.userRoutes = new UserRoutes(guard, users, hasher, sessions);
    this.auditRoutes = new AuditRoutes(guard, audit);
  }

  /**
   * Builds the security parts and runs the {@link AdminBootstrap}; fails when PostgreSQL cannot be
   * reached to check for an admin.
   */
  public static Future<CrmSecurity> start(
      Vertx vertx,
      PostgresDatabase database,
      RedisDatabase redis,
      SecuritySettings settings,
      Mode mode) {
    return PasswordHasher.create(vertx, settings.passwordHashThreads())
        .compose(
            hasher -> {
              CrmSecurity security = new CrmSecurity(hasher, database, redis, settings);
              return new AdminBootstrap(security.users, hasher)
                  .run(mode, settings)
                  .compose(
                      done -> new TokenVerifyConsumer(security.sessions).register(vertx.eventBus()))
                  .map(
                      consumer -> {
                        security.tokenVerifier = consumer;
                        return security;
                      })
                  .recover(
                      failed -> hasher.close().transform(closed -> Future.failedFuture(failed)));
            });
  }

  /** Mounts the auth, users and audit routes (a BodyHandler must run before them). */
  public void mount(Router router) {
    authRoutes.mount(router);
    userRoutes.mount(router);
    auditRoutes.mount(router);
  }

  public RouteGuard guard() {
    return guard;
  }

  public SensitiveFieldPolicy fieldPolicy() {
    return fieldPolicy;
  }

  /** Where the live console records each agent's active call (see {@link ActiveCallStore}). */
  public ActiveCallStore activeCalls() {
    return activeCalls;
  }

  UserRepository users() {
    return users;
  }

  SessionStore sessions() {
    return sessions;
  }

  PasswordHasher hasher() {
    return hasher;
  }

  /** Stops answering token checks and stops the password hashing workers. */
  public Future<Void> close() {
    Future<Void> unregistered =
        tokenVerifier == null ? Future.succeededFuture() : tokenVerifier.unregister();
    return unregistered.transform(done -> hasher.close());
  }
}
