package org.openfloor.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.testing.Api;
import org.openfloor.testing.BridgeClient;
import org.openfloor.testing.TestServer;

@ExtendWith(VertxExtension.class)
@DisplayName("WebSocket size limits")
class FrameLimitTest {
  @TempDir
  Path dataDir;

  @Test
  @DisplayName("a WebSocket message over the transport limit ends the connection (1009 or dropped: 1006) and the server stays healthy")
  void oversizedMessageCloses1009(Vertx vertx, VertxTestContext testContext) {
    TestServer server = TestServer.start(vertx, dataDir, new JsonObject().put("maxFrameBytes", 1_024)).await();
    BridgeClient socket = BridgeClient.connect(vertx, server.port()).await();
    socket.sendRaw("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(10_000) + "\"}");
    int code = socket.closed().await();
    Api api = new Api(vertx, server.port());
    int health = api.call(io.vertx.core.http.HttpMethod.GET, "/health", null, null).await().statusCode();
    BridgeClient next = BridgeClient.connect(vertx, server.port()).await();
    testContext.verify(() -> {
      assertThat(code).isIn(1009, 1006);
      assertThat(next).isNotNull();
      assertThat(health).isEqualTo(200);
    });
    next.close();
    api.close();
    server.stop().await();
    testContext.completeNow();
  }

  @Test
  @DisplayName("a bridge message over maxFrameBytes but within the transport limit gets frame_too_large, then the socket closes")
  void oversizedBridgeMessageIsRefused(Vertx vertx, VertxTestContext testContext) {
    TestServer server = TestServer.start(vertx, dataDir, new JsonObject().put("maxFrameBytes", 1_024)).await();
    BridgeClient socket = BridgeClient.connect(vertx, server.port()).await();
    socket.sendRaw("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(2_000) + "\"}");
    int code = socket.closed().await();
    testContext.verify(() -> {
      assertThat(socket.errors()).extracting(e -> e.getValue("body")).containsExactly("frame_too_large");
      assertThat(code).isNotEqualTo(1009);
    });
    server.stop().await();
    testContext.completeNow();
  }
}
