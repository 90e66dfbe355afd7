package org.openfloor.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.testing.Api;
import org.openfloor.testing.BridgeClient;
import org.openfloor.testing.TestServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@ExtendWith(VertxExtension.class)
@DisplayName("Rate limits")
class RateLimitTest {
  private static final Logger LOG = LoggerFactory.getLogger(RateLimitTest.class);
  /** Other processes share the CPU; a paired trial is repeated up to this often before the test fails. */
  private static final int MAX_TRIALS = 3;

  @TempDir
  Path dataDir;

  private TestServer server;
  private Api api;
  private final List<BridgeClient> sockets = new ArrayList<>();

  private String start(Vertx vertx, JsonObject config) {
    server = TestServer.start(vertx, dataDir, config).await();
    api = new Api(vertx, server.port());
    return api.createSession("Rate limits", "post").await().getString("code");
  }

  private BridgeClient socket(Vertx vertx) {
    BridgeClient socket = BridgeClient.connect(vertx, server.port()).await();
    sockets.add(socket);
    return socket;
  }

  @AfterEach
  void stop() {
    sockets.forEach(BridgeClient::close);
    api.close();
    server.stop().await();
  }

  @Test
  @DisplayName("a participant firing 60 questions at once over HTTP gets 429 beyond the burst, and only the admitted ones exist")
  void httpBurstIsCapped(Vertx vertx, VertxTestContext testContext) {
    String code = start(vertx, new JsonObject().put("rateCommandsPerSecond", 10).put("rateBurst", 20));
    String token = api.join(code, "Eager").await().getString("token");
    long started = System.nanoTime();
    List<Future<HttpResponse<Buffer>>> asks = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      asks.add(api.call(HttpMethod.POST, "/api/sessions/" + code + "/questions", token,
          new JsonObject().put("text", "Question " + i)));
    }
    Future.all(asks).await();
    double seconds = (System.nanoTime() - started) / 1e9;
    long refilled = (long) Math.ceil(seconds * 10);
    long created = asks.stream().filter(f -> f.result().statusCode() == 201).count();
    List<HttpResponse<Buffer>> refused = asks.stream().map(Future::result).filter(r -> r.statusCode() == 429).toList();
    JsonObject snapshot = api.snapshot(code, null).await();
    testContext.verify(() -> {
      assertThat(created).isBetween(20L, 20L + refilled);
      assertThat(created + refused.size()).isEqualTo(60);
      assertThat(refused.get(0).bodyAsJsonObject().getString("error")).isEqualTo("too_many_requests");
      assertThat(snapshot.getJsonArray("questions")).hasSize((int) created);
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("a socket firing 60 commands gets err replies with failureCode 429 beyond the burst")
  void bridgeBurstIsCapped(Vertx vertx, VertxTestContext testContext) {
    String code = start(vertx, new JsonObject().put("rateCommandsPerSecond", 10).put("rateBurst", 20));
    String token = api.join(code, "Eager").await().getString("token");
    BridgeClient socket = socket(vertx);
    List<Future<JsonObject>> replies = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      replies.add(socket.command(new JsonObject().put("type", "ask").put("session", code).put("text", "Q" + i), token));
    }
    Future.all(replies).await();
    long accepted = replies.stream().filter(f -> "rec".equals(f.result().getString("type"))).count();
    long tooMany = replies.stream().filter(f -> Integer.valueOf(429).equals(f.result().getInteger("failureCode"))).count();
    testContext.verify(() -> {
      assertThat(accepted).isBetween(20L, 25L);
      assertThat(accepted + tooMany).isEqualTo(60);
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("new participants from one address are capped per minute; other commands are not counted there")
  void joinsPerAddressAreCapped(Vertx vertx, VertxTestContext testContext) {
    String code = start(vertx, new JsonObject().put("joinsPerIpPerMinute", 5));
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      statuses.add(api.call(HttpMethod.POST, "/api/sessions/" + code + "/participants", null,
          new JsonObject().put("name", "P" + i)).await().statusCode());
    }
    JsonObject moderatorView = api.snapshot(code, null).await();
    testContext.verify(() -> {
      assertThat(statuses).containsExactly(201, 201, 201, 201, 201, 429, 429, 429);
      assertThat(moderatorView.getLong("seq")).isEqualTo(6L);
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("a socket flooding 1,000 messages a second does not raise other clients' p99 latency above twice normal")
  void floodDoesNotHurtOthers(Vertx vertx, VertxTestContext testContext) {
    String code = start(vertx, new JsonObject().put("rateCommandsPerSecond", 10).put("rateBurst", 20));
    List<Probe> probes = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String token = api.join(code, "Probe " + i).await().getString("token");
      probes.add(new Probe(socket(vertx), new Api(vertx, server.port()), token, code));
    }
    String flooderToken = api.join(code, "Flooder").await().getString("token");
    BridgeClient flooder = socket(vertx);

    measure(probes);
    List<String> trials = new ArrayList<>();
    boolean held = false;
    for (int trial = 0; trial < MAX_TRIALS && !held; trial++) {
      pause(vertx, 2_200);
      List<Long> normal = measure(probes);
      pause(vertx, 2_200);
      Flood flood = new Flood(vertx, flooder, code, flooderToken);
      pause(vertx, 300);
      List<Long> flooded = measure(probes);
      pause(vertx, 300);
      int sent = flood.stop();
      double rate = sent / flood.seconds();
      long normalP99 = p99(normal);
      long floodedP99 = p99(flooded);
      held = rate >= 900 && floodedP99 <= 2 * Math.max(normalP99, 2_000_000L);
      trials.add(String.format("%d messages at %d/s; p99 over %d round trips %d µs normal, %d µs under flood", sent,
          Math.round(rate), normal.size(), normalP99 / 1_000, floodedP99 / 1_000));
    }
    long refused = flooder.framesWithFailureCode(429);
    probes.forEach(p -> p.http().close());
    LOG.info("Flood trials ({} refused with 429 in all): {}", refused, trials);
    boolean flooderHeldBack = held;
    testContext.verify(() -> {
      assertThat(flooderHeldBack).as("p99 within 2x normal in one of %d paired trials: %s", MAX_TRIALS, trials)
          .isTrue();
      assertThat(refused).isGreaterThan(0);
    });
    testContext.completeNow();
  }

  private static void pause(Vertx vertx, long millis) {
    vertx.timer(millis).await();
  }

  /** All probes at once, each 20 bridge round trips then 20 snapshot reads in a row. */
  private static List<Long> measure(List<Probe> probes) {
    List<Future<List<Long>>> rounds = probes.stream().map(p -> p.round(20)).toList();
    Future.all(rounds).await();
    List<Long> all = new ArrayList<>();
    rounds.forEach(r -> all.addAll(r.result()));
    return all;
  }

  private static long p99(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
  }

  /**
   * A well-behaved client. Its bridge commands are refused by the domain-free decoder (an unknown
   * field) so that their latency is the server's, not the disk's fsync jitter.
   */
  private record Probe(BridgeClient socket, Api http, String token, String code) {
    Future<List<Long>> round(int commands) {
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
      for (int i = 0; i < commands; i++) {
        chain = chain.compose(v -> {
          long started = System.nanoTime();
          return http.snapshot(code, token).map(snapshot -> {
            latencies.add(System.nanoTime() - started);
            return null;
          });
        });
      }
      return chain.map(v -> latencies);
    }
  }

  /** Ten ask commands every 10 ms from one socket, replies unread. */
  private static final class Flood {
    private final Vertx vertx;
    private final long timer;
    private final long started = System.nanoTime();
    private long stopped;
    private int sent;

    Flood(Vertx vertx, BridgeClient socket, String code, String token) {
      this.vertx = vertx;
      String message = new JsonObject().put("type", "send").put("address", "openfloor.cmd")
          .put("replyAddress", "flood").put("headers", new JsonObject().put("authorization", "Bearer " + token))
          .put("body", new JsonObject().put("type", "ask").put("session", code).put("text", "Flood")).encode();
      this.timer = vertx.setPeriodic(10, t -> {
        long due = (System.nanoTime() - started) / 1_000_000;
        while (sent < due) {
          socket.sendRaw(message);
          sent++;
        }
      });
    }

    int stop() {
      vertx.cancelTimer(timer);
      stopped = System.nanoTime();
      return sent;
    }

    double seconds() {
      return (stopped - started) / 1e9;
    }
  }
}
