package org.openfloor.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import static org.openfloor.testing.Await.await;

@ExtendWith(VertxExtension.class)
@DisplayName("The Redis log through Sentinel")
class RedisSentinelTest {
  @TempDir
  Path dir;

  private RedisTestServer primary;
  private SentinelProcess sentinel;

  @BeforeEach
  void startPrimaryAndSentinel() {
    primary = RedisTestServer.startDurable();
    sentinel = SentinelProcess.start(dir, primary.port(), Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    sentinel.stop();
    primary.stop();
  }

  @Test
  @DisplayName("finds the primary by master name, appends, reads and follows there")
  void appendsThroughSentinel(Vertx vertx, VertxTestContext testContext) {
    String url = sentinel.url();
    RedisCommandLog viaSentinel = await(RedisCommandLog.open(vertx, RedisLogOptions.of(url)));
    RedisCommandLog direct = await(RedisCommandLog.open(vertx, RedisLogOptions.of(primary.url())));
    List<Long> followed = new CopyOnWriteArrayList<>();
    viaSentinel.follow("S1", 0, entry -> followed.add(entry.seq()));
    for (int i = 0; i < 3; i++) {
      await(viaSentinel.append("S1", "entry " + i));
    }
    List<LogEntry> onPrimary = await(direct.read("S1", 0, 10));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (followed.size() < 3 && System.nanoTime() < deadline) {
      await(vertx.timer(20));
    }
    testContext.verify(() -> {
      assertThat(onPrimary).extracting(LogEntry::payload).containsExactly("entry 0", "entry 1", "entry 2");
      assertThat(followed).containsExactly(1L, 2L, 3L);
      assertThat(await(viaSentinel.ready())).isTrue();
    });
    await(viaSentinel.close());
    await(direct.close());
    testContext.completeNow();
  }

  @Test
  @DisplayName("refuses a Sentinel URL without a master name")
  void masterNameRequired() {
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> RedisEndpoints.apply(
        new io.vertx.redis.client.RedisOptions(), "redis-sentinel://127.0.0.1:26379/0")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("master");
  }
}
