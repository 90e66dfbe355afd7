package org.openfloor.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameInternal;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Recorder;

/**
 * The attendees held by this JVM, spread over its event loops: each keeps the last count it saw per question
 * and, for every tally update received, records the age of the oldest vote the update newly includes. Frames
 * are read as bytes ({@link TallyScanner}): no string decoding, no JSON parse, nothing allocated per frame.
 */
final class Audience implements Attendees {
  private static final int CONNECTS_IN_FLIGHT = 200;
  /** Phones' browsers offer permessage-deflate; so do the attendees unless BENCH_NO_DEFLATE is set. */
  private static final boolean BROWSER_LIKE_DEFLATE = System.getenv("BENCH_NO_DEFLATE") == null;
  /** Shorter frames are protocol chatter (SockJS heartbeat, Engine.IO ping), read as text. */
  private static final int PROTOCOL_FRAME = 8;

  private final Vertx vertx;
  private final List<ContextInternal> loops = new ArrayList<>();
  private final Wire wire;
  private final List<Integer> ports;
  private final int count;
  private final int offset;
  private final String code;
  private final TallyScanner scanner;
  private final SentTimes sent;
  private final Recorder lag = new Recorder(3_600_000_000_000L, 3);
  private final LongAdder deliveries = new LongAdder();
  private final LongAdder otherFrames = new LongAdder();
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  /**
   * Held for as long as the sockets: Vert.x 5 shuts down a WebSocket client that is garbage collected, closing
   * its sockets 30 s later (eclipse-vertx/vert.x#5612), which silently ended runs longer than that.
   */
  private WebSocketClient client;
  private static final boolean DEBUG = System.getenv("BENCH_DEBUG") != null;
  private final AtomicInteger debugged = new AtomicInteger();

  /**
   * {@code count} attendees on {@code threads} event loops of {@code vertx}; attendee i connects to
   * {@code ports[(offset + i) % ports.size()]}.
   */
  Audience(Vertx vertx, int threads, Wire wire, List<Integer> ports, int count, int offset, String code,
           List<String> questionIds, SentTimes sent) {
    this.vertx = vertx;
    for (int i = 0; i < threads; i++) {
      loops.add(((VertxInternal) vertx).createEventLoopContext());
    }
    this.wire = wire;
    this.ports = ports;
    this.count = count;
    this.offset = offset;
    this.code = code;
    this.scanner = new TallyScanner(questionIds);
    this.sent = sent;
  }

  @Override
  public double connect() throws InterruptedException {
    client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(1_000_000)
        .setConnectTimeout(30_000).setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 22)
        .setTryUsePerMessageCompression(BROWSER_LIKE_DEFLATE));
    warmUpConnects(client, Math.min(count, 200));
    Semaphore permits = new Semaphore(CONNECTS_IN_FLIGHT);
    CountDownLatch done = new CountDownLatch(count);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      permits.acquire();
      Attendee attendee = new Attendee(() -> {
        permits.release();
        done.countDown();
      });
      WebSocketConnectOptions target = target(i);
      loops.get(i % loops.size()).runOnContext(v -> client.connect(target)
          .onSuccess(attendee::start)
          .onFailure(e -> attendee.fail()));
    }
    if (!done.await(600, TimeUnit.SECONDS)) {
      throw new IllegalStateException("attendees did not connect in time: " + opened.get() + " open");
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private WebSocketConnectOptions target(int i) {
    return new WebSocketConnectOptions().setHost("127.0.0.1").setPort(ports.get((offset + i) % ports.size()))
        .setURI(wire.uri());
  }

  /** Opens and closes a few sockets first, so the timed connects do not pay for class loading and JIT. */
  private void warmUpConnects(WebSocketClient client, int sockets) {
    List<Future<WebSocket>> opening = new ArrayList<>();
    for (int i = 0; i < sockets; i++) {
      opening.add(client.connect(target(i)));
    }
    Future.join(opening).eventually(() -> Future.join(opening.stream().filter(Future::succeeded)
        .map(f -> f.result().close()).toList())).await();
  }

  @Override
  public int opened() {
    return opened.get();
  }

  @Override
  public int failed() {
    return failed.get();
  }

  @Override
  public void startMeasuring() {
    lag.getIntervalHistogram();
    deliveries.reset();
    otherFrames.reset();
  }

  @Override
  public Received stopMeasuring() {
    return new Received(deliveries.sum(), otherFrames.sum(), lag.getIntervalHistogram());
  }

  @Override
  public String toString() {
    return "deliveries=" + deliveries.sum() + " other=" + otherFrames.sum();
  }

  @Override
  public void close() {
  }

  /** One attendee's socket and the last count it saw per question. */
  private final class Attendee implements TallyScanner.Sink {
    private final int[] seen = new int[sent.questions()];
    private final Runnable settled;
    private WebSocket socket;
    private boolean open;
    private long oldest;

    Attendee(Runnable settled) {
      this.settled = settled;
    }

    void start(WebSocket socket) {
      this.socket = socket;
      socket.frameHandler(this::onFrame);
      socket.closeHandler(v -> {
        if (!open) {
          fail();
        }
      });
      if (wire.openOnConnect()) {
        opened();
      }
    }

    void fail() {
      failed.incrementAndGet();
      settled.run();
    }

    private void opened() {
      open = true;
      String subscribe = wire.subscribe(code);
      if (subscribe != null) {
        socket.writeTextMessage(subscribe);
      }
      opened.incrementAndGet();
      settled.run();
    }

    private void onFrame(WebSocketFrame frame) {
      if (DEBUG && debugged.getAndIncrement() < 20) {
        System.out.println("DEBUG frame " + frame.type() + " " + frame.binaryData().toString().substring(0,
            Math.min(120, frame.binaryData().length())));
      }
      if (frame.type() != WebSocketFrameType.TEXT) {
        return;
      }
      ByteBuf data = ((WebSocketFrameInternal) frame).getBinaryData();
      if (!open || data.readableBytes() < PROTOCOL_FRAME) {
        onProtocolFrame(data.toString(StandardCharsets.UTF_8));
        return;
      }
      long now = System.nanoTime();
      oldest = Long.MAX_VALUE;
      int updates = data.hasArray()
          ? scanner.scan(data.array(), data.arrayOffset() + data.readerIndex(),
              data.arrayOffset() + data.writerIndex(), this)
          : scanner.scan(ByteBufUtil.getBytes(data), 0, data.readableBytes(), this);
      if (updates == 0) {
        otherFrames.increment();
        return;
      }
      deliveries.add(updates);
      if (oldest != Long.MAX_VALUE && oldest > 0) {
        lag.recordValue(Math.max(0, now - oldest));
      }
    }

    private void onProtocolFrame(String text) {
      String answer = wire.answer(text);
      if (answer != null) {
        socket.writeTextMessage(answer);
      }
      if (!open && wire.opens(text)) {
        opened();
      } else if (open) {
        otherFrames.increment();
      }
    }

    @Override
    public void tally(int question, int votes) {
      int count = Math.min(votes, sent.perQuestion());
      if (count > seen[question]) {
        oldest = Math.min(oldest, sent.get(question, seen[question]));
        seen[question] = count;
      }
    }
  }
}
