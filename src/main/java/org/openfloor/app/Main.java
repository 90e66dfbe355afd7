package org.openfloor.app;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts one OpenFloor node from {@code config/openfloor.json} and the {@code OPENFLOOR_*} environment. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  /** Exit status for a setting or an argument the server cannot use. */
  private static final int BAD_CONFIGURATION = 2;
  /** Exit status for a start that failed for another reason (port in use, log unreachable). */
  private static final int START_FAILED = 1;

  private Main() {
  }

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    try {
      if (answeredArguments(args, env)) {
        return;
      }
      OpenFloorConfig config = ConfigLoader.load(env);
      prepareDataDir(config);
      start(config);
    } catch (IllegalArgumentException e) {
      LOG.error("OpenFloor cannot start: {}", e.getMessage());
      System.exit(BAD_CONFIGURATION);
    }
  }

  /**
   * {@code --help} and {@code --version} are answered here, on standard output (the program's answer, which a
   * user may pipe, not a log line); anything else is refused.
   */
  private static boolean answeredArguments(String[] args, Map<String, String> env) {
    if (args.length == 0) {
      return false;
    }
    switch (args[0]) {
      case "--help", "-h" -> Help.print(System.out, env);
      case "--version" -> System.out.println("OpenFloor " + BuildInfo.current().version() + " ("
          + BuildInfo.current().commit() + ")");
      default -> throw new IllegalArgumentException("unknown argument '" + args[0] + "' (try --help)");
    }
    return true;
  }

  /** The embedded log's directory must exist and be writable before anything listens. */
  private static void prepareDataDir(OpenFloorConfig config) {
    if (config.log() != OpenFloorConfig.LogKind.SQLITE) {
      return;
    }
    String variable = ConfigLoader.environmentName("dataDir");
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException | SecurityException e) {
      throw new IllegalArgumentException(variable + ": cannot create the data directory " + config.dataDir()
          + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
    if (!Files.isWritable(config.dataDir())) {
      throw new IllegalArgumentException(variable + ": the data directory " + config.dataDir() + " is not writable");
    }
  }

  private static void start(OpenFloorConfig config) {
    Vertx vertx = Vertx.builder().with(new VertxOptions().setMetricsOptions(metricsOptions()))
        .withTransport(Transports.named(config.transport())).build();
    vertx.deployVerticle(new ServerVerticle(config)).onFailure(e -> {
      LOG.error("OpenFloor could not start: {}", StartFailures.describe(e, config));
      vertx.close().onComplete(v -> System.exit(StartFailures.isConfiguration(e) ? BAD_CONFIGURATION : START_FAILED));
    });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await()));
  }

  /** Vert.x's own meters and the JVM's, scraped with OpenFloor's at {@code GET /metrics}. */
  private static MicrometerMetricsOptions metricsOptions() {
    return new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true));
  }
}
