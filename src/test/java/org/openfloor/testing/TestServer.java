package org.openfloor.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;

import org.openfloor.app.ConfigLoader;
import org.openfloor.app.OpenFloorConfig;
import org.openfloor.app.ServerVerticle;
import org.openfloor.log.SqliteCommandLog;

/** A real OpenFloor node for tests: the embedded SQLite log in a directory, on a free port. */
public final class TestServer {
  private final Vertx vertx;
  private final String deploymentId;
  private final ServerVerticle verticle;

  private TestServer(Vertx vertx, String deploymentId, ServerVerticle verticle) {
    this.vertx = vertx;
    this.deploymentId = deploymentId;
    this.verticle = verticle;
  }

  public static Future<TestServer> start(Vertx vertx, Path dataDir) {
    return start(vertx, dataDir, new JsonObject());
  }

  public static Future<TestServer> start(Vertx vertx, Path dataDir, JsonObject overrides) {
    OpenFloorConfig config = ConfigLoader.defaultsWith(new JsonObject().put("httpPort", 0)
        .put("httpHost", "127.0.0.1").put("dataDir", dataDir.toString()).mergeIn(overrides));
    ServerVerticle verticle = new ServerVerticle(config,
        v -> SqliteCommandLog.open(v, dataDir.resolve("openfloor.db")).map(l -> l));
    return vertx.deployVerticle(verticle).map(id -> new TestServer(vertx, id, verticle));
  }

  public int port() {
    return verticle.port();
  }

  public Future<Void> stop() {
    return vertx.undeploy(deploymentId);
  }

  /** A node on the log {@code opener} opens (e.g. Redis), with {@code overrides} of the defaults, on a free port. */
  public static Future<TestServer> start(Vertx vertx, Path dataDir, JsonObject overrides,
                                         java.util.function.Function<Vertx, Future<org.openfloor.log.CommandLog>> opener) {
    OpenFloorConfig config = ConfigLoader.defaultsWith(new JsonObject().put("httpPort", 0)
        .put("httpHost", "127.0.0.1").put("dataDir", dataDir.toString()).mergeIn(overrides));
    ServerVerticle verticle = new ServerVerticle(config, opener);
    return vertx.deployVerticle(verticle).map(id -> new TestServer(vertx, id, verticle));
  }

  /** A node whose log is the one {@code overrides} configure, opened as {@code Main} opens it, on a free port. */
  public static Future<TestServer> startConfigured(Vertx vertx, Path dataDir, JsonObject overrides) {
    OpenFloorConfig config = ConfigLoader.defaultsWith(new JsonObject().put("httpPort", 0)
        .put("httpHost", "127.0.0.1").put("dataDir", dataDir.toString()).mergeIn(overrides));
    ServerVerticle verticle = new ServerVerticle(config);
    return vertx.deployVerticle(verticle).map(id -> new TestServer(vertx, id, verticle));
  }

  /** Opens a Redis log at {@code url} under {@code keyPrefix}. */
  public static java.util.function.Function<Vertx, Future<org.openfloor.log.CommandLog>> redis(String url, String keyPrefix) {
    return v -> org.openfloor.log.RedisCommandLog.open(v, org.openfloor.log.RedisLogOptions.of(url).withKeyPrefix(keyPrefix))
        .map(l -> l);
  }
}
