package org.openfloor.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.testing.Api;
import org.openfloor.testing.ServerProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import static org.openfloor.testing.Await.await;

/**
 * kill -9 cycles of a server JVM under a stream of writes. The suite runs
 * {@value #DEFAULT_CYCLES} cycles; {@code mvn test -Dtest=CrashCyclesTest -Dopenfloor.crashCycles=20} runs more.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Crash safety of the embedded log")
class CrashCyclesTest {
  private static final Logger LOG = LoggerFactory.getLogger(CrashCyclesTest.class);
  private static final int DEFAULT_CYCLES = 3;
  private static final int WRITERS = 5;
  private static final Map<String, String> HIGH_LIMITS = Map.of("OPENFLOOR_RATE_COMMANDS_PER_SECOND", "100000",
      "OPENFLOOR_RATE_BURST", "100000", "OPENFLOOR_JOINS_PER_IP_PER_MINUTE", "100000");

  @TempDir
  Path dataDir;

  @Test
  @Timeout(value = 5, timeUnit = TimeUnit.MINUTES)
  @DisplayName("after every kill -9 under a stream of writes, each acknowledged question is present exactly once")
  void killNineCycles(Vertx vertx, VertxTestContext testContext) throws Exception {
    int cycles = Integer.getInteger("openfloor.crashCycles", DEFAULT_CYCLES);
    Path serverLog = dataDir.resolve("server.log");
    ServerProcess server = ServerProcess.start(dataDir, serverLog, HIGH_LIMITS);
    Api api = new Api(vertx, server.port());
    JsonObject created = await(api.createSession("Crash cycles", "post"));
    String code = created.getString("code");
    String moderator = created.getString("moderatorToken");
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      tokens.add(await(api.join(code, "Writer " + i)).getString("token"));
    }
    api.close();

    Set<String> acked = ConcurrentHashMap.newKeySet();
    int attempted = 0;
    for (int cycle = 0; cycle < cycles; cycle++) {
      if (cycle > 0) {
        server = ServerProcess.start(dataDir, serverLog, HIGH_LIMITS);
      }
      attempted += streamUntilKilled(vertx, server, code, tokens, cycle, acked);
    }
    server = ServerProcess.start(dataDir, serverLog, HIGH_LIMITS);
    Api reader = new Api(vertx, server.port());
    JsonObject snapshot = await(reader.snapshot(code, moderator));
    reader.close();
    server.kill();

    Map<String, Long> counts = snapshot.getJsonArray("questions").stream().map(JsonObject.class::cast)
        .collect(Collectors.groupingBy(q -> q.getString("text"), Collectors.counting()));
    LOG.info("Crash cycles: {} kill -9, {} writes attempted, {} acked, {} stored, duplicates {}", cycles, attempted,
        acked.size(), counts.size(), counts.values().stream().filter(c -> c > 1).count());
    testContext.verify(() -> {
      assertThat(acked).hasSizeGreaterThanOrEqualTo(cycles * 10);
      assertThat(counts.keySet()).containsAll(acked);
      assertThat(counts.values()).allMatch(count -> count == 1);
    });
    testContext.completeNow();
  }

  /** Fires asks from every writer, kills the server once at least 10 are acked, returns how many were sent. */
  private static int streamUntilKilled(Vertx vertx, ServerProcess server, String code, List<String> tokens, int cycle,
                                       Set<String> acked) throws InterruptedException {
    Api api = new Api(vertx, server.port());
    List<Future<?>> inFlight = new ArrayList<>();
    int sent = 0;
    for (int i = 0; i < 60; i++) {
      String text = "cycle " + cycle + " write " + i;
      inFlight.add(api.ask(code, tokens.get(i % tokens.size()), text).onSuccess(answer -> {
        if (text.equals(answer.getString("text"))) {
          acked.add(text);
        }
      }));
      sent++;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (acked.stream().filter(t -> t.startsWith("cycle " + cycle + " ")).count() < 10 && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    server.kill();
    await(Future.join(inFlight).otherwiseEmpty());
    api.close();
    return sent;
  }
}
