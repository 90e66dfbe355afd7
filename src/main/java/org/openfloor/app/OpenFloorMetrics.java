package org.openfloor.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.backends.BackendRegistries;



/**
 * The meter registry of one node, scraped as Prometheus text at {@code GET /metrics}: Vert.x's own meters, the JVM's
 * heap, GC and CPU, and what each part of OpenFloor registers where it measures it (the bridge's sockets and frames
 * in {@code bridge.SocketRegistry}, commands in {@code edge.CommandGateway}, appends in {@code log.TimedCommandLog},
 * loaded sessions in {@code live.SessionRegistry}).
 */
final class OpenFloorMetrics {
  private final PrometheusMeterRegistry registry;

  private OpenFloorMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  /** Vert.x's own Prometheus registry when the node was started with metrics, else a registry of its own. */
  static OpenFloorMetrics create() {
    MeterRegistry shared = BackendRegistries.getDefaultNow();
    PrometheusMeterRegistry registry = shared instanceof PrometheusMeterRegistry prometheus ? prometheus
        : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    if (registry.find("jvm.memory.used").gauge() == null) {
      new JvmMemoryMetrics().bindTo(registry);
      new ProcessorMetrics().bindTo(registry);
      new JvmGcMetrics().bindTo(registry);
    }
    return new OpenFloorMetrics(registry);
  }

  /** Where the parts register their meters. */
  MeterRegistry registry() {
    return registry;
  }

  Handler<RoutingContext> scrape() {
    return ctx -> ctx.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
        .end(Buffer.buffer(registry.scrape()));
  }
}
