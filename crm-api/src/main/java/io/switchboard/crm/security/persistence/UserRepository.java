package io.switchboard.crm.security.persistence;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.crm.audit.AuditEvent;
import io.switchboard.crm.audit.persistence.AuditLogRepository;
import io.switchboard.crm.security.Credentials;
import io.switchboard.crm.security.NewUser;
import io.switchboard.crm.security.Role;
import io.switchboard.crm.security.User;
import io.switchboard.crm.security.UserChange;
import io.switchboard.crm.security.UserUpdate;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users and their roles ({@code users}, {@code user_roles}). Every change commits together with its
 * audit entry; password hashes are written here but never returned except to login ({@link
 * #findCredentials}). Changes that could leave no active admin are refused, serialised by one
 * advisory lock so that two admins cannot demote each other at once. Thread-safe; futures complete
 * on the caller's context.
 */
public final class UserRepository {

  private static final Logger LOG = LoggerFactory.getLogger(UserRepository.class);
  private static final String UNIQUE_VIOLATION = "23505";

  private static final String SELECT =
      "SELECT u.id, u.username, u.display_name, u.active, u.created_at, u.updated_at,"
          + " u.password_changed_at, u.last_login_at, u.password_hash,"
          + " coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL),"
          + " '{}') AS roles"
          + " FROM users u LEFT JOIN user_roles r ON r.user_id = u.id ";
  private static final String LOCK_ADMINS =
      "SELECT pg_advisory_xact_lock(hashtext('switchboard.users.admins'))";
  private static final String ACTIVE_ADMIN_EXISTS =
      "SELECT EXISTS (SELECT 1 FROM users u JOIN user_roles r ON r.user_id = u.id"
          + " WHERE r.role = 'admin' AND u.active) AS present";
  private static final String INSERT_ROLES =
      "INSERT INTO user_roles (user_id, role) SELECT $1, unnest($2::text[])"
          + " ON CONFLICT DO NOTHING";

  private final Pool pool;

  public UserRepository(Pool pool) {
    this.pool = pool;
  }

  /** The user with this username in any letter case, with their password hash, for login. */
  public Future<Optional<Credentials>> findCredentials(String username) {
    return pool.preparedQuery(SELECT + "WHERE lower(u.username) = lower($1) GROUP BY u.id")
        .execute(Tuple.of(username))
        .map(
            rows ->
                first(rows)
                    .map(row -> new Credentials(toUser(row), row.getString("password_hash"))));
  }

  /** The user with this id. */
  public Future<Optional<User>> find(long id) {
    return find(pool, id);
  }

  /** Up to {@code limit} users with ids above {@code afterId}, by id. */
  public Future<List<User>> list(long afterId, int limit) {
    return pool.preparedQuery(SELECT + "WHERE u.id > $1 GROUP BY u.id ORDER BY u.id LIMIT $2")
        .execute(Tuple.of(afterId, limit))
        .map(
            rows -> {
              List<User> users = new ArrayList<>();
              rows.forEach(row -> users.add(toUser(row)));
              return users;
            });
  }

  /**
   * Creates a user with a hashed password.
   *
   * @throws SwitchboardException CONFLICT (in the future) when the username is taken
   */
  public Future<User> create(NewUser user, String passwordHash, Long actorId) {
    return pool.withTransaction(
            connection ->
                connection
                    .preparedQuery(
                        "INSERT INTO users (username, display_name, password_hash, active,"
                            + " password_changed_at) VALUES ($1, $2, $3, $4, now()) RETURNING id")
                    .execute(
                        Tuple.of(user.username(), user.displayName(), passwordHash, user.active()))
                    .map(rows -> rows.iterator().next().getLong("id"))
                    .compose(id -> insertRoles(connection, id, user.roles()).map(id))
                    .compose(id -> find(connection, id))
                    .map(Optional::orElseThrow)
                    .compose(
                        created ->
                            AuditLogRepository.insert(
                                    connection,
                                    new AuditEvent(
                                        actorId,
                                        AuditEvent.CREATE,
                                        AuditEvent.USER,
                                        created.id(),
                                        null,
                                        created.toAuditJson(),
                                        null))
                                .map(created)))
        .recover(failure -> Future.failedFuture(translate(failure, user.username())));
  }

  /**
   * Applies an admin's update.
   *
   * @throws SwitchboardException NOT_FOUND for an unknown id; CONFLICT when the change would leave
   *     no active admin
   */
  public Future<UserChange> update(long id, UserUpdate update, long actorId) {
    return pool.withTransaction(
        connection ->
            connection
                .query(LOCK_ADMINS)
                .execute()
                .compose(locked -> find(connection, id))
                .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> notFound(id)))
                .compose(
                    before -> applyUpdate(connection, before, update.applyTo(before), actorId)));
  }

  private Future<UserChange> applyUpdate(
      SqlConnection connection, User before, User wanted, long actorId) {
    Future<Void> written =
        connection
            .preparedQuery(
                "UPDATE users SET display_name = $2, active = $3, updated_at = now() WHERE id = $1")
            .execute(Tuple.of(before.id(), wanted.displayName(), wanted.active()))
            .mapEmpty();
    if (!before.roles().equals(wanted.roles())) {
      written =
          written
              .compose(
                  ignored ->
                      connection
                          .preparedQuery("DELETE FROM user_roles WHERE user_id = $1")
                          .execute(Tuple.of(before.id())))
              .compose(ignored -> insertRoles(connection, before.id(), wanted.roles()));
    }
    return written
        .compose(ignored -> requireActiveAdmin(connection))
        .compose(ignored -> find(connection, before.id()))
        .map(Optional::orElseThrow)
        .compose(
            after ->
                AuditLogRepository.insert(
                        connection,
                        new AuditEvent(
                            actorId,
                            AuditEvent.UPDATE,
                            AuditEvent.USER,
                            after.id(),
                            before.toAuditJson(),
                            after.toAuditJson(),
                            null))
                    .map(new UserChange(before, after)));
  }

  /**
   * Sets a new password hash (an admin's reset).
   *
   * @throws SwitchboardException NOT_FOUND for an unknown id
   */
  public Future<Void> setPassword(long id, String passwordHash, long actorId) {
    return pool.withTransaction(
        connection ->
            connection
                .preparedQuery(
                    "UPDATE users SET password_hash = $2, password_changed_at = now(),"
                        + " updated_at = now() WHERE id = $1")
                .execute(Tuple.of(id, passwordHash))
                .compose(rows -> rows.rowCount() == 0 ? notFound(id) : Future.succeededFuture())
                .compose(
                    ignored ->
                        AuditLogRepository.insert(
                            connection,
                            new AuditEvent(
                                actorId,
                                AuditEvent.UPDATE,
                                AuditEvent.USER,
                                id,
                                null,
                                null,
                                "password reset"))));
  }

  /** Replaces a hash made with older parameters after a successful login; no-op if it changed. */
  public Future<Void> rehash(long id, String oldHash, String newHash) {
    return pool.preparedQuery(
            "UPDATE users SET password_hash = $3 WHERE id = $1 AND password_hash = $2")
        .execute(Tuple.of(id, oldHash, newHash))
        .mapEmpty();
  }

  /** Notes a successful login. */
  public Future<Void> recordLogin(long id) {
    return pool.preparedQuery("UPDATE users SET last_login_at = now() WHERE id = $1")
        .execute(Tuple.of(id))
        .mapEmpty();
  }

  /** True when at least one active user holds the admin role. */
  public Future<Boolean> hasActiveAdmin() {
    return pool.query(ACTIVE_ADMIN_EXISTS)
        .execute()
        .map(rows -> rows.iterator().next().getBoolean("present"));
  }

  /**
   * Makes {@code username} an active admin with this password, unless an active admin exists by the
   * time the lock is held: creates the user, or reactivates and resets an existing one.
   *
   * @return the admin made, or empty when one already existed
   */
  public Future<Optional<User>> bootstrapAdmin(String username, String passwordHash) {
    return pool.withTransaction(
        connection ->
            connection
                .query(LOCK_ADMINS)
                .execute()
                .compose(locked -> connection.query(ACTIVE_ADMIN_EXISTS).execute())
                .compose(
                    rows ->
                        rows.iterator().next().getBoolean("present")
                            ? Future.succeededFuture(Optional.empty())
                            : makeAdmin(connection, username, passwordHash).map(Optional::of)));
  }

  private Future<User> makeAdmin(SqlConnection connection, String username, String passwordHash) {
    return connection
        .preparedQuery(
            "UPDATE users SET password_hash = $2, active = true, password_changed_at = now(),"
                + " updated_at = now() WHERE lower(username) = lower($1) RETURNING id")
        .execute(Tuple.of(username, passwordHash))
        .compose(
            rows ->
                rows.rowCount() > 0
                    ? Future.succeededFuture(rows.iterator().next().getLong("id"))
                    : connection
                        .preparedQuery(
                            "INSERT INTO users (username, display_name, password_hash,"
                                + " password_changed_at) VALUES ($1, 'Administrator', $2, now())"
                                + " RETURNING id")
                        .execute(Tuple.of(username, passwordHash))
                        .map(inserted -> inserted.iterator().next().getLong("id")))
        .compose(id -> insertRoles(connection, id, Set.of(Role.ADMIN)).map(id))
        .compose(id -> find(connection, id))
        .map(Optional::orElseThrow)
        .compose(
            admin ->
                AuditLogRepository.insert(
                        connection,
                        new AuditEvent(
                            null,
                            AuditEvent.UPDATE,
                            AuditEvent.USER,
                            admin.id(),
                            null,
                            admin.toAuditJson(),
                            "bootstrap admin"))
                    .map(admin));
  }

  private static Future<Void> insertRoles(SqlClient client, long userId, Set<Role> roles) {
    String[] names = roles.stream().map(Role::dbName).sorted().toArray(String[]::new);
    return client
        .preparedQuery(INSERT_ROLES)
        .execute(Tuple.tuple().addLong(userId).addArrayOfString(names))
        .mapEmpty();
  }

  private static Future<Void> requireActiveAdmin(SqlClient client) {
    return client
        .query(ACTIVE_ADMIN_EXISTS)
        .execute()
        .compose(
            rows ->
                rows.iterator().next().getBoolean("present")
                    ? Future.<Void>succeededFuture()
                    : Future.failedFuture(
                        new SwitchboardException(
                            ErrorCode.CONFLICT,
                            "this change would leave no active admin; make another user an admin"
                                + " first")));
  }

  private static Future<Optional<User>> find(SqlClient client, long id) {
    return client
        .preparedQuery(SELECT + "WHERE u.id = $1 GROUP BY u.id")
        .execute(Tuple.of(id))
        .map(rows -> first(rows).map(UserRepository::toUser));
  }

  private static <T> Future<T> notFound(long id) {
    return Future.failedFuture(
        new SwitchboardException(ErrorCode.NOT_FOUND, "no user with id " + id));
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    var iterator = rows.iterator();
    return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
  }

  private static Throwable translate(Throwable failure, String username) {
    if (failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
      return new SwitchboardException(
          ErrorCode.CONFLICT, "username '" + username + "' is taken (usernames ignore case)");
    }
    return failure;
  }

  private static User toUser(Row row) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : row.getArrayOfStrings("roles")) {
      try {
        roles.add(Role.fromDbName(name));
      } catch (IllegalArgumentException unknown) {
        // A role added in the database that this code does not know grants nothing.
        LOG.warn(
            "User {} holds role '{}', which grants no permission here", row.getLong("id"), name);
      }
    }
    return new User(
        row.getLong("id"),
        row.getString("username"),
        row.getString("display_name"),
        row.getBoolean("active"),
        roles,
        instant(row.getOffsetDateTime("created_at")),
        instant(row.getOffsetDateTime("updated_at")),
        instant(row.getOffsetDateTime("password_changed_at")),
        instant(row.getOffsetDateTime("last_login_at")));
  }

  private static java.time.Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
