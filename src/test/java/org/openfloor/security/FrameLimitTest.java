package org.openfloor.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.testing.Api;
import org.openfloor.testing.BridgeClient;
import org.openfloor.testing.BridgeMessages;
import org.openfloor.testing.RawWebSocket;
import org.openfloor.testing.TestServer;
import static org.openfloor.testing.Await.await;

/**
 * With {@code maxFrameBytes} 1,024 a bridge message may have 1,024 bytes and a WebSocket frame or message
 * 4,096 (room for SockJS framing and escaping).
 */
@ExtendWith(VertxExtension.class)
@DisplayName("WebSocket size limits")
class FrameLimitTest {
  private static final int MAX_FRAME_BYTES = 1_024;
  private static final int WEBSOCKET_BYTES = 4 * MAX_FRAME_BYTES;
  private static final int MESSAGE_TOO_BIG = 1009;
  private static final long CLOSE_TIMEOUT_MS = 10_000;

  @TempDir
  Path dataDir;

  private TestServer server;
  private Api api;
  private String code;
  private String token;
  private long seqBefore;

  @BeforeEach
  void start(Vertx vertx) {
    server = await(TestServer.start(vertx, dataDir, new JsonObject().put("maxFrameBytes", MAX_FRAME_BYTES)));
    api = new Api(vertx, server.port());
    code = await(api.createSession("Limits", "post")).getString("code");
    token = await(api.join(code, "Sender")).getString("token");
    seqBefore = await(api.snapshot(code, null)).getLong("seq");
  }

  @AfterEach
  void stop() {
    api.close();
    await(server.stop());
  }

