package org.openfloor.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.testing.Api;
import org.openfloor.testing.BridgeClient;
import org.openfloor.testing.BridgeMessages;
import org.openfloor.testing.RawWebSocket;
import org.openfloor.testing.TestServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import static org.openfloor.testing.Await.await;

@ExtendWith(VertxExtension.class)
@DisplayName("Rate limits")
class RateLimitTest {
  private static final Logger LOG = LoggerFactory.getLogger(RateLimitTest.class);
  /**
   * Normal and flooded measurements are interleaved in this many pairs. Each kind's p99 is taken over all its round
   * trips: per window, a single stall of the shared CPU sets the p99, and medians of those still swing 0.6–1.6x
   * between two runs without any flood.
   */
  private static final int PAIRS = 7;
  /** Measurements made and dropped first, while the JIT compiler is still at work on both sides. */
  private static final int WARM_UP_WINDOWS = 3;
  /** Each probe makes this many bridge commands per measurement, then reads snapshots until it ends. */
  private static final int PROBE_COMMANDS = 10;
  /** How long a measurement lasts: a flood cut off after some 100 ms must not pass unseen in a short one. */
  private static final long WINDOW_NANOS = 1_000_000_000L;
  /** Measurements start at least this far apart, so that the probes' buckets (10 a second) refill in between. */
  private static final long MEASUREMENT_SPACING_NANOS = 1_100_000_000L;
  /** Below this, a p99 is timer and scheduler noise: twice it is still fast. */
  private static final long P99_FLOOR_NANOS = 2_000_000L;
  private static final int MAX_REFUSALS = 50;
  /** One command a second with a burst of 20: what refills during a test is small next to a fresh burst. */
  private static final JsonObject SLOW_BUCKETS = new JsonObject().put("rateCommandsPerSecond", 1).put("rateBurst", 20)
      .put("maxRefusalsPerSocket", MAX_REFUSALS);
  /** The shipped defaults. */
  private static final JsonObject DEFAULT_BUCKETS = new JsonObject().put("rateCommandsPerSecond", 10)
      .put("rateBurst", 20).put("maxRefusalsPerSocket", MAX_REFUSALS);

  @TempDir
  Path dataDir;

  private TestServer server;
  private Api api;
  private final List<BridgeClient> sockets = new ArrayList<>();

  private String start(Vertx vertx, JsonObject config) {
    server = await(TestServer.start(vertx, dataDir, config));
    api = new Api(vertx, server.port());
    return await(api.createSession("Rate limits", "post")).getString("code");
  }

  private BridgeClient socket(Vertx vertx) {
    BridgeClient socket = await(BridgeClient.connect(vertx, server.port()));
    sockets.add(socket);
    return socket;
  }

  @AfterEach
  void stop() {
    sockets.forEach(BridgeClient::close);
    api.close();
    await(server.stop());
  }

