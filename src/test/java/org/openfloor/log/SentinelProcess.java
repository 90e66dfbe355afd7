package org.openfloor.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One Redis Sentinel for tests ({@code redis-server <conf> --sentinel} on a free port) watching a primary
 * as {@value #MASTER} with quorum 1, so it alone decides a failover.
 */
public final class SentinelProcess {
  public static final String MASTER = "mymaster";
  private static final String REDIS_SERVER = System.getenv().getOrDefault("OPENFLOOR_REDIS_SERVER", "redis-server");

  private final Process process;
  private final int port;
  private final Path dir;

  private SentinelProcess(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  /**
   * Starts a Sentinel in {@code dir} watching the primary on {@code primaryPort}: it is held down after
   * {@code downAfter} without answers, and a failover may take {@code failoverTimeout}. Waits until the
   * Sentinel knows the primary.
   */
  public static SentinelProcess start(Path dir, int primaryPort, Duration downAfter, Duration failoverTimeout) {
    int port = RedisTestServer.freePort();
    Path config = dir.resolve("sentinel.conf");
    try {
      Files.writeString(config, String.join("\n", List.of("port " + port, "bind 127.0.0.1", "dir " + dir,
          "sentinel monitor " + MASTER + " 127.0.0.1 " + primaryPort + " 1",
          "sentinel down-after-milliseconds " + MASTER + " " + downAfter.toMillis(),
          "sentinel failover-timeout " + MASTER + " " + failoverTimeout.toMillis(),
          "sentinel parallel-syncs " + MASTER + " 8", "")));
      Process process = new ProcessBuilder(REDIS_SERVER, config.toString(), "--sentinel").redirectErrorStream(true)
          .redirectOutput(dir.resolve("sentinel.log").toFile()).start();
      SentinelProcess sentinel = new SentinelProcess(process, port, dir);
      sentinel.await(() -> sentinel.masterPort() == primaryPort, Duration.ofSeconds(10), "know the primary");
      return sentinel;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + REDIS_SERVER + " --sentinel; install redis-server", e);
    }
  }

  /** {@code redis-sentinel://mymaster@127.0.0.1:port/0}, the URL OpenFloor takes. */
  public String url() {
    return "redis-sentinel://" + MASTER + "@127.0.0.1:" + port + "/0";
  }

  /** The port of the primary this Sentinel names now; -1 if it does not answer. */
  public int masterPort() {
    List<String> lines = RedisCli.run(port, "sentinel", "get-master-addr-by-name", MASTER).lines().toList();
    return lines.size() == 2 ? Integer.parseInt(lines.get(1).trim()) : -1;
  }

  /** How many replicas of the primary this Sentinel sees up. */
  public int replicasUp() {
    List<String> lines = RedisCli.run(port, "sentinel", "replicas", MASTER).lines().toList();
    int up = 0;
    for (int i = 0; i + 1 < lines.size(); i++) {
      if ("flags".equals(lines.get(i)) && "slave".equals(lines.get(i + 1))) {
        up++;
      }
    }
    return up;
  }

  /** Waits until {@code condition} holds, or fails naming what the Sentinel did not do and where its log is. */
  public void await(BooleanSupplier condition, Duration within, String what) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("Sentinel did not " + what + " within " + within.toSeconds() + " s; see "
            + dir.resolve("sentinel.log"));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  public void stop() {
    process.destroyForcibly();
  }
}
