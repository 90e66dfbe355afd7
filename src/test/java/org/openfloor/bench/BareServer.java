package org.openfloor.bench;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The bare ceiling: a minimal Vert.x WebSocket server on one event loop that counts votes ({@code v<index>})
 * and, once per window, sends the changed tallies to every connection as one pre-encoded buffer; a new
 * question ({@code a<text>}) goes to everyone at once. No log, no authorisation, no framing.
 */
public final class BareServer extends VerticleBase {
  private final int port;
  private final long windowMillis;
  private final Set<ServerWebSocket> sockets = new LinkedHashSet<>();
  private final int[] counts = new int[1_000];
  private final BitSet changed = new BitSet();
  private int questions;

  BareServer(int port, long windowMillis) {
    this.port = port;
    this.windowMillis = windowMillis;
  }

  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    vertx.deployVerticle(new BareServer(Integer.parseInt(args[0]), Long.parseLong(args[1])))
        .onFailure(e -> {
          e.printStackTrace();
          System.exit(1);
        });
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(windowMillis, t -> flush());
    return vertx.createHttpServer(new HttpServerOptions().setMaxWebSocketFrameSize(1 << 16)
        .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false))
        .webSocketHandler(this::accept)
        .requestHandler(request -> request.response().end("bare"))
        .listen(port, "127.0.0.1");
  }

  private void accept(ServerWebSocket socket) {
    sockets.add(socket);
    if (System.getenv("BENCH_DEBUG") != null) {
      System.err.println("accepted " + socket.path());
    }
    socket.textMessageHandler(text -> onMessage(text));
    socket.closeHandler(v -> sockets.remove(socket));
  }

  private void onMessage(String text) {
    if (System.getenv("BENCH_DEBUG") != null) {
      System.err.println("got " + text);
    }
    if (text.startsWith("v")) {
      int question = Integer.parseInt(text, 1, text.length(), 10);
      counts[question]++;
      changed.set(question);
    } else if (text.startsWith("a")) {
      broadcast(new JsonObject().put("type", "question").put("id", ++questions).put("text", text.substring(1))
          .toBuffer());
    }
  }

  private void flush() {
    if (changed.isEmpty()) {
      return;
    }
    JsonObject votes = new JsonObject();
    changed.stream().forEach(q -> votes.put(Integer.toString(q), counts[q]));
    changed.clear();
    broadcast(new JsonObject().put("type", "votes").put("votes", votes).toBuffer());
  }

  private void broadcast(Buffer encoded) {
    for (ServerWebSocket socket : new ArrayList<>(sockets)) {
      socket.writeFrame(textFrame(encoded)).onFailure(e -> System.err.println("write failed: " + e));
    }
  }

  /** A text frame around the shared bytes: no copy, no re-encoding per socket. */
  static WebSocketFrame textFrame(Buffer encoded) {
    return new io.vertx.core.http.impl.ws.WebSocketFrameImpl(io.vertx.core.http.WebSocketFrameType.TEXT,
        ((io.vertx.core.internal.buffer.BufferInternal) encoded).getByteBuf(), true);
  }
}
