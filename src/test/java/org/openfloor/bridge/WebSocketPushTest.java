package org.openfloor.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.openfloor.testing.Await.await;

@ExtendWith(VertxExtension.class)
@DisplayName("Pushing one encoded frame to many WebSockets")
class WebSocketPushTest {
  private static final List<String> MESSAGES = List.of("short", "x".repeat(300), "y".repeat(70_000), "last");

  @Test
  @DisplayName("delivers every message of a turn to every socket, whole and in order, whatever its length field")
  void deliversInOrder(Vertx vertx) throws Exception {
    WebSocketPush push = new WebSocketPush();
    List<WebSocketPush.Target> targets = new CopyOnWriteArrayList<>();
    Router router = Router.router(vertx);
    router.get("/ws").handler(ctx -> ctx.request().toWebSocket().onSuccess(ws -> {
      targets.add(WebSocketPush.target(ws, ctx.request().connection()));
      ws.textMessageHandler(text -> pushAll(push, targets));
    }));
    HttpServer server = await(vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
        .requestHandler(router).listen(0, "127.0.0.1"));
    assertEveryoneGetsAllInOrder(vertx, server, targets);
  }

  @Test
  @DisplayName("does the same for sockets of a server's own WebSocket handler (the bare bench server's)")
  void deliversInOrderFromWebSocketHandler(Vertx vertx) throws Exception {
    WebSocketPush push = new WebSocketPush();
    List<WebSocketPush.Target> targets = new CopyOnWriteArrayList<>();
    HttpServer server = await(vertx.createHttpServer().webSocketHandler(ws -> {
      targets.add(WebSocketPush.target(ws));
      ws.textMessageHandler(text -> pushAll(push, targets));
    }).listen(0, "127.0.0.1"));
    assertEveryoneGetsAllInOrder(vertx, server, targets);
  }

  private static void assertEveryoneGetsAllInOrder(Vertx vertx, HttpServer server, List<WebSocketPush.Target> targets)
      throws Exception {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 17)
        .setMaxMessageSize(1 << 17));
    List<List<String>> received = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
    List<Promise<Void>> done = List.of(Promise.promise(), Promise.promise());
    for (int i = 0; i < 2; i++) {
      int n = i;
      await(client.connect(new WebSocketConnectOptions().setPort(server.actualPort()).setHost("127.0.0.1").setURI("/ws"))
          .onSuccess(ws -> ws.textMessageHandler(text -> {
            received.get(n).add(text);
            if (received.get(n).size() == MESSAGES.size()) {
              done.get(n).tryComplete();
            }
          })));
    }
    while (targets.size() < 2) {
      Thread.sleep(10);
    }

    await(client.connect(new WebSocketConnectOptions().setPort(server.actualPort()).setHost("127.0.0.1").setURI("/ws"))).writeTextMessage("go");

    done.get(0).future().await(20, TimeUnit.SECONDS);
    done.get(1).future().await(20, TimeUnit.SECONDS);
    assertThat(received.get(0)).isEqualTo(MESSAGES);
    assertThat(received.get(1)).isEqualTo(MESSAGES);
  }

  private static void pushAll(WebSocketPush push, List<WebSocketPush.Target> targets) {
    for (String message : MESSAGES) {
      Buffer payload = Buffer.buffer(message);
      ByteBuf frame = WebSocketPush.textFrame(payload);
      targets.forEach(target -> push.write(target, frame, payload));
      frame.release();
    }
  }
}
