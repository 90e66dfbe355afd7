package org.openfloor.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.log.CommandLog;
import org.openfloor.log.LogEntry;
import org.openfloor.log.LogSubscription;
import org.openfloor.log.SqliteCommandLog;
import org.openfloor.testing.Api;
import org.openfloor.testing.BusySession;
import org.openfloor.testing.TestServer;
import static org.openfloor.testing.Await.await;

@ExtendWith(VertxExtension.class)
@DisplayName("A session snapshot")
class SnapshotTest {
  private static final LiveOptions NO_SNAPSHOTS = LiveOptions.defaults().withSnapshots(0, false);

  @TempDir
  Path dataDir;

  @Test
  @DisplayName("is byte-identical on two hubs that replayed the same log, and restoring it then applying the rest "
      + "gives the same state as replaying everything")
  void deterministicAndRestorable(Vertx vertx, VertxTestContext testContext) {
    TestServer server = await(TestServer.start(vertx, dataDir, new JsonObject().put("snapshotEvery", 0)));
    Api api = new Api(vertx, server.port());
    BusySession busy = BusySession.create(api, "Snapshots").firstHalf();
    long midway = await(api.snapshot(busy.code(), busy.moderatorToken())).getLong("seq");
    busy.secondHalf();
    api.close();
    await(server.stop());

    Context context = vertx.getOrCreateContext();
    CommandLog log = await(on(context, () -> SqliteCommandLog.open(vertx, dataDir.resolve("openfloor.db"))));
    String first = stateOf(vertx, context, log, busy.code());
    String second = stateOf(vertx, context, log, busy.code());
    String atMidway = stateOf(vertx, context, new LogEndingAt(log, midway), busy.code());
    await(on(context, () -> log.saveSnapshot(busy.code(), midway, atMidway).compose(v -> log.trim(busy.code(), midway))));
    String restored = stateOf(vertx, context, log, busy.code());
    List<LogEntry> kept = await(on(context, () -> log.read(busy.code(), 0, 1)));

    testContext.verify(() -> {
      assertThat(first).isEqualTo(second);
      assertThat(new JsonObject(atMidway).getLong("seq")).isEqualTo(midway);
      assertThat(atMidway).isNotEqualTo(first);
      assertThat(kept.get(0).seq()).isEqualTo(midway + 1);
      assertThat(restored).isEqualTo(first);
      JsonObject state = new JsonObject(first);
      assertThat(state.getJsonObject("session").getJsonArray("participants")).hasSize(8);
      assertThat(state.getJsonArray("polls")).hasSize(4);
      assertThat(state.getJsonObject("queue").getJsonArray("log")).hasSize(1);
      assertThat(state.getJsonArray("requests")).hasSizeGreaterThanOrEqualTo(14);
    });
    await(on(context, log::close));
    testContext.completeNow();
  }

  @Test
  @DisplayName("is written every snapshotEvery entries, the log behind it trimmed, and a restarted server "
      + "shows the same session and still dedupes a retried request")
  void writtenAndTrimmedByTheServer(Vertx vertx, VertxTestContext testContext) {
    TestServer server = await(TestServer.start(vertx, dataDir, new JsonObject().put("snapshotEvery", 10)));
    Api api = new Api(vertx, server.port());
    BusySession busy = BusySession.create(api, "Policy").firstHalf().secondHalf();
    JsonObject before = await(api.snapshot(busy.code(), busy.moderatorToken()));
    api.close();
    await(server.stop());

    Context context = vertx.getOrCreateContext();
    CommandLog log = await(on(context, () -> SqliteCommandLog.open(vertx, dataDir.resolve("openfloor.db"))));
    Optional<CommandLog.Snapshot> snapshot = await(on(context, () -> log.latestSnapshot(busy.code())));
    List<LogEntry> kept = await(on(context, () -> log.read(busy.code(), 0, 1)));
    await(on(context, log::close));

    TestServer again = await(TestServer.start(vertx, dataDir, new JsonObject().put("snapshotEvery", 10)));
    Api api2 = new Api(vertx, again.port());
    JsonObject after = await(api2.snapshot(busy.code(), busy.moderatorToken()));
    JsonObject retried = await(api2.call(io.vertx.core.http.HttpMethod.POST, "/api/sessions/" + busy.code() + "/questions",
        busy.tokens().get(0), new JsonObject().put("text", "Question 0 — ¿qué? 問題").put("requestId", "ask-0"))).bodyAsJsonObject();
    JsonObject afterRetry = await(api2.snapshot(busy.code(), busy.moderatorToken()));
    testContext.verify(() -> {
      assertThat(snapshot).isPresent();
      assertThat(snapshot.get().seq() % 10).isZero();
      assertThat(snapshot.get().seq()).isGreaterThan(before.getLong("seq") - 10);
      assertThat(kept.get(0).seq()).isGreaterThan(1).isLessThanOrEqualTo(snapshot.get().seq());
      before.remove("serverTime");
      after.remove("serverTime");
      assertThat(after).isEqualTo(before);
      assertThat(retried.getString("id")).isEqualTo("q" + firstQuestionSeq(before));
      assertThat(afterRetry.getLong("seq")).isEqualTo(before.getLong("seq"));
      assertThat(afterRetry.getJsonArray("questions")).hasSameSizeAs(before.getJsonArray("questions"));
    });
    api2.close();
    await(again.stop());
    testContext.completeNow();
  }

  private static long firstQuestionSeq(JsonObject snapshot) {
    return snapshot.getJsonArray("questions").stream().map(JsonObject.class::cast)
        .filter(q -> q.getString("text").startsWith("Question 0")).findFirst().orElseThrow()
        .getString("id").substring(1).transform(Long::parseLong);
  }

  private static String stateOf(Vertx vertx, Context context, CommandLog log, String code) {
    SessionRegistry registry = new SessionRegistry(vertx, log, Fanout.NONE, NO_SNAPSHOTS);
    String state = await(on(context, () -> registry.existing(code).map(SessionHub::snapshotState)));
    context.runOnContext(v -> registry.closeAll());
    return state;
  }

  static <T> Future<T> on(Context context, Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }

  /** A real log seen as if it ended at {@code lastSeq}: what a hub that stopped there would have read. */
  private record LogEndingAt(CommandLog log, long lastSeq) implements CommandLog {
    @Override
    public Future<Void> delete(String session) {
      return log.delete(session);
    }

    @Override
    public Future<java.util.List<String>> sessions() {
      return log.sessions();
    }

    @Override
    public Future<LogEntry> append(String session, String payload) {
      return Future.failedFuture("read only");
    }

    @Override
    public Future<List<LogEntry>> read(String session, long afterSeq, int limit) {
      return log.read(session, afterSeq, limit)
          .map(entries -> entries.stream().filter(e -> e.seq() <= lastSeq).toList());
    }

    @Override
    public LogSubscription follow(String session, long afterSeq, Handler<LogEntry> handler) {
      return () -> { };
    }

    @Override
    public Future<Void> saveSnapshot(String session, long seq, String state) {
      return Future.failedFuture("read only");
    }

    @Override
    public Future<Optional<Snapshot>> latestSnapshot(String session) {
      return Future.succeededFuture(Optional.empty());
    }

    @Override
    public Future<Void> trim(String session, long upToSeq) {
      return Future.failedFuture("read only");
    }

    @Override
    public Future<Boolean> ready() {
      return Future.succeededFuture(true);
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }
  }
}
