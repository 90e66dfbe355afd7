package org.openfloor.log;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the {@link CommandLogContract} against SQLite, plus durability and batching checks. */
class SqliteCommandLogTest extends CommandLogContract {

  @TempDir
  Path dir;

  @Override
  protected Future<CommandLog> openLog(Vertx vertx) {
    return SqliteCommandLog.open(vertx, file()).map(opened -> opened);
  }

  private Path file() {
    return dir.resolve("nested").resolve("openfloor.db");
  }

  @Test
  @DisplayName("Reopening the same file keeps every entry and continues the numbering")
  void reopenContinues(Vertx vertx, VertxTestContext testContext) {
    appendInOrder("durable", List.of("d1", "d2", "d3"))
        .compose(v -> log.append("other", "o1"))
        .compose(v -> log.close())
        .compose(v -> SqliteCommandLog.open(vertx, file()))
        .compose(reopened -> {
          log = reopened;
          return log.append("durable", "d4");
        })
        .compose(d4 -> log.read("durable", 0, 100).map(all -> List.of(List.of(d4), all)))
        .onComplete(testContext.succeeding(result -> testContext.verify(() -> {
          LogEntry d4 = result.get(0).get(0);
          assertThat(d4.seq()).isEqualTo(4L);
          assertThat(result.get(1)).extracting(LogEntry::payload).containsExactly("d1", "d2", "d3", "d4");
          assertThat(result.get(1)).extracting(LogEntry::timestamp).isSorted();
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("Reopening after trimming a whole session continues its numbering")
  void reopenAfterTrimContinues(Vertx vertx, VertxTestContext testContext) {
    appendInOrder("trimmed", List.of("a", "b", "c"))
        .compose(v -> log.trim("trimmed", 3))
        .compose(v -> log.close())
        .compose(v -> SqliteCommandLog.open(vertx, file()))
        .compose(reopened -> {
          log = reopened;
          return log.append("trimmed", "d");
        })
        .onComplete(testContext.succeeding(next -> testContext.verify(() -> {
          assertThat(next.seq()).isEqualTo(4L);
          testContext.completeNow();
        })));
  }

  @Test
  @DisplayName("1,000 concurrent appends are committed in far fewer transactions")
  void appendsAreBatched(Vertx vertx, VertxTestContext testContext) {
    SqliteCommandLog sqlite = (SqliteCommandLog) log;
    long before = sqlite.batchesCommitted();
    vertx.runOnContext(v -> {
      List<Future<LogEntry>> appends = new ArrayList<>();
      for (int i = 0; i < 1_000; i++) {
        appends.add(log.append("batch-" + (i % 4), "p" + i));
      }
      Future.all(appends).onComplete(testContext.succeeding(all -> testContext.verify(() -> {
        assertThat(sqlite.batchesCommitted() - before).isBetween(1L, 100L);
        testContext.completeNow();
      })));
    });
  }

  @Test
  @DisplayName("A failing append fails its whole batch and leaves the numbering dense")
  void failedBatchLeavesNoTrace(Vertx vertx, VertxTestContext testContext) {
    vertx.runOnContext(v -> {
      List<Future<LogEntry>> appends = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        appends.add(log.append("fragile", i == 25 ? null : "p" + i));
      }
      Future.join(appends)
          .otherwise(err -> null)
          .compose(x -> log.append("fragile", "after"))
          .compose(after -> log.read("fragile", 0, 100).map(read -> {
            List<Object> result = new ArrayList<>();
            result.add(after);
            result.add(read);
            return result;
          }))
          .onComplete(testContext.succeeding(result -> testContext.verify(() -> {
            LogEntry after = (LogEntry) result.get(0);
            @SuppressWarnings("unchecked")
            List<LogEntry> read = (List<LogEntry>) result.get(1);
            long succeeded = appends.stream().filter(Future::succeeded).count();
            assertThat(appends.get(25).failed()).isTrue();
            assertThat(succeeded).isLessThan(50);
            assertThat(read).extracting(LogEntry::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, succeeded + 1).boxed().toList());
            assertThat(after.seq()).isEqualTo(succeeded + 1);
            testContext.completeNow();
          })));
    });
  }

  @Test
  @DisplayName("The file is in write-ahead-log mode")
  void fileUsesWal(VertxTestContext testContext) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
         Statement statement = connection.createStatement();
         ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
      mode.next();
      assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
    }
    testContext.completeNow();
  }

  @Test
  @DisplayName("Appends after close fail and the log is no longer ready")
  void appendAfterCloseFails(VertxTestContext testContext) {
    log.close()
        .compose(v -> log.ready())
        .compose(ready -> {
          testContext.verify(() -> assertThat(ready).isFalse());
          return log.append("late", "too late");
        })
        .onComplete(testContext.failing(err -> testContext.verify(() -> {
          assertThat(err).isInstanceOf(IllegalStateException.class);
          testContext.completeNow();
        })));
  }
}
