package io.switchboard.core.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The node's one meter registry, exposed in Prometheus text format. Vert.x (HTTP, pools, event
 * bus), the JVM and Switchboard's own {@code switchboard.*} meters all register here. Thread-safe.
 */
public final class PrometheusMetrics implements AutoCloseable {

  /** Content type of {@link #scrape()}: Prometheus text exposition format 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

  private PrometheusMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  /** A registry with the JVM's memory, GC, thread, class-loading, CPU and uptime meters bound. */
  public static PrometheusMetrics create() {
    PrometheusMetrics metrics =
        new PrometheusMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    MeterRegistry registry = metrics.registry;
    new JvmMemoryMetrics().bindTo(registry);
    metrics.gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return metrics;
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Every meter, in Prometheus text exposition format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gcMetrics.close();
    registry.close();
  }
}
