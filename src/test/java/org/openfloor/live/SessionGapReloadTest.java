package org.openfloor.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openfloor.domain.Command;
import org.openfloor.domain.Moderation;
import org.openfloor.log.CommandLog;
import org.openfloor.log.LogEntry;
import org.openfloor.log.RedisCommandLog;
import org.openfloor.log.RedisLogOptions;
import org.openfloor.log.RedisTestServer;
import static org.openfloor.testing.Await.await;
import org.openfloor.edge.Tokens;
import org.openfloor.live.wire.Addresses;
import org.openfloor.live.wire.Answer;

/**
 * Node A writes; node B (its own Vert.x instance and Redis log) follows the same session. B's event loop is
 * held up while A asks on, stores two snapshots and trims the log up to the first, as
 * {@code trimAfterSnapshot} does: when B gets going again, the entries it had not applied are gone.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("A node whose log was trimmed past what it had applied")
class SessionGapReloadTest {
  private static final LiveOptions NO_SNAPSHOTS = LiveOptions.defaults().withSnapshots(0, false);
  private static final String ALICE = Tokens.hash("alice");
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @Test
  @DisplayName("reloads the session from the latest snapshot and the log after it, ends with the state a fresh "
      + "load gives, tells its clients to resync, and applies new entries on top")
  void reloadsAfterGap(Vertx vertx, VertxTestContext testContext) {
    RedisLogOptions options = RedisLogOptions.of(RedisTestServer.shared().url())
        .withKeyPrefix("gap-" + UUID.randomUUID() + ":");
    Vertx vertxB = Vertx.vertx();
    try {
      Node a = Node.open(vertx, options, Fanout.NONE);
      List<JsonObject> pushedOnB = new CopyOnWriteArrayList<>();
      Node b = Node.open(vertxB, options, (address, frame) -> pushedOnB.add(new JsonObject(frame).getJsonObject("body").put("to", address)));

      String code = await(a.on(() -> a.registry.create(new Command.CreateSession("Gap", Tokens.hash("moderator"),
          Moderation.POST)).map(SessionRegistry.Created::code)));
      a.submit(code, new Command.Join(ALICE, Optional.of("Alice"), Optional.empty(), Optional.empty(),
          Optional.empty()));
      askSeveral(a, code, "Before", 3);
      long applied = a.appliedSeq(code);
      await(b.on(() -> b.registry.existing(code)));
      waitUntil(() -> b.appliedSeq(code) == applied);

      CountDownLatch release = b.holdEventLoop();
      long firstSnapshot = askThenSnapshot(a, code, "Behind B's back", 5);
      askThenSnapshot(a, code, "Past the first snapshot", 5);
      await(a.on(() -> a.log.trim(code, firstSnapshot)));
      askSeveral(a, code, "After the trim", 3);
      List<LogEntry> oldest = await(a.on(() -> a.log.read(code, 0, 1)));
      release.countDown();

      long lastSeq = a.appliedSeq(code);
      waitUntil(() -> b.appliedSeq(code) == lastSeq);
      String onB = b.state(code);
      Node reloadedElsewhere = Node.open(vertx, options, Fanout.NONE);
      String fresh = reloadedElsewhere.state(code);
      reloadedElsewhere.close();
      JsonObject resumeFromBehind = await(b.on(() -> b.registry.existing(code).map(hub -> hub.eventsAfter(applied, null))));
      Answer afterReload = b.submit(code, new Command.Ask("Asked on B after the reload", false, Optional.empty()));
      waitUntil(() -> a.appliedSeq(code) == afterReload.seq() && b.appliedSeq(code) == afterReload.seq());
      String onBAfterReload = b.state(code);
      String onAAfterReload = a.state(code);
      a.close();
      b.close();

      testContext.verify(() -> {
        assertThat(oldest.get(0).seq()).isEqualTo(firstSnapshot + 1);
        assertThat(onB).isEqualTo(fresh);
        assertThat(new JsonObject(onB).getLong("seq")).isEqualTo(lastSeq);
        assertThat(pushedOnB).anySatisfy(push -> {
          assertThat(push.getString("type")).isEqualTo("resync");
          assertThat(push.getString("to")).isEqualTo(Addresses.publicOf(code));
          assertThat(push.getLong("seq")).isGreaterThan(firstSnapshot);
        });
        assertThat(resumeFromBehind.getBoolean("complete")).isFalse();
        assertThat(afterReload.succeeded()).isTrue();
        assertThat(onBAfterReload).isEqualTo(onAAfterReload).contains("Asked on B after the reload");
      });
      testContext.completeNow();
    } finally {
      await(vertxB.close());
    }
  }

  private static void askSeveral(Node node, String code, String text, int count) {
    for (int i = 0; i < count; i++) {
      node.submit(code, new Command.Ask(text + " " + i, false, Optional.empty()));
    }
  }

  /** Asks {@code count} questions, then stores the state at that seq as the session's snapshot; returns the seq. */
  private static long askThenSnapshot(Node node, String code, String text, int count) {
    askSeveral(node, code, text, count);
    long seq = node.appliedSeq(code);
    String state = node.state(code);
    await(node.on(() -> node.log.saveSnapshot(code, seq, state)));
    return seq;
  }

  private static void waitUntil(Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + PATIENCE.toSeconds() + " s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** One node: a Redis log and a session registry on one context of its Vert.x instance. */
  private record Node(Context context, CommandLog log, SessionRegistry registry) {
    static Node open(Vertx vertx, RedisLogOptions options, Fanout fanout) {
      Context context = vertx.getOrCreateContext();
      CommandLog log = await(SessionGapReloadTest.on(context, () -> RedisCommandLog.open(vertx, options).<CommandLog>map(l -> l)));
      return new Node(context, log, new SessionRegistry(vertx, log, fanout, NO_SNAPSHOTS));
    }

    <T> Future<T> on(Supplier<Future<T>> action) {
      return SessionGapReloadTest.on(context, action);
    }

    Answer submit(String code, Command command) {
      return await(on(() -> registry.existing(code).compose(hub -> hub.submit(new Submission(command, ALICE, null)))));
    }

    long appliedSeq(String code) {
      return await(on(() -> registry.existing(code).map(SessionHub::appliedSeq)));
    }

    String state(String code) {
      return await(on(() -> registry.existing(code).map(SessionHub::snapshotState)));
    }

    void close() {
      await(on(() -> {
        registry.closeAll();
        return log.close();
      }));
    }

    /** Blocks this node's event loop until the latch is released (at most 10 s): its follow falls behind. */
    CountDownLatch holdEventLoop() {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch held = new CountDownLatch(1);
      context.runOnContext(v -> {
        held.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      try {
        held.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return release;
    }
  }

  private static <T> Future<T> on(Context context, Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }
}
