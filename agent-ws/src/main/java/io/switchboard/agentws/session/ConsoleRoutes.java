package io.switchboard.agentws.session;

import io.switchboard.core.config.ConsoleSettings;
import io.switchboard.core.console.ConsoleAddresses;
import io.switchboard.core.console.TokenVerifyRequest;
import io.switchboard.core.console.VerifiedUser;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /ws}: checks the origin and the login token before it upgrades, so that a refused
 * client gets a plain HTTP 403 or 401 and never a socket. The token comes from the subprotocol
 * {@code bearer.<token>} (browsers cannot set headers on a WebSocket) or the {@code token} query
 * parameter, and is verified over {@value ConsoleAddresses#AUTH_TOKEN_VERIFY}. Errors go to the
 * router's failure handler as {@link SwitchboardException}s. Runs on the HTTP server's context.
 */
public final class ConsoleRoutes {

  /** Where the console's WebSocket is mounted. */
  public static final String PATH = "/ws";

  private static final Logger LOG = LoggerFactory.getLogger(ConsoleRoutes.class);
  private static final String BEARER_PREFIX = "bearer.";
  private static final int MAX_EPOCH_LENGTH = 64;

  private final Vertx vertx;
  private final ConsoleSessions sessions;
  private final OriginPolicy origins;

  public ConsoleRoutes(Vertx vertx, ConsoleSessions sessions, ConsoleSettings settings) {
    this.vertx = vertx;
    this.sessions = sessions;
    this.origins = new OriginPolicy(settings.allowedOrigins());
  }

  /** Adds {@code GET /ws}; mount it before any body handler (an upgrade has no body to read). */
  public void mount(Router router) {
    router.get(PATH).handler(this::upgrade);
  }

  private void upgrade(RoutingContext context) {
    HttpServerRequest request = context.request();
    if (!request.canUpgradeToWebSocket()) {
      context.fail(
          new SwitchboardException(ErrorCode.BAD_REQUEST, PATH + " needs a WebSocket upgrade"));
      return;
    }
    String origin = request.getHeader("origin");
    if (!origins.allows(origin, request.getHeader("host"))) {
      context.fail(
          new SwitchboardException(
              ErrorCode.FORBIDDEN, "origin " + origin + " may not open console sessions"));
      return;
    }
    String token = token(request);
    if (token == null) {
      context.fail(
          new SwitchboardException(
              ErrorCode.UNAUTHENTICATED,
              "a token is required: subprotocol bearer.<token> or query parameter token"));
      return;
    }
    ResumePoint resume;
    try {
      resume = resumePoint(request);
    } catch (SwitchboardException bad) {
      context.fail(bad);
      return;
    }
    if (!sessions.hasRoom()) {
      context.fail(
          new SwitchboardException(
              ErrorCode.UNAVAILABLE, "this node holds its most console sessions; try another"));
      return;
    }
    // The upgrade happens after the token check answers; until then the request must not be
    // read to its end, or Vert.x refuses the upgrade.
    request.pause();
    vertx
        .eventBus()
        .<JsonObject>request(
            ConsoleAddresses.AUTH_TOKEN_VERIFY,
            new TokenVerifyRequest(token).toJson(),
            new DeliveryOptions().setSendTimeout(ConsoleLimits.REQUEST_TIMEOUT_MS))
        .onSuccess(reply -> accept(context, VerifiedUser.fromJson(reply.body()), resume))
        .onFailure(
            failed -> {
              request.resume();
              context.fail(refusal(failed));
            });
  }

  private void accept(RoutingContext context, VerifiedUser user, ResumePoint resume) {
    Future<ServerWebSocket> upgraded;
    try {
      upgraded = context.request().toWebSocket();
    } catch (IllegalStateException gone) {
      LOG.debug("console upgrade of user {} failed: {}", user.userId(), gone.toString());
      return;
    }
    upgraded
        .onSuccess(socket -> sessions.open(socket, user, resume))
        .onFailure(
            failed ->
                LOG.debug(
                    "console upgrade of user {} failed: {}", user.userId(), failed.toString()));
  }

  private static SwitchboardException refusal(Throwable failed) {
    if (failed instanceof ReplyException reply
        && reply.failureCode() == ErrorCode.UNAUTHENTICATED.busFailureCode()) {
      return new SwitchboardException(
          ErrorCode.UNAUTHENTICATED, "the token is malformed, unknown, expired or revoked");
    }
    LOG.warn("console tokens cannot be checked: {}", failed.toString());
    return new SwitchboardException(ErrorCode.UNAVAILABLE, "tokens cannot be checked now");
  }

  /** The token of {@code bearer.<token>} among the offered subprotocols, else {@code ?token=}. */
  static String token(HttpServerRequest request) {
    String protocols = request.getHeader("sec-websocket-protocol");
    if (protocols != null) {
      for (String offered : protocols.split(",")) {
        String protocol = offered.trim();
        if (protocol.startsWith(BEARER_PREFIX) && protocol.length() > BEARER_PREFIX.length()) {
          return protocol.substring(BEARER_PREFIX.length());
        }
      }
    }
    String query = request.getParam("token");
    return query == null || query.isEmpty() ? null : query;
  }

  private static ResumePoint resumePoint(HttpServerRequest request) {
    String lastSeq = request.getParam("lastSeq");
    String epoch = request.getParam("epoch");
    if (lastSeq == null && epoch == null) {
      return null;
    }
    if (lastSeq == null || epoch == null || epoch.isEmpty() || epoch.length() > MAX_EPOCH_LENGTH) {
      throw new SwitchboardException(
          ErrorCode.BAD_REQUEST, "resuming needs both lastSeq and epoch (at most 64 characters)");
    }
    try {
      long seq = Long.parseLong(lastSeq);
      if (seq >= 0) {
        return new ResumePoint(epoch, seq);
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new SwitchboardException(
        ErrorCode.BAD_REQUEST, "lastSeq must be a whole number, 0 or more");
  }
}
