package org.openfloor.app;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts one OpenFloor node from {@code config/openfloor.json} and the {@code OPENFLOOR_*} environment. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    OpenFloorConfig config = ConfigLoader.load(System.getenv());
    Vertx vertx = Vertx.builder().with(new VertxOptions().setMetricsOptions(metricsOptions()))
        .withTransport(Transports.named(config.transport())).build();
    vertx.deployVerticle(new ServerVerticle(config)).onFailure(e -> {
      LOG.error("OpenFloor could not start: {}", e.getMessage(), e);
      vertx.close().onComplete(v -> System.exit(1));
    });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await()));
  }

  /** Vert.x's own meters and the JVM's, scraped with OpenFloor's at {@code GET /metrics}. */
  private static MicrometerMetricsOptions metricsOptions() {
    return new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true));
  }
}
