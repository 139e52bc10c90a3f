package io.switchboard.crm.security;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.crm.security.persistence.UserRepository;
import io.switchboard.crm.security.redis.SessionStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The users API, admins only ({@link Permission#USER_ADMIN}): list, read, create with roles, update
 * display name, roles and active flag, reset a password, and revoke a user's tokens. A change of
 * roles, a deactivation and a password reset revoke every token the user holds, so that the change
 * takes effect at once. Event loop only; hashing runs on the {@link PasswordHasher}'s workers.
 */
public final class UserRoutes {

  public static final String USERS = "/api/v1/users";
  public static final String USER = "/api/v1/users/:id";
  public static final String PASSWORD = "/api/v1/users/:id/password";
  public static final String TOKENS = "/api/v1/users/:id/tokens";

  /** Users per page unless asked otherwise, and at most. */
  static final int DEFAULT_LIMIT = 100;

  static final int MAX_LIMIT = 500;

  private final RouteGuard guard;
  private final UserRepository users;
  private final PasswordHasher hasher;
  private final SessionStore sessions;

  public UserRoutes(
      RouteGuard guard, UserRepository users, PasswordHasher hasher, SessionStore sessions) {
    this.guard = guard;
    this.users = users;
    this.hasher = hasher;
    this.sessions = sessions;
  }

  public void mount(Router router) {
    router.get(USERS).handler(guard.authenticated()).handler(admin()).handler(this::list);
    router.post(USERS).handler(guard.authenticated()).handler(admin()).handler(this::create);
    router.get(USER).handler(guard.authenticated()).handler(admin()).handler(this::read);
    router.patch(USER).handler(guard.authenticated()).handler(admin()).handler(this::update);
    router.put(PASSWORD).handler(guard.authenticated()).handler(admin()).handler(this::password);
    router.delete(TOKENS).handler(guard.authenticated()).handler(admin()).handler(this::revoke);
  }

  private io.vertx.core.Handler<RoutingContext> admin() {
    return guard.require(Permission.USER_ADMIN);
  }

  private void list(RoutingContext context) {
    long after = HttpJson.longParameter(context, "after", 0, 0, Long.MAX_VALUE);
    int limit = (int) HttpJson.longParameter(context, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    users
        .list(after, limit)
        .onSuccess(
            page -> {
              JsonArray items = new JsonArray();
              page.forEach(user -> items.add(user.toJson()));
              Long next = page.size() == limit ? page.get(page.size() - 1).id() : null;
              HttpJson.send(
                  context, 200, new JsonObject().put("items", items).put("nextAfter", next));
            })
        .onFailure(context::fail);
  }

  private void read(RoutingContext context) {
    long id = HttpJson.idParameter(context, "id");
    users
        .find(id)
        .compose(
            found ->
                found
                    .map(Future::succeededFuture)
                    .orElseGet(
                        () ->
                            Future.failedFuture(
                                new SwitchboardException(
                                    ErrorCode.NOT_FOUND, "no user with id " + id))))
        .onSuccess(user -> HttpJson.send(context, 200, user.toJson()))
        .onFailure(context::fail);
  }

  private void create(RoutingContext context) {
    UserRequests.Creation creation =
        UserRequests.creation(HttpJson.body(context, UserRequests.CREATE_FIELDS));
    long actor = Principal.of(context).userId();
    hasher
        .hash(creation.password())
        .compose(hash -> users.create(creation.user(), hash, actor))
        .onSuccess(
            user -> {
              context.response().putHeader("location", USERS + "/" + user.id());
              HttpJson.send(context, 201, user.toJson());
            })
        .onFailure(context::fail);
  }

  private void update(RoutingContext context) {
    long id = HttpJson.idParameter(context, "id");
    UserUpdate update = UserRequests.update(HttpJson.body(context, UserRequests.UPDATE_FIELDS));
    long actor = Principal.of(context).userId();
    users
        .update(id, update, actor)
        .compose(
            change ->
                // An inactive user's tokens are revoked again on every update: a retry after a
                // failed revocation then works.
                change.revokesTokens() || !change.after().active()
                    ? sessions.revokeAll(id).map(change.after())
                    : Future.succeededFuture(change.after()))
        .onSuccess(user -> HttpJson.send(context, 200, user.toJson()))
        .onFailure(context::fail);
  }

  private void password(RoutingContext context) {
    long id = HttpJson.idParameter(context, "id");
    String password =
        UserRequests.newPassword(HttpJson.body(context, UserRequests.PASSWORD_FIELDS));
    long actor = Principal.of(context).userId();
    hasher
        .hash(password)
        .compose(hash -> users.setPassword(id, hash, actor))
        .compose(done -> sessions.revokeAll(id))
        .onSuccess(revoked -> HttpJson.noContent(context))
        .onFailure(context::fail);
  }

  private void revoke(RoutingContext context) {
    long id = HttpJson.idParameter(context, "id");
    users
        .find(id)
        .compose(
            found ->
                found.isPresent()
                    ? sessions.revokeAll(id)
                    : Future.failedFuture(
                        new SwitchboardException(ErrorCode.NOT_FOUND, "no user with id " + id)))
        .onSuccess(revoked -> HttpJson.noContent(context))
        .onFailure(context::fail);
  }
}