  @Test
  @DisplayName("/ws closes one frame over the frame limit with 1009, and the server stays healthy and unchanged")
  void plainFrameOverLimit(Vertx vertx, VertxTestContext testContext) {
    RawWebSocket ws = await(RawWebSocket.plain(vertx, server.port()));
    String message = askPaddedTo(WEBSOCKET_BYTES + 1_000);

    ws.sendOneFrame(message);

    int status = closedWithin(vertx, ws);
    Unharmed after = unharmed(vertx);
    testContext.verify(() -> {
      assertThat(message.length()).isGreaterThan(WEBSOCKET_BYTES);
      assertThat(status).isEqualTo(MESSAGE_TOO_BIG);
      after.assertHeld(seqBefore);
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("/ws closes a message over the message limit, sent as continuation frames each under the frame "
      + "limit, with 1009, and the server stays healthy and unchanged")
  void plainFragmentedMessageOverLimit(Vertx vertx, VertxTestContext testContext) {
    RawWebSocket ws = await(RawWebSocket.plain(vertx, server.port()));
    String message = askPaddedTo(WEBSOCKET_BYTES + 2_000);

    ws.sendInFrames(message, WEBSOCKET_BYTES / 2);

    int status = closedWithin(vertx, ws);
    Unharmed after = unharmed(vertx);
    testContext.verify(() -> {
      assertThat(Math.ceil(message.length() / (WEBSOCKET_BYTES / 2.0))).isGreaterThanOrEqualTo(3);
      assertThat(status).isEqualTo(MESSAGE_TOO_BIG);
      assertThat(ws.received()).isEmpty();
      after.assertHeld(seqBefore);
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("/ws answers a bridge message over maxFrameBytes (within the WebSocket limits) with frame_too_large, "
      + "then closes with 1009")
  void plainBridgeMessageOverLimit(Vertx vertx, VertxTestContext testContext) {
    RawWebSocket ws = await(RawWebSocket.plain(vertx, server.port()));

    ws.sendInFrames(askPaddedTo(2 * MAX_FRAME_BYTES), 500);

    int status = closedWithin(vertx, ws);
    Unharmed after = unharmed(vertx);
    testContext.verify(() -> {
      assertThat(ws.bridgeMessages()).extracting(m -> m.getString("body")).containsExactly("frame_too_large");
      assertThat(status).isEqualTo(MESSAGE_TOO_BIG);
      after.assertHeld(seqBefore);
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("SockJS's WebSocket transport closes one frame over the frame limit with 1009 too")
  void sockJsFrameOverLimit(Vertx vertx, VertxTestContext testContext) {
    RawWebSocket ws = await(RawWebSocket.sockJs(vertx, server.port()));

    ws.sendOneFrame(new JsonArray().add(askPaddedTo(WEBSOCKET_BYTES + 1_000)).encode());

    int status = closedWithin(vertx, ws);
    Unharmed after = unharmed(vertx);
    testContext.verify(() -> {
      assertThat(status).isEqualTo(MESSAGE_TOO_BIG);
      after.assertHeld(seqBefore);
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("SockJS answers a bridge message over maxFrameBytes with frame_too_large and its close frame "
      + "c[3000,\"Go away!\"], then the WebSocket closes with 1000: vert.x's SockJS cannot send 1009 there")
  void sockJsBridgeMessageOverLimit(Vertx vertx, VertxTestContext testContext) {
    RawWebSocket ws = await(RawWebSocket.sockJs(vertx, server.port()));

    ws.sendOneFrame(new JsonArray().add(askPaddedTo(2 * MAX_FRAME_BYTES)).encode());

    int status = closedWithin(vertx, ws);
    Unharmed after = unharmed(vertx);
    testContext.verify(() -> {
      assertThat(ws.bridgeMessages()).extracting(m -> m.getString("body")).containsExactly("frame_too_large");
      assertThat(ws.received()).last().isEqualTo("c[3000,\"Go away!\"]");
      assertThat(status).isEqualTo(1000);
      after.assertHeld(seqBefore);
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("SockJS closes a message over the message limit sent in continuation frames (it used to leave the "
      + "WebSocket open on a dead session)")
  void sockJsFragmentedMessageOverLimit(Vertx vertx, VertxTestContext testContext) {
    RawWebSocket ws = await(RawWebSocket.sockJs(vertx, server.port()));

    ws.sendInFrames(new JsonArray().add(askPaddedTo(WEBSOCKET_BYTES + 2_000)).encode(), WEBSOCKET_BYTES / 2);

    int status = closedWithin(vertx, ws);
    Unharmed after = unharmed(vertx);
    testContext.verify(() -> {
      assertThat(status).isEqualTo(1000);
      assertThat(ws.received()).containsExactly("o");
      after.assertHeld(seqBefore);
    });
    testContext.completeNow();
  }

  /** A bridge {@code send} of a question from the participant, padded with an unknown field to {@code bytes}. */
  private String askPaddedTo(int bytes) {
    JsonObject ask = new JsonObject().put("type", "ask").put("session", code).put("text", "Too big?");
    String unpadded = BridgeMessages.send(ask.copy().put("pad", ""), token, "too-big").encode();
    return BridgeMessages.send(ask.put("pad", "x".repeat(bytes - unpadded.length())), token, "too-big").encode();
  }

  private static int closedWithin(Vertx vertx, RawWebSocket ws) {
    Promise<Integer> status = Promise.promise();
    ws.closed().onSuccess(status::tryComplete);
    vertx.setTimer(CLOSE_TIMEOUT_MS, t -> status.tryFail(new TimeoutException("still open after " + CLOSE_TIMEOUT_MS
        + " ms")));
    return await(status.future());
  }

  /** After the refusal: health, the session as before, and new sockets of both kinds that are served. */
  private Unharmed unharmed(Vertx vertx) {
    int health = await(api.call(HttpMethod.GET, "/health", null, null)).statusCode();
    JsonObject snapshot = await(api.snapshot(code, null));
    RawWebSocket plain = await(RawWebSocket.plain(vertx, server.port()));
    JsonObject plainReply = await(plain.command(new JsonObject().put("type", "ask").put("session", code)
        .put("text", "Still there over /ws?"), token));
    BridgeClient sockJs = await(BridgeClient.connect(vertx, server.port()));
    JsonObject sockJsReply = await(sockJs.command(new JsonObject().put("type", "ask").put("session", code)
        .put("text", "Still there over SockJS?"), token));
    plain.close();
    sockJs.close();
    return new Unharmed(health, snapshot, plainReply, sockJsReply);
  }

  private record Unharmed(int health, JsonObject snapshot, JsonObject plainReply, JsonObject sockJsReply) {
    void assertHeld(long seqBefore) {
      assertThat(health).isEqualTo(200);
      assertThat(snapshot.getLong("seq")).isEqualTo(seqBefore);
      assertThat(snapshot.getJsonArray("questions")).isEmpty();
      assertThat(plainReply.getString("type")).isEqualTo("rec");
      assertThat(sockJsReply.getString("type")).isEqualTo("rec");
    }
  }
}
