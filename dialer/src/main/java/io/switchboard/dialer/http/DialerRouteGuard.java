package io.switchboard.dialer.http;

import io.switchboard.core.console.ConsoleAddresses;
import io.switchboard.core.console.TokenVerifyRequest;
import io.switchboard.core.console.VerifiedUser;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards the dialer's routes with the same login tokens as the CRM: {@code Authorization: Bearer
 * <token>} is checked over {@value ConsoleAddresses#AUTH_TOKEN_VERIFY} (answered by crm-api from
 * its session store, as for the live console), so the dialer needs no import of crm-api. 401 with
 * {@code WWW-Authenticate} when the token is missing, malformed, expired or revoked; 403 naming the
 * {@link DialerPermission} when the user's roles do not grant it; 503 when tokens cannot be
 * checked. Handlers run on the event loop and never block.
 */
public final class DialerRouteGuard {

  /** How long a token check may take before the request is answered 503. */
  static final long VERIFY_TIMEOUT_MS = 5_000;

  private static final Logger LOG = LoggerFactory.getLogger(DialerRouteGuard.class);
  private static final String CHALLENGE = "Bearer realm=\"switchboard\"";
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,256}");

  private final Vertx vertx;

  public DialerRouteGuard(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Puts the request's verified user on the context, or fails the request with 401. */
  Handler<RoutingContext> authenticated() {
    return this::authenticate;
  }

  /** Lets the request through only when the user's roles grant {@code permission} (else 403). */
  Handler<RoutingContext> require(DialerPermission permission) {
    return context -> {
      VerifiedUser user = context.get(DialerPrincipal.CONTEXT_KEY);
      if (user == null) {
        unauthenticated(context, CHALLENGE, "authentication required");
      } else if (permission.grantedTo(user.roles())) {
        context.next();
      } else {
        context.fail(
            new SwitchboardException(
                ErrorCode.FORBIDDEN,
                "permission "
                    + permission
                    + " is required and "
                    + (user.roles().isEmpty()
                        ? "you hold no role"
                        : "your roles (" + String.join(", ", user.roles()) + ") do not grant it")));
      }
    };
  }

  private void authenticate(RoutingContext context) {
    String header = context.request().getHeader("authorization");
    if (header == null
        || header.length() < 7
        || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      unauthenticated(
          context,
          CHALLENGE,
          "missing bearer token: send 'Authorization: Bearer <token>' with the token from"
              + " POST /api/v1/auth/login");
      return;
    }
    String token = header.substring(7).strip();
    if (!TOKEN.matcher(token).matches()) {
      unauthenticated(
          context,
          CHALLENGE + ", error=\"invalid_token\"",
          "malformed bearer token: expected the token from POST /api/v1/auth/login");
      return;
    }
    vertx
        .eventBus()
        .<JsonObject>request(
            ConsoleAddresses.AUTH_TOKEN_VERIFY,
            new TokenVerifyRequest(token).toJson(),
            new DeliveryOptions().setSendTimeout(VERIFY_TIMEOUT_MS))
        .onSuccess(
            reply -> {
              context.put(DialerPrincipal.CONTEXT_KEY, VerifiedUser.fromJson(reply.body()));
              context.next();
            })
        .onFailure(failed -> refuse(context, failed));
  }

  private static void refuse(RoutingContext context, Throwable failed) {
    if (failed instanceof ReplyException reply
        && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE
        && reply.failureCode() == ErrorCode.UNAUTHENTICATED.busFailureCode()) {
      unauthenticated(
          context,
          CHALLENGE + ", error=\"invalid_token\"",
          "the bearer token has expired or was revoked; log in again");
      return;
    }
    LOG.warn("dialer tokens cannot be checked: {}", failed.toString());
    context.fail(
        new SwitchboardException(
            ErrorCode.UNAVAILABLE, "login tokens cannot be checked now; try again shortly"));
  }

  private static void unauthenticated(RoutingContext context, String challenge, String message) {
    context.response().putHeader("WWW-Authenticate", challenge);
    context.fail(new SwitchboardException(ErrorCode.UNAUTHENTICATED, message));
  }
}
