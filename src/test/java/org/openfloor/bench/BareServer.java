package org.openfloor.bench;

import io.netty.buffer.ByteBuf;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;

import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.openfloor.app.Transports;
import org.openfloor.bridge.WebSocketPush;

/**
 * The bare ceiling: a minimal Vert.x WebSocket server on one event loop that counts votes ({@code v<index>})
 * and, once per window, sends the changed tallies to every connection as one pre-encoded buffer; a new
 * question ({@code a<text>}) goes to everyone at once. No log, no authorisation, no framing. Pushes are written
 * the way OpenFloor's {@code /ws} writes them ({@link WebSocketPush}: the WebSocket frame encoded once, one
 * flush per socket and event-loop turn), so the two differ by what OpenFloor does, not by how it writes.
 */
public final class BareServer extends VerticleBase {
  private final int port;
  private final long windowMillis;
  private final Set<WebSocketPush.Target> sockets = new LinkedHashSet<>();
  private final WebSocketPush push = new WebSocketPush();
  private final int[] counts = new int[1_000];
  private final BitSet changed = new BitSet();
  private int questions;
  private long votesIn;
  private long flushes;

  BareServer(int port, long windowMillis) {
    this.port = port;
    this.windowMillis = windowMillis;
  }

  public static void main(String[] args) {
    Vertx vertx = Vertx.builder().withTransport(Transports.named(args.length > 2 ? args[2] : "nio")).build();
    vertx.deployVerticle(new BareServer(Integer.parseInt(args[0]), Long.parseLong(args[1])))
        .onFailure(e -> {
          e.printStackTrace();
          System.exit(1);
        });
  }

  @Override
  public Future<?> start() {
    scheduleFlush(windowMillis);
    if (System.getenv("BENCH_PROGRESS") != null) {
      long t0 = System.nanoTime();
      vertx.setPeriodic(1000, t -> System.out.printf("progress t=%.1f votes=%d flushes=%d asks=%d%n",
          (System.nanoTime() - t0) / 1e9, votesIn, flushes, questions));
    }
    return vertx.createHttpServer(new HttpServerOptions().setMaxWebSocketFrameSize(1 << 16)
        .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false))
        .webSocketHandler(this::accept)
        .requestHandler(request -> request.response().end("bare"))
        .listen(port, "127.0.0.1");
  }

  private void accept(ServerWebSocket socket) {
    WebSocketPush.Target target = WebSocketPush.target(socket);
    sockets.add(target);
    socket.textMessageHandler(this::onMessage);
    socket.closeHandler(v -> sockets.remove(target));
  }

  private void onMessage(String text) {
    if (text.startsWith("v")) {
      int question = Integer.parseInt(text, 1, text.length(), 10);
      counts[question]++;
      votesIn++;
      changed.set(question);
    } else if (text.startsWith("a")) {
      broadcast(new JsonObject().put("type", "question").put("id", ++questions).put("text", text.substring(1))
          .toBuffer());
    }
  }

  /**
   * OpenFloor's cadence: the next flush one window after the previous one began (a window after it ended if
   * it took longer than a window). A periodic timer would catch up after a stall with flushes in a row, more
   * than N × 1000 / W updates a second; a window after each flush ended would fall behind OpenFloor's
   * rate by the time each flush takes.
   */
  private void scheduleFlush(long delayMillis) {
    vertx.setTimer(delayMillis, t -> {
      long began = System.nanoTime();
      flush();
      long tookMillis = (System.nanoTime() - began) / 1_000_000;
      scheduleFlush(tookMillis < windowMillis ? Math.max(1, windowMillis - tookMillis) : windowMillis);
    });
  }

  private void flush() {
    if (changed.isEmpty()) {
      return;
    }
    flushes++;
    JsonObject votes = new JsonObject();
    changed.stream().forEach(q -> votes.put(Integer.toString(q), counts[q]));
    changed.clear();
    broadcast(new JsonObject().put("type", "votes").put("votes", votes).toBuffer());
  }

  private void broadcast(Buffer encoded) {
    ByteBuf frame = WebSocketPush.textFrame(encoded);
    try {
      for (WebSocketPush.Target socket : sockets) {
        push.write(socket, frame, encoded);
      }
    } finally {
      frame.release();
    }
  }
}
