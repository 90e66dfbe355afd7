package org.openfloor.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import static org.openfloor.testing.Await.await;

/** One OpenFloor node on Redis for multi-node tests: its own Vert.x instance, log, registry and port. */
public final class Node {
  private final Vertx vertx;
  private final TestServer server;
  private final Api api;

  private Node(Vertx vertx, TestServer server) {
    this.vertx = vertx;
    this.server = server;
    this.api = new Api(vertx, server.port());
  }

  public static Node start(Path dataDir, String redisUrl, String keyPrefix, JsonObject overrides) {
    Vertx vertx = Vertx.vertx();
    TestServer server = await(TestServer.start(vertx, dataDir, overrides, TestServer.redis(redisUrl, keyPrefix)));
    return new Node(vertx, server);
  }

  /** A node whose whole configuration, log included ({@code log}, {@code redisUrl}, …), comes from {@code config}. */
  public static Node startConfigured(Path dataDir, JsonObject config) {
    Vertx vertx = Vertx.vertx();
    TestServer server = await(TestServer.startConfigured(vertx, dataDir, config));
    return new Node(vertx, server);
  }

  public Vertx vertx() {
    return vertx;
  }

  public int port() {
    return server.port();
  }

  public Api api() {
    return api;
  }

  public Future<BridgeClient> connect() {
    return BridgeClient.connect(vertx, port());
  }

  /** Stops the node: its sockets close, its log and Vert.x instance shut down. */
  public void stop() {
    api.close();
    await(server.stop().otherwiseEmpty());
    await(vertx.close());
  }
}
