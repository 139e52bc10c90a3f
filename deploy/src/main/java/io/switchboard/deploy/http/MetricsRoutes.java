package io.switchboard.deploy.http;

import io.switchboard.core.metrics.PrometheusMetrics;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /metrics}: every meter of the node in Prometheus text format. The scrape renders on a
 * worker thread, so a large registry never holds up an event loop.
 */
public final class MetricsRoutes {

  private final PrometheusMetrics metrics;

  public MetricsRoutes(PrometheusMetrics metrics) {
    this.metrics = metrics;
  }

  public void mount(Router router) {
    router.get("/metrics").handler(this::scrape);
  }

  private void scrape(RoutingContext context) {
    context
        .vertx()
        .executeBlocking(metrics::scrape, false)
        .onSuccess(
            text ->
                context
                    .response()
                    .putHeader("content-type", PrometheusMetrics.CONTENT_TYPE)
                    .putHeader("cache-control", "no-store")
                    .end(text))
        .onFailure(context::fail);
  }
}
