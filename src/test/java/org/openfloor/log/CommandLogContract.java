package org.openfloor.log;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The behaviour every {@link CommandLog} implementation must show; subclasses supply a fresh log. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
public abstract class CommandLogContract {

  protected CommandLog log;

  /** Opens a fresh, empty log. */
  protected abstract Future<CommandLog> openLog(Vertx vertx);

  @BeforeEach
  void openFreshLog(Vertx vertx, VertxTestContext testContext) {
    openLog(vertx).onComplete(testContext.succeeding(opened -> {
      log = opened;
      testContext.completeNow();
    }));
  }

  @AfterEach
  void closeLog(VertxTestContext testContext) {
    if (log == null) {
      testContext.completeNow();
      return;
    }
    log.close().onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("Sequence numbers start at 1 and are dense, independently per session")
  void denseSequencePerSession(VertxTestContext testContext) {
    appendInOrder("alpha", List.of("a1", "a2", "a3"))
        .compose(alpha -> log.append("beta", "b1").map(beta -> List.of(alpha, List.of(beta))))
        .compose(both -> log.append("alpha", "a4").map(a4 -> {
          List<List<LogEntry>> all = new ArrayList<>(both);
          all.add(List.of(a4));
          return all;
        }))
        .onComplete(testContext.succeeding(all -> testContext.verify(() -> {
          assertThat(all.get(0)).extracting(LogEntry::seq).containsExactly(1L, 2L, 3L);
          assertThat(all.get(0)).extracting(LogEntry::session).containsOnly("alpha");
          assertThat(all.get(1)).extracting(LogEntry::seq).containsExactly(1L);
          assertThat(all.get(1).get(0).session()).isEqualTo("beta");
          assertThat(all.get(2).get(0).seq()).isEqualTo(4L);
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("Timestamps are assigned by the log and never decrease within a session")
  void timestampsNeverDecrease(VertxTestContext testContext) {
    long before = System.currentTimeMillis();
    List<String> payloads = LongStream.rangeClosed(1, 30).mapToObj(i -> "p" + i).toList();
    appendInOrder("clock", payloads)
        .compose(appended -> log.read("clock", 0, 100).map(read -> List.of(appended, read)))
        .onComplete(testContext.succeeding(both -> testContext.verify(() -> {
          for (List<LogEntry> entries : both) {
            List<Long> timestamps = entries.stream().map(LogEntry::timestamp).toList();
            assertThat(timestamps).isSorted();
            assertThat(timestamps.get(0)).isGreaterThanOrEqualTo(before);
            assertThat(timestamps.get(timestamps.size() - 1)).isLessThanOrEqualTo(System.currentTimeMillis());
          }
          assertThat(both.get(1)).isEqualTo(both.get(0));
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("Payloads come back exactly as appended, including unicode, quotes and newlines")
  void payloadsRoundTrip(VertxTestContext testContext) {
    List<String> payloads = List.of(
        "{\"type\":\"ask\",\"text\":\"Why \\\"now\\\"?\"}",
        "line one\nline two\r\n\ttabbed",
        "Ünïcödé — 日本語 — العربية — 🎤🙋‍♀️",
        "it's 'single' and \"double\" and back\\slash",
        " leading and trailing spaces ");
    appendInOrder("payloads", payloads)
        .compose(appended -> log.read("payloads", 0, 100))
        .onComplete(testContext.succeeding(read -> testContext.verify(() -> {
          assertThat(read).extracting(LogEntry::payload).containsExactlyElementsOf(payloads);
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("read returns at most limit entries after the given sequence number, in order")
  void readPages(VertxTestContext testContext) {
    List<String> payloads = LongStream.rangeClosed(1, 10).mapToObj(i -> "e" + i).toList();
    appendInOrder("pages", payloads)
        .compose(v -> log.read("pages", 0, 4))
        .compose(first -> log.read("pages", 4, 4).map(second -> List.of(first, second)))
        .compose(two -> log.read("pages", 8, 4).map(third -> List.of(two.get(0), two.get(1), third)))
        .compose(three -> log.read("pages", 10, 4).map(fourth -> List.of(three.get(0), three.get(1), three.get(2), fourth)))
        .compose(four -> log.read("other-session", 0, 4).map(other -> List.of(four.get(0), four.get(1), four.get(2), four.get(3), other)))
        .onComplete(testContext.succeeding(pages -> testContext.verify(() -> {
          assertThat(pages.get(0)).extracting(LogEntry::seq).containsExactly(1L, 2L, 3L, 4L);
          assertThat(pages.get(1)).extracting(LogEntry::seq).containsExactly(5L, 6L, 7L, 8L);
          assertThat(pages.get(2)).extracting(LogEntry::seq).containsExactly(9L, 10L);
          assertThat(pages.get(2)).extracting(LogEntry::payload).containsExactly("e9", "e10");
          assertThat(pages.get(3)).isEmpty();
          assertThat(pages.get(4)).isEmpty();
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("500 appends fired at once over 3 sessions get distinct dense sequence numbers and read back in order")
  void concurrentAppends(Vertx vertx, VertxTestContext testContext) {
    List<String> sessions = List.of("c1", "c2", "c3");
    vertx.runOnContext(v -> {
      List<Future<LogEntry>> appends = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        appends.add(log.append(sessions.get(i % 3), "payload-" + i));
      }
      Future.all(appends)
          .compose(all -> readAll(sessions).map(read -> Map.entry(appendedBySession(appends), read)))
          .onComplete(testContext.succeeding(result -> testContext.verify(() -> {
            Map<String, List<LogEntry>> appended = result.getKey();
            Map<String, List<LogEntry>> read = result.getValue();
            for (String session : sessions) {
              int expected = session.equals("c1") || session.equals("c2") ? 167 : 166;
              List<Long> seqs = appended.get(session).stream().map(LogEntry::seq).sorted().toList();
              assertThat(seqs).containsExactlyElementsOf(denseSeqs(expected));
              assertThat(read.get(session)).extracting(LogEntry::seq).containsExactlyElementsOf(denseSeqs(expected));
              assertThat(read.get(session)).containsExactlyInAnyOrderElementsOf(appended.get(session));
            }
            testContext.completeNow();
          })));
    });
  }

  @Test
  @DisplayName("follow delivers the backlog then live entries in order, without gaps or repeats, while appends race")
  void followWhileAppending(Vertx vertx, VertxTestContext testContext) {
    int backlog = 60;
    int live = 240;
    int total = backlog + live;
    List<LogEntry> fromStart = new ArrayList<>();
    List<LogEntry> fromMiddle = new ArrayList<>();
    appendInOrder("race", LongStream.rangeClosed(1, backlog).mapToObj(i -> "old" + i).toList())
        .onComplete(testContext.succeeding(v -> vertx.runOnContext(x -> {
          List<Future<LogEntry>> appends = new ArrayList<>();
          for (int i = 0; i < live / 2; i++) {
            appends.add(log.append("race", "new" + i));
          }
          log.follow("race", 0, fromStart::add);
          log.follow("race", 25, fromMiddle::add);
          for (int i = live / 2; i < live; i++) {
            appends.add(log.append("race", "new" + i));
          }
          Future.all(appends).onComplete(testContext.succeeding(all ->
              awaitSize(vertx, fromStart, total)
                  .compose(y -> awaitSize(vertx, fromMiddle, total - 25))
                  .compose(y -> log.append("race", "sentinel"))
                  .compose(y -> awaitSize(vertx, fromStart, total + 1))
                  .onComplete(testContext.succeeding(y -> testContext.verify(() -> {
                    assertThat(fromStart).extracting(LogEntry::seq).containsExactlyElementsOf(denseSeqs(total + 1));
                    assertThat(fromMiddle).extracting(LogEntry::seq)
                        .containsExactlyElementsOf(LongStream.rangeClosed(26, total + 1).boxed().toList());
                    assertThat(fromStart.get(0).payload()).isEqualTo("old1");
                    assertThat(fromStart.get(total).payload()).isEqualTo("sentinel");
                    testContext.completeNow();
                  })))));
        })));
  }

  @Test
  @DisplayName("Append futures and follow handlers complete on the caller's event-loop context")
  void callbacksRunOnCallerContext(Vertx vertx, VertxTestContext testContext) {
    Context caller = vertx.getOrCreateContext();
    caller.runOnContext(v -> {
      List<Context> followContexts = new ArrayList<>();
      log.follow("ctx", 0, entry -> followContexts.add(Vertx.currentContext()));
      log.append("ctx", "one")
          .compose(entry -> {
            testContext.verify(() -> {
              assertThat(Vertx.currentContext()).isSameAs(caller);
              assertThat(Context.isOnEventLoopThread()).isTrue();
            });
            return log.read("ctx", 0, 10);
          })
          .compose(read -> {
            testContext.verify(() -> assertThat(Vertx.currentContext()).isSameAs(caller));
            return awaitSize(vertx, followContexts, 1);
          })
          .onComplete(testContext.succeeding(x -> testContext.verify(() -> {
            assertThat(followContexts).containsExactly(caller);
            testContext.completeNow();
          })));
    });
  }

  @Test
  @DisplayName("Closing a subscription stops delivery to it")
  void closedSubscriptionStopsDelivery(Vertx vertx, VertxTestContext testContext) {
    vertx.runOnContext(v -> {
      List<LogEntry> closedOne = new ArrayList<>();
      List<LogEntry> sentinel = new ArrayList<>();
      LogSubscription subscription = log.follow("stop", 0, closedOne::add);
      log.append("stop", "first")
          .compose(e -> awaitSize(vertx, closedOne, 1))
          .compose(x -> {
            subscription.close();
            log.follow("stop", 0, sentinel::add);
            return appendInOrder("stop", List.of("second", "third"));
          })
          .compose(x -> awaitSize(vertx, sentinel, 3))
          .onComplete(testContext.succeeding(x -> testContext.verify(() -> {
            assertThat(closedOne).extracting(LogEntry::payload).containsExactly("first");
            assertThat(sentinel).extracting(LogEntry::payload).containsExactly("first", "second", "third");
            testContext.completeNow();
          })));
    });
  }

  @Test
  @DisplayName("A saved snapshot is returned as the latest and replaced by a newer one")
  void snapshots(VertxTestContext testContext) {
    log.latestSnapshot("snap")
        .compose(none -> {
          testContext.verify(() -> assertThat(none).isEmpty());
          return log.saveSnapshot("snap", 5, "{\"state\":\"five\"}");
        })
        .compose(v -> log.latestSnapshot("snap"))
        .compose(first -> {
          testContext.verify(() -> assertThat(first).contains(new CommandLog.Snapshot("snap", 5, "{\"state\":\"five\"}")));
          return log.saveSnapshot("snap", 9, "{\"state\":\"nine — ✓\"}");
        })
        .compose(v -> log.latestSnapshot("snap"))
        .compose(second -> {
          testContext.verify(() -> assertThat(second).contains(new CommandLog.Snapshot("snap", 9, "{\"state\":\"nine — ✓\"}")));
          return log.latestSnapshot("other");
        })
        .onComplete(testContext.succeeding(other -> testContext.verify(() -> {
          assertThat(other).isEmpty();
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("After trimming, reads start after the trimmed sequence number and new appends continue the numbering")
  void trimKeepsNumbering(VertxTestContext testContext) {
    appendInOrder("trim", LongStream.rangeClosed(1, 10).mapToObj(i -> "t" + i).toList())
        .compose(v -> log.saveSnapshot("trim", 6, "state@6"))
        .compose(v -> log.trim("trim", 6))
        .compose(v -> log.read("trim", 0, 100))
        .compose(afterTrim -> log.append("trim", "t11").map(next -> Map.entry(afterTrim, next)))
        .compose(result -> log.read("trim", 0, 100).map(all -> List.of(result.getKey(), List.of(result.getValue()), all)))
        .onComplete(testContext.succeeding(result -> testContext.verify(() -> {
          assertThat(result.get(0)).extracting(LogEntry::seq).containsExactly(7L, 8L, 9L, 10L);
          assertThat(result.get(1).get(0).seq()).isEqualTo(11L);
          assertThat(result.get(2)).extracting(LogEntry::seq).containsExactly(7L, 8L, 9L, 10L, 11L);
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("Trimming a whole session does not restart its numbering")
  void trimEverythingKeepsNumbering(VertxTestContext testContext) {
    appendInOrder("trim-all", List.of("x1", "x2", "x3"))
        .compose(v -> log.trim("trim-all", 3))
        .compose(v -> log.append("trim-all", "x4"))
        .onComplete(testContext.succeeding(next -> testContext.verify(() -> {
          assertThat(next.seq()).isEqualTo(4L);
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("Deleting a session removes its entries, snapshot and numbering, and leaves the others alone")
  void deleteRemovesOneSession(VertxTestContext testContext) {
    appendInOrder("doomed", List.of("d1", "d2", "d3"))
        .compose(v -> log.saveSnapshot("doomed", 2, "state@2"))
        .compose(v -> appendInOrder("kept", List.of("k1")))
        .compose(v -> log.sessions())
        .compose(before -> log.delete("doomed").map(before))
        .compose(before -> log.read("doomed", 0, 100).map(read -> List.of(before, read)))
        .compose(results -> log.latestSnapshot("doomed").map(snapshot -> {
          testContext.verify(() -> assertThat(snapshot).isEmpty());
          return results;
        }))
        .compose(results -> log.sessions().map(after -> List.of(results.get(0), results.get(1), after)))
        .compose(results -> log.append("doomed", "again").map(again -> Map.entry(results, again)))
        .compose(result -> log.read("kept", 0, 100).map(kept -> List.of(result.getKey(), result.getValue(), kept)))
        .onComplete(testContext.succeeding(all -> testContext.verify(() -> {
          @SuppressWarnings("unchecked")
          List<List<Object>> lists = (List<List<Object>>) all.get(0);
          assertThat(lists.get(0)).containsExactlyInAnyOrder((Object) "doomed", "kept");
          assertThat(lists.get(1)).isEmpty();
          assertThat(lists.get(2)).containsExactly((Object) "kept");
          assertThat(((LogEntry) all.get(1)).seq()).isEqualTo(1L);
          @SuppressWarnings("unchecked")
          List<LogEntry> kept = (List<LogEntry>) all.get(2);
          assertThat(kept).extracting(LogEntry::payload).containsExactly("k1");
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("An open log reports itself ready")
  void readiness(VertxTestContext testContext) {
    log.ready().onComplete(testContext.succeeding(ready -> testContext.verify(() -> {
      assertThat(ready).isTrue();
      testContext.completeNow();
    })));
  }

  /** Appends the payloads one after the other, each once the previous one is acknowledged. */
  protected Future<List<LogEntry>> appendInOrder(String session, List<String> payloads) {
    List<LogEntry> appended = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (String payload : payloads) {
      chain = chain.compose(v -> log.append(session, payload)).map(entry -> {
        appended.add(entry);
        return null;
      });
    }
    return chain.map(v -> appended);
  }

  /** Completes once {@code list} holds at least {@code size} elements, polling on the caller's context. */
  protected static Future<Void> awaitSize(Vertx vertx, List<?> list, int size) {
    if (list.size() >= size) {
      return Future.succeededFuture();
    }
    return vertx.timer(5).compose(v -> awaitSize(vertx, list, size));
  }

  protected static List<Long> denseSeqs(int count) {
    return LongStream.rangeClosed(1, count).boxed().toList();
  }

  private Future<Map<String, List<LogEntry>>> readAll(List<String> sessions) {
    Map<String, List<LogEntry>> read = new HashMap<>();
    Future<Void> chain = Future.succeededFuture();
    for (String session : sessions) {
      chain = chain.compose(v -> log.read(session, 0, 1_000)).map(entries -> {
        read.put(session, entries);
        return null;
      });
    }
    return chain.map(v -> read);
  }

  private static Map<String, List<LogEntry>> appendedBySession(List<Future<LogEntry>> appends) {
    return appends.stream().map(Future::result).collect(Collectors.groupingBy(LogEntry::session));
  }
}
