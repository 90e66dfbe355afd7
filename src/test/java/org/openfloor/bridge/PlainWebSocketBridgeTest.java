package org.openfloor.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.live.wire.Addresses;
import org.openfloor.testing.Api;
import org.openfloor.testing.TestServer;
import static org.openfloor.testing.Await.await;

@ExtendWith(VertxExtension.class)
@DisplayName("The bridge over a plain WebSocket at /ws")
class PlainWebSocketBridgeTest {
  @TempDir
  Path dataDir;

  private TestServer server;
  private Api api;
  private String code;

  @BeforeEach
  void start(Vertx vertx) {
    server = await(TestServer.start(vertx, dataDir));
    api = new Api(vertx, server.port());
    code = await(api.createSession("Plain", "post")).getString("code");
  }

  @AfterEach
  void stop() {
    api.close();
    await(server.stop());
  }

  private WebSocket connect(Vertx vertx, List<JsonObject> received) {
    return await(vertx.createWebSocketClient().connect(new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(server.port()).setURI("/ws")).onSuccess(ws -> ws.textMessageHandler(t -> received.add(new JsonObject(t)))));
  }

  private static JsonObject send(WebSocket ws, List<JsonObject> received, JsonObject command) throws InterruptedException {
    ws.writeTextMessage(new JsonObject().put("type", "send").put("address", "openfloor.cmd").put("body", command)
        .put("replyAddress", "reply-1").encode());
    for (int i = 0; i < 100; i++) {
      for (JsonObject frame : received) {
        if ("reply-1".equals(frame.getString("address"))) {
          received.remove(frame);
          return frame;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no reply; received " + received);
  }

  @Test
  @DisplayName("pushes a session's public events as bare bridge frames, the same as SockJS carries")
  void pushesPublicEvents(Vertx vertx) throws InterruptedException {
    List<JsonObject> received = new CopyOnWriteArrayList<>();
    WebSocket ws = connect(vertx, received);
    ws.writeTextMessage(new JsonObject().put("type", "register").put("address", Addresses.publicOf(code)).encode());
    send(ws, received, new JsonObject().put("type", "sync").put("session", code));
    JsonObject alice = await(api.join(code, "Alice"));

    await(api.ask(code, alice.getString("token"), "Is it plain?"));

    Promise<JsonObject> question = Promise.promise();
    for (int i = 0; i < 100 && !question.future().isComplete(); i++) {
      received.stream().filter(f -> "rec".equals(f.getString("type"))
          && "question".equals(f.getJsonObject("body").getString("type"))).findFirst().ifPresent(question::tryComplete);
      Thread.sleep(50);
    }
    assertThat(question.future().result().getString("address")).isEqualTo(Addresses.publicOf(code));
    assertThat(question.future().result().getJsonObject("body").getJsonObject("question").getString("text"))
        .isEqualTo("Is it plain?");
    await(ws.close());
  }

  @Test
  @DisplayName("refuses a moderator address without the moderator token, like the SockJS bridge")
  void refusesTheModeratorAddressWithoutToken(Vertx vertx) throws InterruptedException {
    List<JsonObject> received = new CopyOnWriteArrayList<>();
    WebSocket ws = connect(vertx, received);

    ws.writeTextMessage(new JsonObject().put("type", "register").put("address", Addresses.moderatorsOf(code)).encode());

    for (int i = 0; i < 100 && received.isEmpty(); i++) {
      Thread.sleep(50);
    }
    assertThat(received).first().satisfies(frame -> {
      assertThat(frame.getString("type")).isEqualTo("err");
      assertThat(frame.getString("body")).isEqualTo("access_denied");
    });
    await(ws.close());
  }

  @Test
  @DisplayName("refuses an upgrade from a foreign Origin")
  void refusesForeignOrigin(Vertx vertx) {
    assertThat(catchFailure(vertx)).isNotNull().hasMessageContaining("403");
  }

  private Throwable catchFailure(Vertx vertx) {
    try {
      await(vertx.createWebSocketClient().connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port())
          .setURI("/ws").addHeader("Origin", "https://evil.example")));
      return null;
    } catch (Exception e) {
      return e;
    }
  }
}
