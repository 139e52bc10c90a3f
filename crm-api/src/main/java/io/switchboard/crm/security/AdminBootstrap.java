package io.switchboard.crm.security;

import io.switchboard.core.config.Mode;
import io.switchboard.core.config.SecuritySettings;
import io.switchboard.crm.security.persistence.UserRepository;
import io.vertx.core.Future;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure someone can manage users: at start, when no active admin exists, makes {@code
 * security.bootstrap-admin-username} an active admin with {@code security.bootstrap-admin-password}
 * (creating the user, or reactivating it with that password). In dev mode without a password a
 * random one is generated and logged once; in production mode without one nothing is created and a
 * warning says what to set. Runs once, on the event loop.
 */
public final class AdminBootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

  private final UserRepository users;
  private final PasswordHasher hasher;

  public AdminBootstrap(UserRepository users, PasswordHasher hasher) {
    this.users = users;
    this.hasher = hasher;
  }

  /** What happened: the admin made, if one was; the password generated, if it was generated. */
  public record Outcome(Optional<User> admin, Optional<String> generatedPassword) {
    static final Outcome NOTHING = new Outcome(Optional.empty(), Optional.empty());
  }

  /** Ensures an active admin exists, as described above. */
  public Future<Outcome> run(Mode mode, SecuritySettings settings) {
    return users
        .hasActiveAdmin()
        .compose(
            present -> {
              if (present) {
                return Future.succeededFuture(Outcome.NOTHING);
              }
              Optional<String> configured = settings.bootstrapAdminPassword();
              if (configured.isEmpty() && mode == Mode.PRODUCTION) {
                LOG.warn(
                    "No active admin exists and security.bootstrap-admin-password is empty: nobody"
                        + " can manage users. Set it (at least {} characters) and restart.",
                    SecuritySettings.MIN_PASSWORD_LENGTH);
                return Future.succeededFuture(Outcome.NOTHING);
              }
              String password = configured.orElseGet(BearerTokens::generate);
              Optional<String> generated =
                  configured.isEmpty() ? Optional.of(password) : Optional.empty();
              return hasher
                  .hash(password)
                  .compose(hash -> users.bootstrapAdmin(settings.bootstrapAdminUsername(), hash))
                  .map(admin -> report(admin, generated));
            });
  }

  private static Outcome report(Optional<User> admin, Optional<String> generated) {
    if (admin.isEmpty()) {
      return Outcome.NOTHING;
    }
    String username = admin.get().username();
    if (generated.isPresent()) {
      // Dev mode only: the one place this password is ever shown.
      LOG.warn(
          "Created admin '{}' with the generated password {} (dev mode; set"
              + " security.bootstrap-admin-password to choose it)",
          username,
          generated.get());
      return new Outcome(admin, generated);
    }
    LOG.info(
        "Made '{}' the admin with the password from security.bootstrap-admin-password", username);
    return new Outcome(admin, Optional.empty());
  }
}
