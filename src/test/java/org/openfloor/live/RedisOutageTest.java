package org.openfloor.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.log.LogEntry;
import org.openfloor.log.RedisCommandLog;
import org.openfloor.log.RedisLogOptions;
import org.openfloor.log.RedisTestServer;
import org.openfloor.testing.Api;
import org.openfloor.testing.BridgeClient;
import org.openfloor.testing.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openfloor.testing.Await;
import static org.openfloor.testing.Await.await;

@ExtendWith(VertxExtension.class)
@DisplayName("Two nodes when Redis (AOF, fsync always) is killed with kill -9 and restarted during a stream of "
    + "submissions")
class RedisOutageTest {
  private static final Logger LOG = LoggerFactory.getLogger(RedisOutageTest.class);
  private static final String PREFIX = "outage:";
  private static final int ACKED_BEFORE_KILL = 100;
  private static final int REFUSED_WHILE_DOWN = 20;
  private static final int ACKED_AFTER_RESTART = 100;
  /** One writer streams as fast as it can: the per-participant rate limit would refuse most of it. */
  private static final JsonObject HIGH_RATE_LIMITS =
      new JsonObject().put("rateCommandsPerSecond", 100_000).put("rateBurst", 100_000);

  @TempDir
  Path dataDir;

  @Test
  @DisplayName("answer 503 promptly and report not ready while it is down, acknowledge nothing then, serve again by "
      + "themselves, and find every acknowledged question in the restarted Redis and in the state exactly once")
  void survivesRedisKill(Vertx vertx, VertxTestContext testContext) throws Exception {
    RedisTestServer redis = RedisTestServer.startDurable();
    Node a = Node.start(dataDir.resolve("a"), redis.url(), PREFIX, HIGH_RATE_LIMITS);
    Node b = Node.start(dataDir.resolve("b"), redis.url(), PREFIX, HIGH_RATE_LIMITS);
    try {
      JsonObject created = await(a.api().createSession("Outage", "post"));
      String code = created.getString("code");
      String token = await(a.api().join(code, "Writer")).getString("token");
      await(b.api().snapshot(code, null));
      BridgeClient socket = await(b.connect());

      Submissions submissions = new Submissions(List.of(a.api(), b.api()), code, token);
      Thread writer = new Thread(submissions, "submissions");
      writer.start();
      waitUntil(() -> submissions.acked.size() >= ACKED_BEFORE_KILL);

      redis.kill();
      // From here Redis is dead (kill waits for the process): an append sent before may still have been acked.
      long killedAt = System.nanoTime();
      waitUntil(() -> submissions.unavailableMillis.size() >= REFUSED_WHILE_DOWN);
      HttpResponse<Buffer> healthWhileDown = await(a.api().call(HttpMethod.GET, "/health", null, null));
      JsonObject bridgeWhileDown = await(socket.command(new JsonObject().put("type", "ask").put("session", code)
          .put("text", "Over the bridge while down"), token));
      Thread.sleep(500);
      long restartedAt = System.nanoTime();
      redis.restart();
      int ackedAtRestart = submissions.acked.size();
      waitUntil(() -> submissions.acked.size() >= ackedAtRestart + ACKED_AFTER_RESTART);
      submissions.running.set(false);
      writer.join(Await.PATIENCE.toMillis());
      assertThat(writer.isAlive()).as("the writer stopped").isFalse();

      HttpResponse<Buffer> healthAfter = await(b.api().call(HttpMethod.GET, "/health", null, null));
      long lastSeq = await(a.api().snapshot(code, null)).getLong("seq");
      waitUntil(() -> await(b.api().snapshot(code, null)).getLong("seq") >= lastSeq);
      JsonObject onA = await(a.api().snapshot(code, null));
      JsonObject onB = await(b.api().snapshot(code, null));
      Map<String, Long> inRedis = requestIdsInRedis(vertx, redis.url(), code);
      Map<String, Long> questions = onA.getJsonArray("questions").stream().map(JsonObject.class::cast)
          .collect(Collectors.groupingBy(q -> q.getString("text"), Collectors.counting()));
      long ackedWhileDown = submissions.ackedBetween(killedAt, restartedAt);
      long refusedWhileDown = submissions.unavailableMillis.size();
      LOG.info("Redis kill -9: {} submissions tried in {} HTTP requests, {} acked ({} while Redis was down), {} "
              + "refused with 503 while it was down (slowest {} ms), {} other failures; after the restart Redis holds "
              + "{} of the {} acked (request ids appended twice: {}), the state has each once: {}",
          submissions.tried.get(), submissions.requests.get(), submissions.acked.size(), ackedWhileDown,
          refusedWhileDown, submissions.unavailableMillis.stream().mapToLong(Long::longValue).max().orElse(0),
          submissions.otherFailures.size(), submissions.acked.keySet().stream().filter(inRedis::containsKey).count(),
          submissions.acked.size(), inRedis.values().stream().filter(n -> n > 1).count(),
          submissions.acked.keySet().stream().allMatch(id -> questions.get(Submissions.text(id)) == 1));
      testContext.verify(() -> {
        assertThat(submissions.unavailableMillis).allMatch(ms -> ms < 3_000);
        assertThat(submissions.otherFailures).isEmpty();
        assertThat(ackedWhileDown).isZero();
        assertThat(healthWhileDown.statusCode()).isEqualTo(503);
        assertThat(bridgeWhileDown.getInteger("failureCode")).isEqualTo(503);
        assertThat(healthAfter.statusCode()).isEqualTo(200);
        assertThat(inRedis.keySet()).containsAll(submissions.acked.keySet());
        assertThat(submissions.acked.keySet()).allSatisfy(id -> assertThat(questions.get(Submissions.text(id)))
            .isEqualTo(1L));
        assertThat(questions.values()).allMatch(count -> count == 1);
        onA.remove("serverTime");
        onB.remove("serverTime");
        assertThat(onB).isEqualTo(onA);
      });
      await(socket.close().otherwiseEmpty());
      testContext.completeNow();
    } finally {
      a.stop();
      b.stop();
      redis.stop();
    }
  }

