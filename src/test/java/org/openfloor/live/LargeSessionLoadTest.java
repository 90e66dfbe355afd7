package org.openfloor.live;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.log.CommandLog;
import org.openfloor.log.SqliteCommandLog;
import org.openfloor.testing.EventLoopLateness;
import org.openfloor.testing.EventLoopLateness.Lateness;
import org.openfloor.testing.LargeSessionLog;
import org.slf4j.LoggerFactory;
import static org.openfloor.testing.Await.await;

/**
 * The event loop that loads a large session stays free for everything else on it: between two runs
 * of a 5 ms timer the loop's thread never spends more than 200 ms of CPU. That is far above what a
 * slice of work on the loop takes here (handing over a page, a timer) and below what doing the work
 * there takes (building this session's snapshot on the loop takes about 0.5 s). CPU time rather
 * than wall time, because on a loaded 2-core box waiting for a CPU and garbage-collection pauses,
 * which stop every thread wherever the work runs, alone take up to 0.5 s; wall-clock lateness is
 * held to Vert.x's own blocked-thread limit (2 s), whose warnings must not appear either.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("A large session")
class LargeSessionLoadTest {
  private static final long MAX_BUSY_MS = 200;
  private static final long MAX_LATENESS_MS = VertxOptions.DEFAULT_MAX_EVENT_LOOP_EXECUTE_TIME_UNIT
      .toMillis(VertxOptions.DEFAULT_MAX_EVENT_LOOP_EXECUTE_TIME);
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(LargeSessionLoadTest.class);
  private static final String CODE = "HUGE23";
  private static final String BLOCKED_THREAD_LOGGER = "io.vertx.core.impl.BlockedThreadChecker";

  @TempDir
  Path dataDir;

  private final ListAppender<ILoggingEvent> blockedWarnings = new ListAppender<>();

  @AfterEach
  void stopWatching() {
    stopWatchingForBlockedThreadWarnings();
  }

  @Test
  @DisplayName("of 200,000 entries is loaded by replay, snapshotted and loaded again from its snapshot without "
      + "keeping its event loop busy for 200 ms at a stretch, and the snapshot equals the live state")
  void loadsAndSnapshotsOffTheEventLoop(Vertx vertx, VertxTestContext testContext) {
    Context context = vertx.getOrCreateContext();
    CommandLog log = await(on(context, () -> SqliteCommandLog.open(vertx, dataDir.resolve("large.db"))));
    LargeSessionLog large = new LargeSessionLog(log, CODE, 2_000, 100);
    long lastSeq = await(on(context, large::append));
    EventLoopLateness lateness = await(EventLoopLateness.start(vertx, context));
    watchForBlockedThreadWarnings();

    SessionRegistry replaying = new SessionRegistry(vertx, log, Fanout.NONE, LiveOptions.defaults());
    SessionHub replayed = await(on(context, () -> replaying.existing(CODE)));
    Lateness loadLateness = await(lateness.reset());
    CommandLog.Snapshot snapshot = awaitSnapshot(context, log, lastSeq);
    Lateness snapshotLateness = await(lateness.reset());
    SessionRegistry restoring = new SessionRegistry(vertx, log, Fanout.NONE, LiveOptions.defaults());
    SessionHub restored = await(on(context, () -> restoring.existing(CODE)));
    Lateness restoreLateness = await(lateness.reset());
    lateness.stop();
    stopWatchingForBlockedThreadWarnings();
    LOG.info("Event loop during replay: {}; during the snapshot: {}; during the load from it: {}", loadLateness,
        snapshotLateness, restoreLateness);

    String liveState = await(on(context, () -> Future.succeededFuture(replayed.snapshotState())));
    String restoredState = await(on(context, () -> Future.succeededFuture(restored.snapshotState())));
    testContext.verify(() -> {
      assertThat(replayed.appliedSeq()).isEqualTo(large.size());
      assertWithinBounds("replay", loadLateness);
      assertWithinBounds("the snapshot", snapshotLateness);
      assertWithinBounds("the load from the snapshot", restoreLateness);
      assertThat(blockedWarnings.list).isEmpty();
      assertThat(snapshot.state()).isEqualTo(liveState);
      assertThat(restoredState).isEqualTo(liveState);
    });
    context.runOnContext(v -> {
      replaying.closeAll();
      restoring.closeAll();
    });
    await(on(context, log::close));
    testContext.completeNow();
  }

  private static void assertWithinBounds(String phase, Lateness lateness) {
    assertThat(lateness.busyMillis()).as("during %s: %s", phase, lateness).isLessThan(MAX_BUSY_MS);
    assertThat(lateness.lateMillis()).as("during %s: %s", phase, lateness).isLessThan(MAX_LATENESS_MS);
  }

  private static CommandLog.Snapshot awaitSnapshot(Context context, CommandLog log, long seq) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Optional<CommandLog.Snapshot> snapshot = await(on(context, () -> log.latestSnapshot(CODE)));
      if (snapshot.isPresent() && snapshot.get().seq() == seq) {
        return snapshot.get();
      }
      sleep(50);
    }
    throw new AssertionError("no snapshot at seq " + seq + " within 30 s");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private void watchForBlockedThreadWarnings() {
    blockedWarnings.start();
    blockedThreadLogger().addAppender(blockedWarnings);
  }

  private void stopWatchingForBlockedThreadWarnings() {
    blockedThreadLogger().detachAppender(blockedWarnings);
  }

  private static Logger blockedThreadLogger() {
    return (Logger) LoggerFactory.getLogger(BLOCKED_THREAD_LOGGER);
  }

  private static <T> Future<T> on(Context context, Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }
}
