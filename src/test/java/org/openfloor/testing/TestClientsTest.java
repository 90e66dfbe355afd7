package org.openfloor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openfloor.testing.Await.await;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The test clients never leave a test waiting on a socket that is gone: against a real WebSocket server that
 * misbehaves on purpose, their pending futures fail as soon as the socket closes.
 */
@DisplayName("The test clients")
class TestClientsTest {
  private static final Duration QUICK = Duration.ofSeconds(10);
  private Vertx vertx;
  private HttpServer server;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    await(vertx.close());
  }

  private int serve(Consumer<ServerWebSocket> behaviour) {
    server = await(vertx.createHttpServer().webSocketHandler(behaviour::accept).listen(0, "127.0.0.1"));
    return server.actualPort();
  }

  @Test
  @DisplayName("a SockJS client whose socket closes before the open frame fails to connect")
  void closedBeforeOpen() {
    int port = serve(ws -> ws.close((short) 1011, "going away"));
    Future<BridgeClient> connect = BridgeClient.connect(vertx, port);
    assertThatThrownBy(() -> await(connect, QUICK)).hasMessageContaining("the socket closed");
  }

  @Test
  @DisplayName("a SockJS command still waiting for its reply fails when the socket closes")
  void commandFailsOnClose() {
    int port = serve(ws -> {
      ws.writeTextMessage("o");
      ws.textMessageHandler(text -> ws.close());
    });
    BridgeClient client = await(BridgeClient.connect(vertx, port), QUICK);
    Future<JsonObject> reply = client.command(new JsonObject().put("type", "sync"), null);
    assertThatThrownBy(() -> await(reply, QUICK)).hasMessageContaining("the socket closed");
    assertThat(await(client.closed(), QUICK)).isNotNull();
    assertThatThrownBy(() -> await(client.command(new JsonObject(), null), QUICK))
        .hasMessageContaining("the socket is closed");
  }

  @Test
  @DisplayName("an error frame without an address is kept, not thrown")
  void errorFrameWithoutAddress() {
    Promise<Void> sent = Promise.promise();
    int port = serve(ws -> {
      ws.writeTextMessage("o");
      ws.writeTextMessage("a[\"{\\\"type\\\":\\\"err\\\",\\\"body\\\":\\\"invalid_json\\\"}\"]").onComplete(sent);
    });
    BridgeClient client = await(BridgeClient.connect(vertx, port), QUICK);
    await(sent.future(), QUICK);
    long deadline = System.nanoTime() + QUICK.toNanos();
    while (client.errors().isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(client.errors()).singleElement().satisfies(f -> assertThat(f.getString("body")).isEqualTo("invalid_json"));
    await(client.close(), QUICK);
  }

  @Test
  @DisplayName("a plain /ws command still waiting for its reply fails when the socket closes")
  void rawCommandFailsOnClose() {
    int port = serve(ws -> ws.textMessageHandler(text -> ws.close()));
    RawWebSocket socket = await(RawWebSocket.plain(vertx, port), QUICK);
    Future<JsonObject> reply = socket.command(new JsonObject().put("type", "sync"), null);
    assertThatThrownBy(() -> await(reply, QUICK)).hasMessageContaining("the socket closed");
  }

  @Test
  @DisplayName("a wait that outlives its patience fails with a clear message")
  void awaitHasPatience() {
    assertThatThrownBy(() -> await(Promise.promise().future(), Duration.ofMillis(200)))
        .isInstanceOf(AssertionError.class).hasMessage("no outcome within 200 ms");
  }
}
