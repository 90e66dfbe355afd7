package org.openfloor.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.lang.ref.Reference;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds idle attendee sockets on one OpenFloor session, for the connection ceiling: one process per
 * server, since one process may have fewer than 20,000 open files. Prints {@code HELD n FAILED m SECONDS s},
 * then keeps them open until its standard input closes.
 */
public final class IdleHolder {
  private IdleHolder() {
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String code = args[1];
    int count = Integer.parseInt(args[2]);
    Wire wire = Wire.valueOf(args.length > 3 ? args[3] : "OPENFLOOR_SOCKJS");
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(1_000_000)
        .setConnectTimeout(60_000));
    Semaphore permits = new Semaphore(200);
    CountDownLatch done = new CountDownLatch(count);
    AtomicInteger held = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      permits.acquire();
      client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(wire.uri()))
          .onSuccess(ws -> {
            if (wire.openOnConnect()) {
              ws.writeTextMessage(wire.subscribe(code));
              held.incrementAndGet();
              permits.release();
              done.countDown();
            }
            ws.textMessageHandler(text -> {
              if (wire.opens(text) && !wire.openOnConnect()) {
                ws.writeTextMessage(wire.subscribe(code));
                held.incrementAndGet();
                permits.release();
                done.countDown();
              }
            });
          })
          .onFailure(e -> {
            failed.incrementAndGet();
            permits.release();
            done.countDown();
          });
    }
    done.await(600, TimeUnit.SECONDS);
    System.out.printf("HELD %d FAILED %d SECONDS %.2f%n", held.get(), failed.get(), (System.nanoTime() - start) / 1e9);
    System.out.flush();
    while (System.in.read() >= 0) {
      Thread.onSpinWait();
    }
    // A WebSocket client that is garbage collected closes its sockets (eclipse-vertx/vert.x#5612).
    Reference.reachabilityFence(client);
    System.exit(0);
  }
}
