package org.openfloor.testing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A real Vert.x WebSocket client that shows what the wire carries: every text message received and the
 * WebSocket's own close status. It talks to the plain bridge at {@code /ws} (one bridge message per message)
 * or to SockJS's WebSocket transport at {@code /eventbus/…/websocket} (then the caller frames its messages).
 */
public final class RawWebSocket {
  /** The status reported when the connection ended without a close frame. */
  public static final int NO_CLOSE_FRAME = 1006;

  private final WebSocketClient client;
  private final WebSocket socket;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final Map<String, Promise<JsonObject>> replies = new ConcurrentHashMap<>();
  private final Promise<Integer> closed = Promise.promise();

  private RawWebSocket(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(this::onText);
    socket.exceptionHandler(this::failPending);
    socket.closeHandler(v -> {
      closed.tryComplete(socket.closeStatusCode() == null ? NO_CLOSE_FRAME : (int) socket.closeStatusCode());
      failPending(new IllegalStateException("the socket closed (" + socket.closeStatusCode() + ")"));
    });
  }

  /** Replies still awaited fail with the cause: nothing a test awaits outlives the socket. */
  private void failPending(Throwable cause) {
    replies.values().forEach(reply -> reply.tryFail(cause));
    replies.clear();
  }

  /** Connects to the plain bridge at {@code /ws}. */
  public static Future<RawWebSocket> plain(Vertx vertx, int port) {
    return connect(vertx, port, "/ws");
  }

  /** Connects to SockJS's WebSocket transport of a new session under {@code /eventbus}. */
  public static Future<RawWebSocket> sockJs(Vertx vertx, int port) {
    return connect(vertx, port, "/eventbus/" + (int) (Math.random() * 999) + "/"
        + UUID.randomUUID().toString().substring(0, 8) + "/websocket");
  }

  private static Future<RawWebSocket> connect(Vertx vertx, int port, String uri) {
    WebSocketClient client = vertx.createWebSocketClient();
    // The handlers are set before the handshake, so nothing the server sends at once is missed.
    ClientWebSocket ws = client.webSocket();
    RawWebSocket raw = new RawWebSocket(client, ws);
    return ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri).setTimeout(30_000))
        .map(raw)
        .onFailure(e -> client.close());
  }

  private void onText(String text) {
    received.add(text);
    if (text.startsWith("{")) {
      JsonObject frame = new JsonObject(text);
      Promise<JsonObject> reply = replies.remove(String.valueOf(frame.getValue("address")));
      if (reply != null) {
        reply.complete(frame);
      }
    }
  }

  /** Sends {@code text} as one final text frame, whatever its size. */
  public Future<Void> sendOneFrame(String text) {
    return socket.writeFrame(WebSocketFrame.textFrame(text, true));
  }

  /** Sends {@code text} as one message: a text frame and continuation frames of at most {@code frameBytes}. */
  public Future<Void> sendInFrames(String text, int frameBytes) {
    Buffer all = Buffer.buffer(text);
    Future<Void> last = Future.succeededFuture();
    for (int offset = 0; offset < all.length(); offset += frameBytes) {
      Buffer part = all.slice(offset, Math.min(all.length(), offset + frameBytes));
      boolean isFinal = offset + frameBytes >= all.length();
      last = socket.writeFrame(offset == 0 ? WebSocketFrame.textFrame(part.toString(), isFinal)
          : WebSocketFrame.continuationFrame(part, isFinal));
    }
    return last;
  }

  /** Over {@code /ws}: registers for the pushes on {@code address} (a public address needs no token). */
  public void register(String address) {
    socket.writeTextMessage(new JsonObject().put("type", "register").put("address", address).encode());
  }

  /** Over {@code /ws}: sends a command to {@code openfloor.cmd}; completes with the reply frame. */
  public Future<JsonObject> command(JsonObject body, String token) {
    String replyAddress = UUID.randomUUID().toString();
    Promise<JsonObject> reply = Promise.promise();
    if (closed.future().isComplete()) {
      reply.fail(new IllegalStateException("the socket is closed"));
      return reply.future();
    }
    replies.put(replyAddress, reply);
    socket.writeTextMessage(BridgeMessages.send(body, token, replyAddress).encode());
    return reply.future();
  }

  /** Every text message received, in order (SockJS frames as they came: {@code o}, {@code a[…]}, {@code c[…]}). */
  public List<String> received() {
    return List.copyOf(received);
  }

  /** The bridge messages received over {@code /ws}, or inside SockJS's {@code a[…]} frames. */
  public List<JsonObject> bridgeMessages() {
    return received.stream().flatMap(text -> text.startsWith("a[")
        ? new JsonArray(text.substring(1)).stream().map(m -> new JsonObject((String) m))
        : text.startsWith("{") ? Stream.of(new JsonObject(text)) : Stream.<JsonObject>empty())
        .toList();
  }

  /** The WebSocket's close status once it is closed ({@link #NO_CLOSE_FRAME} when no close frame came). */
  public Future<Integer> closed() {
    return closed.future();
  }

  public Future<Void> close() {
    return socket.close().eventually(client::close);
  }
}