  private static void waitUntil(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 60 s");
      }
      Submissions.sleep(20);
    }
  }

  /** How often each request id occurs in the session's log, read straight from Redis. */
  private static Map<String, Long> requestIdsInRedis(Vertx vertx, String url, String code) {
    RedisCommandLog log = await(RedisCommandLog.open(vertx, RedisLogOptions.of(url).withKeyPrefix(PREFIX)));
    try {
      List<LogEntry> entries = await(log.read(code, 0, 1_000_000));
      return entries.stream().map(e -> new JsonObject(e.payload()).getString("r")).filter(r -> r != null)
          .collect(Collectors.groupingBy(r -> r, Collectors.counting()));
    } finally {
      await(log.close());
    }
  }

  /**
   * Asks numbered questions one after another, alternating nodes, retrying each with its request id until acked;
   * keeps the time of every ack and how long every 503 took.
   */
  private static final class Submissions implements Runnable {
    private final List<Api> apis;
    private final String code;
    private final String token;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger tried = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, long[]> acked = new ConcurrentHashMap<>();
    private final List<Long> unavailableMillis = new CopyOnWriteArrayList<>();
    private final List<Integer> otherFailures = new CopyOnWriteArrayList<>();

    Submissions(List<Api> apis, String code, String token) {
      this.apis = apis;
      this.code = code;
      this.token = token;
    }

    static String text(String requestId) {
      return "Submission " + requestId;
    }

    @Override
    public void run() {
      for (int i = 0; running.get(); i++) {
        tried.incrementAndGet();
        String requestId = "sub-" + i;
        JsonObject body = new JsonObject().put("text", text(requestId)).put("requestId", requestId);
        long firstTried = System.nanoTime();
        while (running.get() && !submit(apis.get(i % apis.size()), requestId, body, firstTried)) {
          sleep(50);
        }
      }
    }

    private boolean submit(Api api, String requestId, JsonObject body, long firstTried) {
      requests.incrementAndGet();
      long started = System.nanoTime();
      HttpResponse<Buffer> response = await(api.call(HttpMethod.POST, "/api/sessions/" + code + "/questions", token, body)
          .otherwiseEmpty());
      long ended = System.nanoTime();
      if (response != null && response.statusCode() == 201) {
        acked.put(requestId, new long[] {firstTried, ended});
        return true;
      }
      if (response != null && response.statusCode() == 503
          && "unavailable".equals(response.bodyAsJsonObject().getString("error"))) {
        unavailableMillis.add((ended - started) / 1_000_000);
      } else {
        otherFailures.add(response == null ? -1 : response.statusCode());
      }
      return false;
    }

    /**
     * Acks of requests first tried after {@code from} and answered before {@code to} (monotonic nanoseconds). A
     * retry of a request tried before the kill may rightly be acked during the outage: its first try reached
     * Redis before it died, and the node answers the retry from its request ids without appending.
     */
    long ackedBetween(long from, long to) {
      return acked.values().stream().filter(times -> times[0] > from && times[1] < to).count();
    }

    private static void sleep(long ms) {
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
