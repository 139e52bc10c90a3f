package io.switchboard.crm.security;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.crm.security.redis.SessionStore;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@link RouteGuard} of the REST API: {@code Authorization: Bearer <token>} is looked up in the
 * {@link SessionStore} (401 with a {@code WWW-Authenticate} header when it is missing, malformed,
 * expired or revoked), and permissions come from the {@link PermissionMatrix} (403 naming the
 * permission). Handlers run on the event loop and never block.
 */
public final class BearerTokenRouteGuard implements RouteGuard {

  /** Where the request's {@link Session} is kept on the routing context. */
  public static final String SESSION_KEY = "switchboard.session";

  private static final String CHALLENGE = "Bearer realm=\"switchboard\"";

  private final SessionStore sessions;

  public BearerTokenRouteGuard(SessionStore sessions) {
    this.sessions = sessions;
  }

  @Override
  public Handler<RoutingContext> authenticated() {
    return this::authenticate;
  }

  @Override
  public Handler<RoutingContext> require(Permission permission) {
    return context -> {
      Principal principal = context.get(Principal.CONTEXT_KEY);
      if (principal == null) {
        // A route that asks for a permission without authenticated() first: refuse, never guess.
        unauthenticated(context, CHALLENGE, "authentication required");
      } else if (PermissionMatrix.allows(principal.roles(), permission)) {
        context.next();
      } else {
        context.fail(
            new SwitchboardException(
                ErrorCode.FORBIDDEN,
                "permission " + permission + " is required and " + describeRoles(principal)));
      }
    };
  }

  /** The raw bearer token of a request, if it carries one. */
  public static Optional<String> token(RoutingContext context) {
    return BearerTokens.fromAuthorization(context.request().getHeader(HttpHeaders.AUTHORIZATION));
  }

  private void authenticate(RoutingContext context) {
    Optional<String> token = token(context);
    if (token.isEmpty()) {
      unauthenticated(
          context,
          CHALLENGE,
          "missing bearer token: send 'Authorization: Bearer <token>' with the token from"
              + " POST /api/v1/auth/login");
      return;
    }
    if (!BearerTokens.wellFormed(token.get())) {
      unauthenticated(
          context,
          CHALLENGE + ", error=\"invalid_token\"",
          "malformed bearer token: expected the 43-character token from POST /api/v1/auth/login");
      return;
    }
    sessions
        .find(token.get())
        .onSuccess(
            session -> {
              if (session.isEmpty()) {
                unauthenticated(
                    context,
                    CHALLENGE + ", error=\"invalid_token\"",
                    "the bearer token has expired or was revoked; log in again");
              } else {
                context.put(SESSION_KEY, session.get());
                context.put(Principal.CONTEXT_KEY, session.get().principal());
                context.next();
              }
            })
        .onFailure(context::fail);
  }

  private static void unauthenticated(RoutingContext context, String challenge, String message) {
    context.response().putHeader("WWW-Authenticate", challenge);
    context.fail(new SwitchboardException(ErrorCode.UNAUTHENTICATED, message));
  }

  private static String describeRoles(Principal principal) {
    if (principal.roles().isEmpty()) {
      return "you hold no role";
    }
    return "your roles ("
        + principal.roles().stream().map(Role::dbName).sorted().collect(Collectors.joining(", "))
        + ") do not grant it";
  }
}
