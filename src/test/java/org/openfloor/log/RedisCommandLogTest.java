package org.openfloor.log;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class RedisCommandLogTest {

  private static final Logger LOG = LoggerFactory.getLogger(RedisCommandLogTest.class);

  private static RedisLogOptions freshOptions(String url) {
    return RedisLogOptions.of(url).withKeyPrefix("test-" + UUID.randomUUID() + ":");
  }

  private static RedisLogOptions freshOptions() {
    return freshOptions(RedisTestServer.shared().url());
  }

  @Test
  @DisplayName("500 concurrent appends over 3 sessions get dense, ordered sequence numbers per session")
  void denseSequencesUnderConcurrency(Vertx vertx, VertxTestContext testContext) {
    List<String> sessions = List.of("a", "b", "c");
    RedisCommandLog.open(vertx, freshOptions()).compose(log -> {
      List<Future<LogEntry>> appends = IntStream.range(0, 500)
          .mapToObj(i -> log.append(sessions.get(i % 3), "payload-" + i + "-é"))
          .toList();
      return Future.all(appends)
          .compose(all -> Future.all(sessions.stream().map(s -> log.read(s, 0, 1000)).toList()))
          .map(reads -> {
            testContext.verify(() -> {
              for (int s = 0; s < sessions.size(); s++) {
                String session = sessions.get(s);
                List<LogEntry> acked = appends.stream().map(Future::result)
                    .filter(e -> e.session().equals(session)).toList();
                List<LogEntry> read = reads.resultAt(s);
                assertThat(acked).extracting(LogEntry::seq).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(range(1, acked.size()));
                assertThat(read).containsExactlyInAnyOrderElementsOf(acked);
                assertThat(read).extracting(LogEntry::seq).isSorted();
                assertThat(read).extracting(LogEntry::timestamp).isSorted();
              }
            });
            return log;
          })
          .compose(RedisCommandLog::close);
    }).onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("Two nodes appending to one session get distinct dense seqs and their followers see the same sequence")
  void twoNodesAgreeOnOrder(Vertx vertx, VertxTestContext testContext) {
    RedisLogOptions options = freshOptions();
    List<LogEntry> seenByA = new CopyOnWriteArrayList<>();
    List<LogEntry> seenByB = new CopyOnWriteArrayList<>();
    Future.all(RedisCommandLog.open(vertx, options), RedisCommandLog.open(vertx, options))
        .compose(opened -> {
          RedisCommandLog nodeA = opened.resultAt(0);
          RedisCommandLog nodeB = opened.resultAt(1);
          nodeA.follow("room", 0, seenByA::add);
          nodeB.follow("room", 0, seenByB::add);
          List<Future<LogEntry>> appends = new ArrayList<>();
          for (int i = 0; i < 100; i++) {
            appends.add(nodeA.append("room", "A" + i));
            appends.add(nodeB.append("room", "B" + i));
          }
          return Future.all(appends)
              .compose(all -> eventually(vertx, () -> seenByA.size() >= 200 && seenByB.size() >= 200))
              .compose(v -> nodeA.read("room", 0, 1000))
              .map(read -> {
                testContext.verify(() -> {
                  assertThat(appends).extracting(f -> f.result().seq())
                      .containsExactlyInAnyOrderElementsOf(range(1, 200));
                  assertThat(seenByA).extracting(LogEntry::seq).containsExactlyElementsOf(range(1, 200));
                  assertThat(seenByA).containsExactlyElementsOf(seenByB);
                  assertThat(seenByA).containsExactlyElementsOf(read);
                });
                return null;
              })
              .compose(v -> Future.all(nodeA.close(), nodeB.close()));
        })
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("One log follows many sessions at once, each from its own position, on the follower's context")
  void followsManySessions(Vertx vertx, VertxTestContext testContext) {
    int sessionCount = 40;
    List<String> sessions = IntStream.range(0, sessionCount).mapToObj(i -> "s" + i).toList();
    Map<String, List<LogEntry>> seen = new ConcurrentHashMap<>();
    List<LogEntry> fromStart = new CopyOnWriteArrayList<>();
    AtomicBoolean wrongContext = new AtomicBoolean();
    Context followerContext = vertx.getOrCreateContext();
    RedisCommandLog.open(vertx, freshOptions()).compose(log -> appendEach(log, sessions, 3)
        .compose(v -> {
          Promise<Void> followed = Promise.promise();
          followerContext.runOnContext(x -> {
            for (String session : sessions) {
              List<LogEntry> list = new CopyOnWriteArrayList<>();
              seen.put(session, list);
              log.follow(session, 1, entry -> {
                wrongContext.compareAndSet(false, Vertx.currentContext() != followerContext);
                list.add(entry);
              });
            }
            log.follow(sessions.get(0), 0, fromStart::add);
            followed.complete();
          });
          return followed.future();
        })
        .compose(v -> appendEach(log, sessions, 5))
        .compose(v -> eventually(vertx, () -> fromStart.size() >= 8
            && seen.values().stream().allMatch(list -> list.size() >= 7)))
        .map(v -> {
          testContext.verify(() -> {
            assertThat(wrongContext).isFalse();
            assertThat(fromStart).extracting(LogEntry::seq).containsExactlyElementsOf(range(1, 8));
            seen.forEach((session, list) -> {
              assertThat(list).extracting(LogEntry::seq).containsExactlyElementsOf(range(2, 8));
              assertThat(list).allMatch(e -> e.session().equals(session));
            });
          });
          return log;
        })
        .compose(RedisCommandLog::close))
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("A follower catches up on a backlog of several pages while appends continue, without gaps or repeats")
  void catchesUpLongBacklog(Vertx vertx, VertxTestContext testContext) {
    List<LogEntry> seen = new CopyOnWriteArrayList<>();
    RedisCommandLog.open(vertx, freshOptions()).compose(log -> appendEach(log, List.of("big"), 1200)
        .compose(v -> {
          log.follow("big", 0, seen::add);
          return appendEach(log, List.of("big"), 100);
        })
        .compose(v -> eventually(vertx, () -> seen.size() >= 1300))
        .map(v -> {
          testContext.verify(() ->
              assertThat(seen).extracting(LogEntry::seq).containsExactlyElementsOf(range(1, 1300)));
          return log;
        })
        .compose(RedisCommandLog::close))
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("Followers that join while entries are being appended get every entry, including the last one")
  void followersJoiningDuringAppendsMissNothing(Vertx vertx, VertxTestContext testContext) {
    List<String> sessions = IntStream.range(0, 20).mapToObj(i -> "j" + i).toList();
    List<List<LogEntry>> followers = new CopyOnWriteArrayList<>();
    RedisCommandLog.open(vertx, freshOptions()).compose(log -> {
      Future<Void> rounds = Future.succeededFuture();
      for (int round = 0; round < 5; round++) {
        rounds = rounds.compose(v -> {
          List<Future<LogEntry>> appends = new ArrayList<>();
          for (String session : sessions) {
            List<LogEntry> seen = new CopyOnWriteArrayList<>();
            followers.add(seen);
            log.follow(session, 0, seen::add);
            appends.add(log.append(session, "x"));
          }
          return Future.all(appends).mapEmpty();
        });
      }
      return rounds
          .compose(v -> eventually(vertx, () -> followers.stream().allMatch(list -> list.size() >= 5)))
          .map(v -> {
            testContext.verify(() -> assertThat(followers).allSatisfy(list ->
                assertThat(list).extracting(LogEntry::seq).containsExactlyElementsOf(range(1, 5))));
            return log;
          })
          .compose(RedisCommandLog::close);
    }).onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("Opening a log fails promptly when nothing answers at the Redis address")
  void openFailsWithoutRedis(Vertx vertx, VertxTestContext testContext) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    long start = System.nanoTime();
    RedisCommandLog.open(vertx, freshOptions("redis://127.0.0.1:" + port + "/0"))
        .onComplete(testContext.failing(err -> testContext.verify(() -> {
          assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_500);
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("A closed subscription receives nothing more")
  void closedSubscriptionStops(Vertx vertx, VertxTestContext testContext) {
    List<LogEntry> seen = new CopyOnWriteArrayList<>();
    RedisCommandLog.open(vertx, freshOptions()).compose(log -> {
      LogSubscription subscription = log.follow("x", 0, seen::add);
      return log.append("x", "one")
          .compose(v -> eventually(vertx, () -> seen.size() == 1))
          .compose(v -> {
            subscription.close();
            return log.append("x", "two");
          })
          .compose(v -> delay(vertx, 300))
          .map(v -> {
            testContext.verify(() -> assertThat(seen).extracting(LogEntry::payload).containsExactly("one"));
            return log;
          })
          .compose(RedisCommandLog::close);
    }).onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("A snapshot and a trim keep the numbering dense and the rest of the log readable")
  void snapshotAndTrim(Vertx vertx, VertxTestContext testContext) {
    List<LogEntry> seen = new CopyOnWriteArrayList<>();
    RedisCommandLog.open(vertx, freshOptions()).compose(log -> log.latestSnapshot("t")
        .compose(none -> {
          testContext.verify(() -> assertThat(none).isEmpty());
          return appendEach(log, List.of("t"), 10);
        })
        .compose(v -> log.saveSnapshot("t", 6, "{\"state\":6}"))
        .compose(v -> log.trim("t", 6))
        .compose(v -> log.append("t", "eleven"))
        .compose(eleven -> {
          testContext.verify(() -> assertThat(eleven.seq()).isEqualTo(11));
          log.follow("t", 6, seen::add);
          return Future.all(log.read("t", 0, 100), log.latestSnapshot("t"));
        })
        .compose(results -> {
          List<LogEntry> read = results.resultAt(0);
          Optional<CommandLog.Snapshot> snapshot = results.resultAt(1);
          testContext.verify(() -> {
            assertThat(read).extracting(LogEntry::seq).containsExactlyElementsOf(range(7, 11));
            assertThat(snapshot).contains(new CommandLog.Snapshot("t", 6, "{\"state\":6}"));
          });
          return eventually(vertx, () -> seen.size() >= 5);
        })
        .map(v -> {
          testContext.verify(() ->
              assertThat(seen).extracting(LogEntry::seq).containsExactlyElementsOf(range(7, 11)));
          return log;
        })
        .compose(RedisCommandLog::close))
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
  @DisplayName("Redis killed -9 and restarted mid-stream: acked appends survive once, appends while down fail fast, followers resume")
  void survivesRedisKill(Vertx vertx, VertxTestContext testContext) {
    RedisTestServer server = RedisTestServer.startDurable();
    KillScenario scenario = new KillScenario(vertx, server);
    RedisCommandLog.open(vertx, freshOptions(server.url()))
        .compose(scenario::run)
        .onComplete(testContext.succeeding(log -> testContext.verify(() -> {
          scenario.verify();
          testContext.completeNow();
        })))
        .onComplete(done -> server.stop());
  }

  @Test
  @DisplayName("With a WAIT policy an append fails when too few replicas acknowledge it in time, even after a script cache flush")
  void waitPolicyFailsWithoutReplicas(Vertx vertx, VertxTestContext testContext) {
    RedisLogOptions options = freshOptions().withWait(1, 50);
    RedisCommandLog.open(vertx, options).compose(log -> log.send(Request.cmd(Command.SCRIPT).arg("FLUSH"))
        .compose(flushed -> log.append("w", "needs a replica"))
        .transform(result -> {
          testContext.verify(() -> {
            assertThat(result.failed()).isTrue();
            assertThat(result.cause()).hasMessageContaining("0 of 1 replicas");
          });
          return log.close();
        }))
        .onComplete(testContext.succeedingThenComplete());
  }

  /** Appends every 5 ms while Redis is killed and restarted, and records what happened. */
  private static final class KillScenario {
    private final Vertx vertx;
    private final RedisTestServer server;
    private final List<String> ackedPayloads = new CopyOnWriteArrayList<>();
    private final List<Long> failedWhileDownMillis = new CopyOnWriteArrayList<>();
    private final List<String> succeededWhileDown = new CopyOnWriteArrayList<>();
    private final List<LogEntry> followed = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger ackedAfterRestart = new AtomicInteger();
    private volatile String phase = "up";
    private volatile boolean readyWhileDown = true;
    private List<LogEntry> finalLog = List.of();

    KillScenario(Vertx vertx, RedisTestServer server) {
      this.vertx = vertx;
      this.server = server;
    }

    Future<RedisCommandLog> run(RedisCommandLog log) {
      log.follow("s", 0, followed::add);
      long timer = vertx.setPeriodic(5, id -> appendOne(log));
      return delay(vertx, 400)
          .compose(v -> vertx.executeBlocking(() -> {
            server.kill();
            phase = "down";
            return null;
          }))
          .compose(v -> delay(vertx, 300))
          .compose(v -> log.ready())
          .compose(ready -> {
            readyWhileDown = ready;
            return delay(vertx, 300);
          })
          .compose(v -> vertx.executeBlocking(() -> {
            phase = "restarting";
            server.restart();
            phase = "restarted";
            return null;
          }))
          .compose(v -> eventually(vertx, () -> ackedAfterRestart.get() >= 50))
          .compose(v -> {
            vertx.cancelTimer(timer);
            return eventually(vertx, () -> completed.get() == issued.get());
          })
          .compose(v -> log.read("s", 0, 100_000))
          .compose(read -> {
            finalLog = read;
            return eventually(vertx, () -> followed.size() >= read.size());
          })
          .compose(v -> log.ready())
          .compose(ready -> {
            if (!ready) {
              return Future.failedFuture("log not ready after restart");
            }
            return log.close().map(log);
          });
    }

    private void appendOne(RedisCommandLog log) {
      String payload = "p" + issued.incrementAndGet();
      String phaseAtSend = phase;
      long start = System.nanoTime();
      log.append("s", payload).onComplete(ar -> {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (ar.succeeded()) {
          ackedPayloads.add(payload);
          if ("restarted".equals(phaseAtSend)) {
            ackedAfterRestart.incrementAndGet();
          }
          if ("down".equals(phaseAtSend)) {
            succeededWhileDown.add(payload);
          }
        } else if ("down".equals(phaseAtSend)) {
          failedWhileDownMillis.add(millis);
        }
        completed.incrementAndGet();
      });
    }

    void verify() {
      LOG.info("Kill scenario: {} issued, {} acked, {} failed while down (max {} ms), {} in log",
          issued.get(), ackedPayloads.size(), failedWhileDownMillis.size(),
          failedWhileDownMillis.stream().mapToLong(Long::longValue).max().orElse(-1), finalLog.size());
      Map<String, Long> occurrences = finalLog.stream()
          .collect(Collectors.groupingBy(LogEntry::payload, Collectors.counting()));
      assertThat(ackedPayloads).isNotEmpty();
      assertThat(ackedPayloads).allSatisfy(p -> assertThat(occurrences.get(p)).as(p).isEqualTo(1L));
      assertThat(occurrences.values()).allMatch(count -> count == 1L);
      assertThat(finalLog).extracting(LogEntry::seq).containsExactlyElementsOf(range(1, finalLog.size()));
      assertThat(succeededWhileDown).isEmpty();
      assertThat(failedWhileDownMillis).isNotEmpty().allMatch(ms -> ms < 2_500);
      assertThat(readyWhileDown).isFalse();
      assertThat(followed).containsExactlyElementsOf(finalLog);
    }
  }

  private static Future<Void> appendEach(CommandLog log, List<String> sessions, int perSession) {
    List<Future<LogEntry>> appends = new ArrayList<>();
    for (int i = 0; i < perSession; i++) {
      for (String session : sessions) {
        appends.add(log.append(session, session + "-" + i));
      }
    }
    return Future.all(appends).mapEmpty();
  }

  private static List<Long> range(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }

  private static Future<Void> delay(Vertx vertx, long ms) {
    Promise<Void> promise = Promise.promise();
    vertx.setTimer(ms, id -> promise.complete());
    return promise.future();
  }

  private static Future<Void> eventually(Vertx vertx, BooleanSupplier condition) {
    Promise<Void> promise = Promise.promise();
    long deadline = System.currentTimeMillis() + 10_000;
    vertx.setPeriodic(10, id -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(id);
        promise.tryComplete();
      } else if (System.currentTimeMillis() > deadline) {
        vertx.cancelTimer(id);
        promise.tryFail("condition not met within 10 s");
      }
    });
    return promise.future();
  }
}
