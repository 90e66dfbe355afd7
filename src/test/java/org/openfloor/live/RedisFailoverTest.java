package org.openfloor.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.log.LogEntry;
import org.openfloor.log.RedisCli;
import org.openfloor.log.RedisCommandLog;
import org.openfloor.log.RedisLogOptions;
import org.openfloor.log.RedisTestServer;
import org.openfloor.log.SentinelProcess;
import org.openfloor.testing.Api;
import org.openfloor.testing.BridgeClient;
import org.openfloor.testing.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openfloor.testing.Await;
import static org.openfloor.testing.Await.await;
import org.openfloor.live.wire.Addresses;

/**
 * A primary, two replicas (after the failover one is left to confirm WAIT 1) and one Sentinel, all real
 * redis-server processes; two OpenFloor nodes configured with the Sentinel URL and {@code redisWaitReplicas} 1.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Two nodes on Redis through Sentinel with WAIT for one replica, when the primary is killed with -9")
class RedisFailoverTest {
  private static final Logger LOG = LoggerFactory.getLogger(RedisFailoverTest.class);
  private static final String PREFIX = "failover:";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  @DisplayName("ack submissions again once Sentinel has promoted a replica, without a restart: every acknowledged "
      + "question is there exactly once, seqs are dense, and both nodes follow the new primary")
  void survivesFailover(Vertx vertx, VertxTestContext testContext) throws Exception {
    RedisTestServer primary = RedisTestServer.startDurable();
    List<RedisTestServer> replicas = List.of(RedisTestServer.startReplicaOf(primary),
        RedisTestServer.startReplicaOf(primary));
    SentinelProcess sentinel = null;
    Node a = null;
    Node b = null;
    try {
      replicas.forEach(replica -> awaitLinked(replica));
      Files.createDirectories(dir.resolve("sentinel"));
      sentinel = SentinelProcess.start(dir.resolve("sentinel"), primary.port(), Duration.ofSeconds(1),
          Duration.ofSeconds(10));
      SentinelProcess watching = sentinel;
      sentinel.await(() -> watching.replicasUp() == 2, PATIENCE, "see both replicas");
      a = Node.startConfigured(dir.resolve("a"), nodeConfig(sentinel.url()));
      b = Node.startConfigured(dir.resolve("b"), nodeConfig(sentinel.url()));

      Api onA = a.api();
      String code = await(onA.createSession("Failover", "post")).getString("code");
      String token = await(onA.join(code, "Writer")).getString("token");
      await(b.api().snapshot(code, null));
      BridgeClient follower = await(b.connect());
      follower.register(Addresses.publicOf(code), null);

      Submissions submissions = new Submissions(List.of(onA, b.api()), code, token);
      Thread writer = new Thread(submissions::run, "submissions");
      writer.start();
      waitUntil(() -> submissions.acked.size() >= 20, PATIENCE);

      int killedPort = primary.port();
      long killedAt = System.nanoTime();
      primary.kill();
      sentinel.await(() -> promoted(watching, killedPort), PATIENCE, "promote a replica");
      long promotedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
      int newPrimaryPort = watching.masterPort();
      int ackedAtPromotion = submissions.acked.size();
      waitUntil(() -> submissions.acked.size() >= ackedAtPromotion + 20, PATIENCE);
      submissions.stop();
      writer.join(Await.PATIENCE.toMillis());
      assertThat(writer.isAlive()).as("the writer stopped").isFalse();
      LOG.info("Primary killed: Sentinel named the replica on {} after {} ms; no submission was acked for {} ms; "
          + "{} answers were 503 meanwhile", newPrimaryPort, promotedMillis, submissions.longestGapMillis(),
          submissions.unavailable);

      Api onB = b.api();
      long lastSeq = await(onA.snapshot(code, null)).getLong("seq");
      waitUntil(() -> await(onB.snapshot(code, null)).getLong("seq") >= lastSeq, PATIENCE);
      Set<String> ackedAfterPromotion = submissions.ackedSince(ackedAtPromotion);
      waitUntil(() -> pushedTexts(follower, code).containsAll(ackedAfterPromotion), PATIENCE);
      JsonObject stateOnA = await(onA.snapshot(code, null));
      JsonObject stateOnB = await(onB.snapshot(code, null));
      List<LogEntry> stored = readLog(vertx, newPrimaryPort, code);

      Map<String, Long> counts = stateOnA.getJsonArray("questions").stream().map(JsonObject.class::cast)
          .collect(Collectors.groupingBy(q -> q.getString("text"), Collectors.counting()));
      testContext.verify(() -> {
        assertThat(submissions.otherFailures).isEmpty();
        assertThat(counts.keySet()).containsAll(submissions.acked);
        assertThat(counts.values()).allMatch(count -> count == 1);
        assertThat(stored).extracting(LogEntry::seq)
            .containsExactlyElementsOf(LongStream.rangeClosed(1, stored.size()).boxed().toList());
        assertThat(stored.get(stored.size() - 1).seq()).isEqualTo(stateOnA.getLong("seq"));
        stateOnA.remove("serverTime");
        stateOnB.remove("serverTime");
        assertThat(stateOnB).isEqualTo(stateOnA);
      });
      await(follower.close().otherwiseEmpty());
      testContext.completeNow();
    } finally {
      stopAll(a, b, sentinel, primary, replicas);
    }
  }

  private static JsonObject nodeConfig(String sentinelUrl) {
    return new JsonObject().put("log", "redis").put("redisUrl", sentinelUrl).put("redisKeyPrefix", PREFIX)
        .put("redisWaitReplicas", 1).put("redisWaitTimeoutMs", 1_000)
        .put("rateCommandsPerSecond", 100_000).put("rateBurst", 100_000);
  }

  private static void awaitLinked(RedisTestServer replica) {
    waitUntil(() -> RedisCli.run(replica.port(), "info", "replication").contains("master_link_status:up"), PATIENCE);
  }

  private static boolean promoted(SentinelProcess sentinel, int killedPort) {
    int port = sentinel.masterPort();
    return port > 0 && port != killedPort;
  }

  private static Set<String> pushedTexts(BridgeClient client, String code) {
    return client.bodiesOn(Addresses.publicOf(code)).stream().filter(body -> "question".equals(body.getString("type")))
        .map(body -> body.getJsonObject("question").getString("text")).collect(Collectors.toSet());
  }

  private static List<LogEntry> readLog(Vertx vertx, int port, String code) {
    RedisCommandLog direct = await(RedisCommandLog.open(vertx, RedisLogOptions.of("redis://127.0.0.1:" + port + "/0")
        .withKeyPrefix(PREFIX)));
    try {
      return await(direct.read(code, 0, 100_000));
    } finally {
      await(direct.close());
    }
  }

  private static void stopAll(Node a, Node b, SentinelProcess sentinel, RedisTestServer primary,
                              List<RedisTestServer> replicas) {
    for (Node node : new Node[] {a, b}) {
      if (node != null) {
        node.stop();
      }
    }
    if (sentinel != null) {
      sentinel.stop();
    }
    primary.stop();
    replicas.forEach(RedisTestServer::stop);
  }

  static void waitUntil(BooleanSupplier condition, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + within.toSeconds() + " s");
      }
      sleep(50);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Numbered questions one after another, alternating nodes, each retried with its request id until acked. */
  private static final class Submissions {
    private final List<Api> apis;
    private final String code;
    private final String token;
    private final List<String> acked = new CopyOnWriteArrayList<>();
    private final List<Long> ackedAt = new CopyOnWriteArrayList<>();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final List<Integer> otherFailures = new CopyOnWriteArrayList<>();
    private final AtomicBoolean writing = new AtomicBoolean(true);

    Submissions(List<Api> apis, String code, String token) {
      this.apis = apis;
      this.code = code;
      this.token = token;
    }

    void run() {
      for (int i = 0; writing.get(); i++) {
        submitUntilAcked(i);
      }
    }

    private void submitUntilAcked(int i) {
      String text = "Submission " + i;
      JsonObject body = new JsonObject().put("text", text).put("requestId", "sub-" + i);
      while (writing.get()) {
        HttpResponse<Buffer> response = await(apis.get(i % apis.size())
            .call(HttpMethod.POST, "/api/sessions/" + code + "/questions", token, body).otherwiseEmpty());
        if (response != null && response.statusCode() == 201) {
          ackedAt.add(System.nanoTime());
          acked.add(text);
          return;
        }
        if (response != null && response.statusCode() == 503) {
          unavailable.incrementAndGet();
        } else {
          otherFailures.add(response == null ? -1 : response.statusCode());
        }
        sleep(50);
      }
    }

    long longestGapMillis() {
      long longest = 0;
      for (int i = 1; i < ackedAt.size(); i++) {
        longest = Math.max(longest, ackedAt.get(i) - ackedAt.get(i - 1));
      }
      return TimeUnit.NANOSECONDS.toMillis(longest);
    }

    Set<String> ackedSince(int index) {
      return Set.copyOf(acked.subList(index, acked.size()));
    }

    void stop() {
      writing.set(false);
    }
  }
}
