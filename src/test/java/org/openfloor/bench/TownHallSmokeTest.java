package org.openfloor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.openfloor.testing.Await.await;

@DisplayName("The town-hall bench, in small")
class TownHallSmokeTest {
  @TempDir
  Path work;

  @Test
  @DisplayName("50 attendees on OpenFloor in its own JVM get coalesced tallies for 3 s, every vote accepted")
  void fiftyAttendeesGetTallies() throws Exception {
    BenchServer server = BenchServer.openFloor("smoke", TownHallBench.freePort(), work.resolve("data"), 100,
        List.of("-Xmx512m"), Map.of(), work.resolve("logs"));
    Vertx generator = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    try {
      TownHall.Plan plan = new TownHall.Plan(50, 200, 5, 2, 2, 3);
      TownHall townHall = new TownHall(generator, Wire.OPENFLOOR_SOCKJS, List.of(server.port()), plan,
          TownHallBench.openFloorSession(generator, server.port(), plan));
      double connectSeconds = townHall.connect();
      double cpuBefore = server.cpuSeconds();

      TownHall.Result result = townHall.run(connectSeconds, () -> { }, () -> { });

      assertThat(result.opened()).isEqualTo(50);
      assertThat(result.failed()).isZero();
      assertThat(result.errors()).isZero();
      assertThat(result.votesSent()).isGreaterThan(400);
      assertThat(result.deliveries()).isGreaterThan(50);
      assertThat(result.lag().getTotalCount()).isGreaterThan(50);
      assertThat(server.cpuSeconds()).isGreaterThan(cpuBefore);
      assertThat(server.heapAfterGc()).isPositive();
    } finally {
      await(generator.close());
      server.stop();
    }
  }
}
