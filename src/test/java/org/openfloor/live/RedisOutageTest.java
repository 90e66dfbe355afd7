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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.log.RedisTestServer;
import org.openfloor.testing.Api;
import org.openfloor.testing.BridgeClient;
import org.openfloor.testing.Node;

@ExtendWith(VertxExtension.class)
@DisplayName("Two nodes when Redis (AOF, fsync always) is killed and restarted during a stream of submissions")
class RedisOutageTest {
  /** One writer streams as fast as it can: the per-participant rate limit would refuse most of it. */
  private static final JsonObject HIGH_RATE_LIMITS =
      new JsonObject().put("rateCommandsPerSecond", 100_000).put("rateBurst", 100_000);

  @TempDir
  Path dataDir;

  @Test
  @DisplayName("answer 503 promptly and report not ready while it is down, serve again by themselves, and keep "
      + "every acknowledged question exactly once")
  void survivesRedisRestart(Vertx vertx, VertxTestContext testContext) throws Exception {
    RedisTestServer redis = RedisTestServer.startDurable();
    Node a = Node.start(dataDir.resolve("a"), redis.url(), "outage:", HIGH_RATE_LIMITS);
    Node b = Node.start(dataDir.resolve("b"), redis.url(), "outage:", HIGH_RATE_LIMITS);
    try {
      JsonObject created = a.api().createSession("Outage", "post").await();
      String code = created.getString("code");
      String token = a.api().join(code, "Writer").await().getString("token");
      b.api().snapshot(code, null).await();
      BridgeClient socket = b.connect().await();

      Set<String> acked = ConcurrentHashMap.newKeySet();
      List<Long> unavailableMillis = new CopyOnWriteArrayList<>();
      List<Integer> otherFailures = new CopyOnWriteArrayList<>();
      AtomicBoolean writing = new AtomicBoolean(true);
      Thread writer = new Thread(() -> submitUntilStopped(List.of(a.api(), b.api()), code, token, writing, acked,
          unavailableMillis, otherFailures), "submissions");
      writer.start();
      MultiNodeTest.waitUntil(() -> acked.size() >= 20);

      redis.kill();
      MultiNodeTest.waitUntil(() -> unavailableMillis.size() >= 3);
      HttpResponse<Buffer> healthWhileDown = a.api().call(HttpMethod.GET, "/health", null, null).await();
      JsonObject bridgeWhileDown = socket.command(new JsonObject().put("type", "ask").put("session", code)
          .put("text", "Over the bridge while down"), token).await();
      int ackedWhileDown = acked.size();
      Thread.sleep(500);
      boolean nothingAckedWhileDown = acked.size() == ackedWhileDown;

      redis.restart();
      int ackedAtRestart = acked.size();
      MultiNodeTest.waitUntil(() -> acked.size() >= ackedAtRestart + 20);
      writing.set(false);
      writer.join();
      HttpResponse<Buffer> healthAfter = b.api().call(HttpMethod.GET, "/health", null, null).await();
      long lastSeq = a.api().snapshot(code, null).await().getLong("seq");
      MultiNodeTest.waitUntil(() -> b.api().snapshot(code, null).await().getLong("seq") >= lastSeq);
      JsonObject onA = a.api().snapshot(code, null).await();
      JsonObject onB = b.api().snapshot(code, null).await();

      Map<String, Long> counts = onA.getJsonArray("questions").stream().map(JsonObject.class::cast)
          .collect(Collectors.groupingBy(q -> q.getString("text"), Collectors.counting()));
      testContext.verify(() -> {
        assertThat(unavailableMillis).allMatch(ms -> ms < 3_000);
        assertThat(otherFailures).isEmpty();
        assertThat(nothingAckedWhileDown).isTrue();
        assertThat(healthWhileDown.statusCode()).isEqualTo(503);
        assertThat(bridgeWhileDown.getInteger("failureCode")).isEqualTo(503);
        assertThat(healthAfter.statusCode()).isEqualTo(200);
        assertThat(counts.keySet()).containsAll(acked);
        assertThat(counts.values()).allMatch(count -> count == 1);
        onA.remove("serverTime");
        onB.remove("serverTime");
        assertThat(onB).isEqualTo(onA);
      });
      socket.close().otherwiseEmpty().await();
      testContext.completeNow();
    } finally {
      a.stop();
      b.stop();
      redis.stop();
    }
  }

  /** Asks numbered questions one after another, alternating nodes, retrying each with its request id until acked. */
  private static void submitUntilStopped(List<Api> apis, String code, String token, AtomicBoolean writing,
                                         Set<String> acked, List<Long> unavailableMillis, List<Integer> otherFailures) {
    for (int i = 0; writing.get(); i++) {
      String text = "Submission " + i;
      JsonObject body = new JsonObject().put("text", text).put("requestId", "sub-" + i);
      while (writing.get()) {
        long started = System.nanoTime();
        HttpResponse<Buffer> response = apis.get(i % apis.size())
            .call(HttpMethod.POST, "/api/sessions/" + code + "/questions", token, body).otherwiseEmpty().await();
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (response != null && response.statusCode() == 201) {
          acked.add(text);
          break;
        }
        if (response != null && response.statusCode() == 503
            && "unavailable".equals(response.bodyAsJsonObject().getString("error"))) {
          unavailableMillis.add(millis);
        } else {
          otherFailures.add(response == null ? -1 : response.statusCode());
        }
        sleep(50);
      }
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
