package org.openfloor.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.openfloor.testing.Await.await;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
@DisplayName("Appends to Redis in bursts")
class RedisAppendBurstTest {
  private static final int BURST = 5_000;
  private static final int AFTER_FLUSH = 100;

  @Test
  @DisplayName("5,000 concurrent appends to one session on a durable Redis (AOF, fsync always) all succeed with "
      + "seqs 1 to 5,000, and after the script cache is flushed 100 more still land once each")
  void burstOnDurableRedis(Vertx vertx, VertxTestContext testContext) {
    RedisTestServer durable = RedisTestServer.startDurable();
    try {
      Context context = vertx.getOrCreateContext();
      RedisCommandLog log = await(on(context, () -> RedisCommandLog.open(vertx, options(durable.url()))));
      List<Future<LogEntry>> burst = await(on(context, () -> Future.succeededFuture(appendAll(log, BURST))));
      await(Future.join(burst).otherwiseEmpty());
      await(on(context, () -> log.send(Request.cmd(Command.SCRIPT).arg("FLUSH"))));
      List<Future<LogEntry>> afterFlush = await(on(context, () -> Future.succeededFuture(appendAll(log, AFTER_FLUSH))));
      await(Future.join(afterFlush).otherwiseEmpty());
      List<LogEntry> stored = await(on(context, () -> log.read("burst", 0, 2 * BURST)));
      testContext.verify(() -> {
        assertThat(failuresByCause(burst)).isEmpty();
        assertThat(failuresByCause(afterFlush)).isEmpty();
        assertThat(burst).extracting(append -> append.result().seq())
            .containsExactlyInAnyOrderElementsOf(range(1, BURST));
        assertThat(afterFlush).extracting(append -> append.result().seq())
            .containsExactlyInAnyOrderElementsOf(range(BURST + 1, BURST + AFTER_FLUSH));
        assertThat(stored).extracting(LogEntry::seq).containsExactlyElementsOf(range(1, BURST + AFTER_FLUSH));
        assertThat(stored).extracting(LogEntry::payload).doesNotHaveDuplicates();
      });
      await(on(context, log::close));
      testContext.completeNow();
    } finally {
      durable.stop();
    }
  }

  @Test
  @DisplayName("One append more than the pipeline holds fails at once as saturated, and the others all succeed")
  void saturationFailsFast(Vertx vertx, VertxTestContext testContext) {
    Context context = vertx.getOrCreateContext();
    RedisCommandLog log = await(on(context, () -> RedisCommandLog.open(vertx,
        options(RedisTestServer.shared().url()))));
    List<Future<LogEntry>> appends = await(on(context, () -> Future.succeededFuture(
        appendAll(log, RedisAppendPipeline.MAX_PENDING + 1))));
    Future<LogEntry> extra = appends.get(appends.size() - 1);
    await(Future.join(appends).otherwiseEmpty());
    testContext.verify(() -> {
      assertThat(extra.failed()).isTrue();
      assertThat(extra.cause()).hasMessageContaining("saturated");
      assertThat(failuresByCause(appends.subList(0, RedisAppendPipeline.MAX_PENDING))).isEmpty();
    });
    await(on(context, log::close));
    testContext.completeNow();
  }

  private static List<Future<LogEntry>> appendAll(RedisCommandLog log, int count) {
    List<Future<LogEntry>> appends = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      appends.add(log.append("burst", "entry " + UUID.randomUUID()));
    }
    return appends;
  }

  private static Map<String, Long> failuresByCause(List<Future<LogEntry>> appends) {
    return appends.stream().filter(Future::failed)
        .collect(Collectors.groupingBy(append -> append.cause().toString(), Collectors.counting()));
  }

  private static RedisLogOptions options(String url) {
    return RedisLogOptions.of(url).withKeyPrefix("burst-" + UUID.randomUUID() + ":");
  }

  private static <T> Future<T> on(Context context, Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }

  private static List<Long> range(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }
}