  @Test
  @DisplayName("a participant firing 60 questions at once over HTTP gets 429 beyond the burst, and only the admitted ones exist")
  void httpBurstIsCapped(Vertx vertx, VertxTestContext testContext) {
    String code = start(vertx, new JsonObject().put("rateCommandsPerSecond", 10).put("rateBurst", 20));
    String token = await(api.join(code, "Eager")).getString("token");
    long started = System.nanoTime();
    List<Future<HttpResponse<Buffer>>> asks = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      asks.add(api.call(HttpMethod.POST, "/api/sessions/" + code + "/questions", token,
          new JsonObject().put("text", "Question " + i)));
    }
    await(Future.all(asks));
    double seconds = (System.nanoTime() - started) / 1e9;
    long refilled = (long) Math.ceil(seconds * 10);
    long created = asks.stream().filter(f -> f.result().statusCode() == 201).count();
    List<HttpResponse<Buffer>> refused = asks.stream().map(Future::result).filter(r -> r.statusCode() == 429).toList();
    JsonObject snapshot = await(api.snapshot(code, null));
    testContext.verify(() -> {
      assertThat(created).isBetween(20L, 20L + refilled);
      assertThat(created + refused.size()).isEqualTo(60);
      assertThat(refused.get(0).bodyAsJsonObject().getString("error")).isEqualTo("too_many_requests");
      assertThat(snapshot.getJsonArray("questions")).hasSize((int) created);
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("a socket firing 60 commands gets err replies with failureCode 429 beyond the burst, and stays open: "
      + "40 refusals are within maxRefusalsPerSocket")
  void bridgeBurstIsCapped(Vertx vertx, VertxTestContext testContext) {
    String code = start(vertx, new JsonObject().put("rateCommandsPerSecond", 10).put("rateBurst", 20));
    String token = await(api.join(code, "Eager")).getString("token");
    BridgeClient socket = socket(vertx);
    List<Future<JsonObject>> replies = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      replies.add(socket.command(new JsonObject().put("type", "ask").put("session", code).put("text", "Q" + i), token));
    }
    await(Future.all(replies));
    long accepted = replies.stream().filter(f -> "rec".equals(f.result().getString("type"))).count();
    long tooMany = replies.stream().filter(f -> Integer.valueOf(429).equals(f.result().getInteger("failureCode"))).count();
    testContext.verify(() -> {
      assertThat(accepted).isBetween(20L, 25L);
      assertThat(accepted + tooMany).isEqualTo(60);
      assertThat(socket.closed().isComplete()).isFalse();
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("new participants from one address are capped per minute; other commands are not counted there")
  void joinsPerAddressAreCapped(Vertx vertx, VertxTestContext testContext) {
    String code = start(vertx, new JsonObject().put("joinsPerIpPerMinute", 5));
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      statuses.add(await(api.call(HttpMethod.POST, "/api/sessions/" + code + "/participants", null,
          new JsonObject().put("name", "P" + i))).statusCode());
    }
    JsonObject moderatorView = await(api.snapshot(code, null));
    testContext.verify(() -> {
      assertThat(statuses).containsExactly(201, 201, 201, 201, 201, 429, 429, 429);
      assertThat(moderatorView.getLong("seq")).isEqualTo(6L);
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("a socket that keeps sending after more than maxRefusalsPerSocket refusals within 10 s is closed "
      + "with 1008 on /ws, and its next socket draws on the same drained participant bucket")
  void plainSocketIgnoringRefusalsIsClosed(Vertx vertx, VertxTestContext testContext) throws InterruptedException {
    String code = start(vertx, SLOW_BUCKETS);
    String token = await(api.join(code, "Flooder")).getString("token");
    long started = System.nanoTime();
    RawWebSocket flooder = await(RawWebSocket.plain(vertx, server.port()));
    for (int i = 0; i < 200; i++) {
      flooder.command(ask(code, "Flood " + i), token);
    }
    int status = await(flooder.closed());
    long refused = flooder.bridgeMessages().stream().filter(RateLimitTest::tooMany).count();

    RawWebSocket again = await(RawWebSocket.plain(vertx, server.port()));
    List<JsonObject> replies = await(Future.all(IntStream.range(0, 30).mapToObj(i -> again.command(ask(code, "Again " + i),
        token)).toList())).list();
    double seconds = (System.nanoTime() - started) / 1e9;
    long acceptedAgain = replies.stream().filter(r -> "rec".equals(r.getString("type"))).count();
    int questions = questionsOnceBurstApplied(code);
    boolean againOpen = !again.closed().isComplete();
    again.close();
    LOG.info("/ws flooder: closed with {} after {} refusals; its next socket: {} of 30 accepted; {} questions in {} s",
        status, refused, acceptedAgain, questions, String.format("%.2f", seconds));
    testContext.verify(() -> {
      assertThat(status).isEqualTo(1008);
      assertThat(refused).isEqualTo(MAX_REFUSALS + 1);
      assertThat(againOpen).isTrue();
      assertThat(acceptedAgain).isLessThanOrEqualTo((long) Math.ceil(seconds) + 1);
      assertThat(questions).isBetween(20, 20 + (int) Math.ceil(seconds) + 1);
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("a SockJS socket that keeps sending after more than maxRefusalsPerSocket refusals gets SockJS's close "
      + "frame, and its next socket draws on the same drained participant bucket")
  void sockJsSocketIgnoringRefusalsIsClosed(Vertx vertx, VertxTestContext testContext) throws InterruptedException {
    String code = start(vertx, SLOW_BUCKETS);
    String token = await(api.join(code, "Flooder")).getString("token");
    long started = System.nanoTime();
    BridgeClient flooder = socket(vertx);
    for (int i = 0; i < 200; i++) {
      flooder.command(ask(code, "Flood " + i), token);
    }
    int status = await(flooder.closed());
    long refused = flooder.framesWithFailureCode(429);

    BridgeClient again = socket(vertx);
    List<JsonObject> replies = await(Future.all(IntStream.range(0, 30).mapToObj(i -> again.command(ask(code, "Again " + i),
        token)).toList())).list();
    double seconds = (System.nanoTime() - started) / 1e9;
    long acceptedAgain = replies.stream().filter(r -> "rec".equals(r.getString("type"))).count();
    int questions = questionsOnceBurstApplied(code);
    LOG.info("SockJS flooder: closed with {} after {} refusals; its next socket: {} of 30 accepted; {} questions in "
        + "{} s", status, refused, acceptedAgain, questions, String.format("%.2f", seconds));
    testContext.verify(() -> {
      assertThat(status).isEqualTo(3000);
      assertThat(refused).isEqualTo(MAX_REFUSALS + 1);
      assertThat(again.closed().isComplete()).isFalse();
      assertThat(acceptedAgain).isLessThanOrEqualTo((long) Math.ceil(seconds) + 1);
      assertThat(questions).isBetween(20, 20 + (int) Math.ceil(seconds) + 1);
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("a socket flooding 1,000 messages a second is closed and does not raise other clients' p99 latency "
      + "above twice normal (interleaved normal and flooded 1 s windows, p99 over each kind's round trips)")
  void floodDoesNotHurtOthers(Vertx vertx, VertxTestContext testContext) {
    String code = start(vertx, DEFAULT_BUCKETS);
    Probes probes = new Probes(vertx);
    for (int i = 0; i < 10; i++) {
      String token = await(api.join(code, "Probe " + i)).getString("token");
      probes.add(new Probe(socket(vertx), new Api(vertx, server.port()), token, code));
    }
    String floodedCode = await(api.createSession("Flooded", "post")).getString("code");
    String flooderToken = await(api.join(floodedCode, "Flooder")).getString("token");

    for (int i = 0; i < WARM_UP_WINDOWS; i++) {
      probes.measure();
    }
    Trials normal = new Trials();
    Trials flooded = new Trials();
    List<Flood> floods = new ArrayList<>();
    for (int pair = 0; pair < PAIRS; pair++) {
      boolean floodFirst = pair % 2 == 1;
      if (floodFirst) {
        floods.add(floodedTrial(vertx, probes, floodedCode, flooderToken, flooded));
      }
      normal.add(probes.measure());
      if (!floodFirst) {
        floods.add(floodedTrial(vertx, probes, floodedCode, flooderToken, flooded));
      }
    }
    probes.close();
    LOG.info("Flood: p99 over all {} / {} round trips {} / {} µs normal / flooded = {}x; per pair {}, medians {} / {} "
            + "µs = {}x; floods: {}", normal.count(), flooded.count(), normal.pooledP99() / 1_000,
        flooded.pooledP99() / 1_000, ratio(flooded.pooledP99(), normal.pooledP99()), pairs(normal, flooded),
        normal.medianP99() / 1_000, flooded.medianP99() / 1_000, ratio(flooded.medianP99(), normal.medianP99()),
        floods);
    testContext.verify(() -> {
      assertThat(floods).allSatisfy(f -> {
        assertThat(f.attemptedPerSecond()).isGreaterThanOrEqualTo(900);
        assertThat(f.closeCode()).isEqualTo(3000);
        assertThat(f.refused()).isEqualTo(MAX_REFUSALS + 1);
      });
      assertThat(flooded.pooledP99()).as("p99 of all flooded round trips within 2x that of all normal ones")
          .isLessThanOrEqualTo(2 * Math.max(normal.pooledP99(), P99_FLOOR_NANOS));
    });
    testContext.completeNow();
  }

  /** Starts a flooder on a new socket (another session, same server) and measures the probes meanwhile. */
  private Flood floodedTrial(Vertx vertx, Probes probes, String code, String token, Trials trials) {
    probes.awaitSpacing();
    Flood flood = new Flood(vertx, socket(vertx), code, token);
    trials.add(probes.measure());
    flood.stop();
    return flood;
  }

  /** The flooder's accepted asks may still be on their way to the disk when its socket is closed. */
  private int questionsOnceBurstApplied(String code) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    int questions = await(api.snapshot(code, null)).getJsonArray("questions").size();
    while (questions < 20 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      questions = await(api.snapshot(code, null)).getJsonArray("questions").size();
    }
    return questions;
  }

  private static JsonObject ask(String code, String text) {
    return new JsonObject().put("type", "ask").put("session", code).put("text", text);
  }

  private static boolean tooMany(JsonObject frame) {
    return Integer.valueOf(429).equals(frame.getInteger("failureCode"));
  }

  /** Well-behaved clients, measured all at once, never more often than their buckets allow. */
  private static final class Probes {
    private final Vertx vertx;
    private final List<Probe> probes = new ArrayList<>();
    private long lastStarted;

    Probes(Vertx vertx) {
      this.vertx = vertx;
    }

    void add(Probe probe) {
      probes.add(probe);
    }

    void awaitSpacing() {
      long wait = lastStarted + MEASUREMENT_SPACING_NANOS - System.nanoTime();
      if (wait > 0) {
        await(vertx.timer(wait / 1_000_000 + 1));
      }
    }

    /** Every probe at once for one window, each its bridge round trips then snapshot reads, one after another. */
    List<Long> measure() {
      awaitSpacing();
      lastStarted = System.nanoTime();
      long until = lastStarted + WINDOW_NANOS;
      List<Future<List<Long>>> rounds = probes.stream().map(p -> p.round(PROBE_COMMANDS, until)).toList();
      await(Future.all(rounds));
      List<Long> all = new ArrayList<>();
      rounds.forEach(r -> all.addAll(r.result()));
      return all;
    }

    void close() {
      probes.forEach(p -> p.http().close());
    }
  }

  private static String ratio(long flooded, long normal) {
    return String.format("%.2f", (double) flooded / normal);
  }

  private static String pairs(Trials normal, Trials flooded) {
    return IntStream.range(0, normal.p99s.size())
        .mapToObj(i -> normal.p99s.get(i) / 1_000 + "/" + flooded.p99s.get(i) / 1_000).toList().toString();
  }

  /** The round-trip times of the measurements made under one condition, each one's p99, and all of them. */
  private static final class Trials {
    private final List<Long> all = new ArrayList<>();
    private final List<Long> p99s = new ArrayList<>();

    void add(List<Long> latencies) {
      all.addAll(latencies);
      p99s.add(p99(latencies));
    }

    int count() {
      return all.size();
    }

    long pooledP99() {
      return p99(all);
    }

    long medianP99() {
      List<Long> sorted = new ArrayList<>(p99s);
      Collections.sort(sorted);
      return sorted.get(sorted.size() / 2);
    }

    private static long p99(List<Long> nanos) {
      List<Long> sorted = new ArrayList<>(nanos);
      Collections.sort(sorted);
      return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
    }
  }

  /**
   * A well-behaved client. Its bridge commands are refused by the domain-free decoder (an unknown
   * field) so that their latency is the server's, not the disk's fsync jitter.
   */
  private record Probe(BridgeClient socket, Api http, String token, String code) {
    Future<List<Long>> round(int commands, long untilNanos) {
      List<Long> latencies = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (int i = 0; i < commands; i++) {
        chain = chain.compose(v -> {
          long started = System.nanoTime();
          return socket.command(new JsonObject().put("type", "vote").put("session", code).put("probe", true), token)
              .map(reply -> {
                if (!Integer.valueOf(400).equals(reply.getInteger("failureCode"))) {
                  throw new IllegalStateException("probe got " + reply.encode());
                }
                latencies.add(System.nanoTime() - started);
                return null;
              });
        });
      }
      return chain.compose(v -> readUntil(untilNanos, latencies)).map(v -> latencies);
    }

    /**
     * Snapshot reads one after another until {@code untilNanos}. Each read starts from the previous one's
     * callback and they all complete one promise: a window holds thousands of reads, and a chain of that many
     * nested futures overflowed the stack when the last one completed them all at once.
     */
    private Future<Void> readUntil(long untilNanos, List<Long> latencies) {
      Promise<Void> done = Promise.promise();
      readNext(untilNanos, latencies, done);
      return done.future();
    }

    private void readNext(long untilNanos, List<Long> latencies, Promise<Void> done) {
      if (System.nanoTime() >= untilNanos) {
        done.complete();
        return;
      }
      long started = System.nanoTime();
      http.snapshot(code, token).onComplete(read -> {
        if (read.failed()) {
          done.fail(read.cause());
          return;
        }
        latencies.add(System.nanoTime() - started);
        readNext(untilNanos, latencies, done);
      });
    }
  }

  /**
   * Asks from one socket at 1,000 a second (in bursts every 10 ms), replies unread, until stopped; it goes on
   * writing after the server closed it, as a careless script would.
   */
  private static final class Flood {
    private final Vertx vertx;
    private final BridgeClient socket;
    private final long timer;
    private final long started = System.nanoTime();
    private long stopped;
    private int attempted;
    private volatile long closedAfterNanos = -1;

    Flood(Vertx vertx, BridgeClient socket, String code, String token) {
      this.vertx = vertx;
      this.socket = socket;
      socket.closed().onComplete(ar -> closedAfterNanos = System.nanoTime() - started);
      String message = BridgeMessages.send(ask(code, "Flood"), token, "flood").encode();
      this.timer = vertx.setPeriodic(10, t -> {
        long due = (System.nanoTime() - started) / 1_000_000;
        while (attempted < due) {
          socket.sendRaw(message);
          attempted++;
        }
      });
    }

    void stop() {
      vertx.cancelTimer(timer);
      stopped = System.nanoTime();
    }

    double attemptedPerSecond() {
      return attempted / ((stopped - started) / 1e9);
    }

    int closeCode() {
      return socket.closed().isComplete() ? socket.closed().result() : -1;
    }

    long refused() {
      return socket.framesWithFailureCode(429);
    }

    @Override
    public String toString() {
      return String.format("%d sent at %d/s, %d refused, closed %d after %d ms", attempted,
          Math.round(attemptedPerSecond()), refused(), closeCode(), closedAfterNanos / 1_000_000);
    }
  }
}
