package io.switchboard.deploy.http;

import io.switchboard.agentws.session.ConsoleLimits;
import io.switchboard.core.config.HttpSettings;
import io.switchboard.core.health.HealthMonitor;
import io.switchboard.core.metrics.PrometheusMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The node's HTTP server: health, metrics, the modules' REST API and the console's WebSocket
 * ({@code /ws}, with the WebSocket limits of {@link ConsoleLimits}). Deployed last, so that it
 * answers only once everything behind it has started, and undeployed first on shutdown, so that no
 * new request arrives while the rest drains.
 */
public final class HttpServerVerticle extends VerticleBase {

  /** Request line and headers are bounded so that a client cannot grow memory without limit. */
  private static final int MAX_INITIAL_LINE = 8 * 1024;

  private static final int MAX_HEADER_SIZE = 16 * 1024;
  private static final int IDLE_TIMEOUT_SECONDS = 120;

  /** On shutdown, requests in flight get this long to finish before connections are closed. */
  private static final long DRAIN_SECONDS = 3;

  private final HttpSettings settings;
  private final HealthMonitor health;
  private final PrometheusMetrics metrics;
  private final List<Consumer<Router>> preBodyFeatures;
  private final List<Consumer<Router>> features;
  private HttpServer server;

  /**
   * @param preBodyFeatures each adds a module's routes that must see the request before the body
   *     handler reads it (the console's WebSocket upgrade)
   * @param features each adds a module's routes (the CRM's REST API) to the router, after the body
   *     handler and before the error handlers
   */
  public HttpServerVerticle(
      HttpSettings settings,
      HealthMonitor health,
      PrometheusMetrics metrics,
      List<Consumer<Router>> preBodyFeatures,
      List<Consumer<Router>> features) {
    this.settings = settings;
    this.health = health;
    this.metrics = metrics;
    this.preBodyFeatures = List.copyOf(preBodyFeatures);
    this.features = List.copyOf(features);
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    preBodyFeatures.forEach(feature -> feature.accept(router));
    router.route().handler(BodyHandler.create(false).setBodyLimit(settings.maxBodySize()));
    new HealthRoutes(health).mount(router);
    new MetricsRoutes(metrics).mount(router);
    features.forEach(feature -> feature.accept(router));
    router.route().failureHandler(ErrorResponses::handle);
    for (int status : new int[] {404, 405, 413, 500}) {
      router.errorHandler(status, ErrorResponses::handle);
    }
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(settings.host())
            .setPort(settings.port())
            .setMaxInitialLineLength(MAX_INITIAL_LINE)
            .setMaxHeaderSize(MAX_HEADER_SIZE)
            .setIdleTimeout(IDLE_TIMEOUT_SECONDS)
            .setMaxWebSocketFrameSize(ConsoleLimits.MAX_FRAME_BYTES)
            .setMaxWebSocketMessageSize(ConsoleLimits.MAX_MESSAGE_BYTES)
            .setWebSocketSubProtocols(ConsoleLimits.SERVER_SUBPROTOCOLS);
    server = vertx.createHttpServer(options).requestHandler(router);
    return server.listen();
  }

  /** Stops accepting connections and lets requests in flight finish, for at most 3 s. */
  @Override
  public Future<?> stop() {
    return server.shutdown(DRAIN_SECONDS, TimeUnit.SECONDS);
  }

  /** The port the server listens on (the chosen one when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
