package org.openfloor.app;

import io.vertx.core.Vertx;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts one OpenFloor node from {@code config/openfloor.json} and the {@code OPENFLOOR_*} environment. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    OpenFloorConfig config = ConfigLoader.load(System.getenv());
    Vertx vertx = Vertx.vertx();
    vertx.deployVerticle(new ServerVerticle(config, LogOpener.of(config))).onFailure(e -> {
      LOG.error("OpenFloor could not start: {}", e.getMessage(), e);
      vertx.close().onComplete(v -> System.exit(1));
    });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await()));
  }
}
