package org.openfloor.testing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A real SockJS client over WebSocket for tests: speaks SockJS framing ({@code o}, {@code h},
 * {@code a[...]}, {@code c[...]}) and, inside it, the event-bus bridge protocol.
 */
public final class BridgeClient {
  /** How long the handshake and SockJS's open frame may take, generous for a loaded machine. */
  private static final long OPEN_PATIENCE_MS = 30_000;

  private final WebSocketClient client;
  private final WebSocket socket;
  private final List<JsonObject> frames = new CopyOnWriteArrayList<>();
  private final Map<String, Promise<JsonObject>> replies = new ConcurrentHashMap<>();
  private final List<Consumer<JsonObject>> listeners = new CopyOnWriteArrayList<>();
  private final Promise<Void> opened = Promise.promise();
  private final Promise<Integer> closed = Promise.promise();

  private BridgeClient(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(this::onSockJsFrame);
    socket.exceptionHandler(this::failPending);
    socket.closeHandler(v -> {
      closed.tryComplete(socket.closeStatusCode() == null ? -1 : (int) socket.closeStatusCode());
      failPending(new IllegalStateException("the socket closed (" + socket.closeStatusCode() + " "
          + socket.closeReason() + ")"));
    });
  }

  /** Whatever was still waiting fails with the cause: nothing a test awaits outlives the socket. */
  private void failPending(Throwable cause) {
    opened.tryFail(cause);
    replies.values().forEach(reply -> reply.tryFail(cause));
    replies.clear();
  }

  public static Future<BridgeClient> connect(Vertx vertx, int port) {
    return connect(vertx, port, null);
  }

  public static Future<BridgeClient> connect(Vertx vertx, int port, String origin) {
    WebSocketClient client = vertx.createWebSocketClient();
    String uri = "/eventbus/" + (int) (Math.random() * 999) + "/" + UUID.randomUUID().toString().substring(0, 8)
        + "/websocket";
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri)
        .setTimeout(OPEN_PATIENCE_MS);
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    // The handlers are set before the handshake: SockJS's open frame may come in the same read as the 101.
    ClientWebSocket ws = client.webSocket();
    BridgeClient bridge = new BridgeClient(client, ws);
    long timer = vertx.setTimer(OPEN_PATIENCE_MS, t -> bridge.failPending(
        new IllegalStateException("no SockJS open frame within " + OPEN_PATIENCE_MS + " ms")));
    return ws.connect(options)
        .compose(connected -> bridge.opened.future(), e -> {
          bridge.failPending(e);
          return Future.failedFuture(e);
        })
        .onComplete(done -> vertx.cancelTimer(timer))
        .map(bridge)
        .onFailure(e -> client.close());
  }

  private void onSockJsFrame(String text) {
    switch (text.charAt(0)) {
      case 'o' -> opened.tryComplete();
      case 'a' -> new JsonArray(text.substring(1)).forEach(m -> onMessage(new JsonObject((String) m)));
      case 'c' -> closed.tryComplete(new JsonArray(text.substring(1)).getInteger(0));
      default -> { }
    }
  }

  private void onMessage(JsonObject frame) {
    frames.add(frame);
    String address = frame.getString("address");
    Promise<JsonObject> reply = address == null ? null : replies.remove(address);
    if (reply != null) {
      reply.complete(frame);
    }
    listeners.forEach(l -> l.accept(frame));
  }

  public void sendRaw(String bridgeMessage) {
    socket.writeTextMessage(new JsonArray().add(bridgeMessage).encode());
  }

  private void send(JsonObject message) {
    sendRaw(message.encode());
  }

  public void register(String address, String token) {
    JsonObject message = new JsonObject().put("type", "register").put("address", address);
    if (token != null) {
      message.put("headers", new JsonObject().put("authorization", "Bearer " + token));
    }
    send(message);
  }

  /** Sends a command to {@code openfloor.cmd}; completes with the reply frame ({@code rec} or {@code err}). */
  public Future<JsonObject> command(JsonObject body, String token) {
    String replyAddress = UUID.randomUUID().toString();
    Promise<JsonObject> reply = Promise.promise();
    if (closed.future().isComplete()) {
      reply.fail(new IllegalStateException("the socket is closed"));
      return reply.future();
    }
    replies.put(replyAddress, reply);
    send(BridgeMessages.send(body, token, replyAddress));
    return reply.future();
  }

  public void onFrame(Consumer<JsonObject> listener) {
    listeners.add(listener);
  }

  /** Bodies received on {@code address}, in order. */
  public List<JsonObject> bodiesOn(String address) {
    List<JsonObject> bodies = new ArrayList<>();
    for (JsonObject frame : frames) {
      if ("rec".equals(frame.getString("type")) && address.equals(frame.getString("address"))) {
        bodies.add(frame.getJsonObject("body"));
      }
    }
    return bodies;
  }

  /** Error frames that are not replies to commands: refusals of registers, sends and malformed frames. */
  public List<JsonObject> errors() {
    return frames.stream().filter(f -> "err".equals(f.getString("type")) && !f.containsKey("failureCode")).toList();
  }

  /** How many {@code err} replies with this {@code failureCode} arrived (whatever their reply address). */
  public long framesWithFailureCode(int failureCode) {
    return frames.stream().filter(f -> "err".equals(f.getString("type"))
        && Integer.valueOf(failureCode).equals(f.getInteger("failureCode"))).count();
  }

  /** The close code: from SockJS's close frame {@code c[code,reason]}, else the WebSocket's. */
  public Future<Integer> closed() {
    return closed.future();
  }

  public Future<Void> close() {
    return socket.close().eventually(client::close);
  }
}
