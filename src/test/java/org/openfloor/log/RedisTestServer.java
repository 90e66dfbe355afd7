package org.openfloor.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Redis for tests: the one at {@code OPENFLOOR_TEST_REDIS_URL}, or a {@code redis-server}
 * child process on a free port that is stopped at JVM exit. Can also run a durable (AOF, fsync
 * always) server that tests kill -9 and restart on the same directory and port.
 */
public final class RedisTestServer {

  private static final Logger LOG = LoggerFactory.getLogger(RedisTestServer.class);
  private static final String URL_ENV = "OPENFLOOR_TEST_REDIS_URL";
  private static final String REDIS_SERVER = System.getenv().getOrDefault("OPENFLOOR_REDIS_SERVER", "redis-server");
  private static final long START_TIMEOUT_MS = 10_000;
  private static RedisTestServer shared;

  private final Path dir;
  private final int port;
  private final boolean durable;
  private final boolean ownsDir;
  private final String externalUrl;
  private final List<String> extraArgs;
  private Process process;

  private RedisTestServer(Path dir, int port, boolean durable, boolean ownsDir, String externalUrl,
                          List<String> extraArgs) {
    this.dir = dir;
    this.port = port;
    this.durable = durable;
    this.ownsDir = ownsDir;
    this.externalUrl = externalUrl;
    this.extraArgs = extraArgs;
  }

  /** The Redis shared by all tests of this JVM; started on first use. */
  public static synchronized RedisTestServer shared() {
    if (shared == null) {
      String url = System.getenv(URL_ENV);
      shared = url != null && !url.isBlank()
          ? new RedisTestServer(null, -1, false, false, url, List.of())
          : startNew(tempDir(), true, false, List.of());
    }
    return shared;
  }

  /** Starts a new Redis with AOF on and {@code appendfsync always}, storing in {@code dir}. */
  public static RedisTestServer startDurable(Path dir) {
    return startNew(dir, false, true, List.of());
  }

  /** Like {@link #startDurable(Path)} in a temporary directory removed by {@link #stop()}. */
  public static RedisTestServer startDurable() {
    return startNew(tempDir(), true, true, List.of());
  }

  /** A durable server replicating {@code primary} ({@code --replicaof}), in a temporary directory. */
  public static RedisTestServer startReplicaOf(RedisTestServer primary) {
    return startNew(tempDir(), true, true, List.of("--replicaof", "127.0.0.1", String.valueOf(primary.port())));
  }

  private static RedisTestServer startNew(Path dir, boolean ownsDir, boolean durable, List<String> extraArgs) {
    RedisTestServer server = new RedisTestServer(dir, freePort(), durable, ownsDir, null, extraArgs);
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "redis-test-server-stop"));
    return server;
  }

  /** {@code redis://host:port/0} of this server. */
  public String url() {
    return externalUrl != null ? externalUrl : "redis://127.0.0.1:" + port + "/0";
  }

  public int port() {
    return port;
  }

  public Path dir() {
    return dir;
  }

  /** Kills the server with SIGKILL and waits until it is gone. */
  public synchronized void kill() {
    requireOwnProcess();
    process.destroyForcibly();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        throw new IllegalStateException("redis-server did not die");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    LOG.info("Killed redis-server on port {}", port);
  }

  /** Starts the server again on the same directory and port; waits until it answers PING. */
  public synchronized void restart() {
    requireOwnProcess();
    if (process.isAlive()) {
      kill();
    }
    start();
  }

  /** Stops the server and removes its directory if this helper made it (no-op for an external one). */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    if (process.isAlive()) {
      kill();
    }
    if (ownsDir) {
      deleteRecursively(dir);
    }
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      LOG.warn("Could not remove {}: {}", root, e.getMessage());
    }
  }

  private void requireOwnProcess() {
    if (process == null) {
      throw new IllegalStateException("not a redis-server started by this helper");
    }
  }

  private synchronized void start() {
    List<String> command = new ArrayList<>(List.of(REDIS_SERVER,
        "--port", String.valueOf(port), "--bind", "127.0.0.1", "--dir", dir.toString(),
        "--save", "", "--daemonize", "no"));
    if (durable) {
      command.addAll(List.of("--appendonly", "yes", "--appendfsync", "always"));
    } else {
      command.addAll(List.of("--appendonly", "no"));
    }
    command.addAll(extraArgs);
    try {
      process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
          .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + REDIS_SERVER + "; install redis-server or set "
          + URL_ENV, e);
    }
    awaitPong();
    LOG.info("Started redis-server on port {} in {} (durable: {})", port, dir, durable);
  }

  private void awaitPong() {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("redis-server exited with " + process.exitValue()
            + "; see " + dir.resolve("redis.log"));
      }
      if (answersPing()) {
        return;
      }
      sleep(20);
    }
    process.destroyForcibly();
    throw new IllegalStateException("redis-server did not answer PING on port " + port);
  }

  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[64];
      int n = in.read(reply);
      return n > 0 && new String(reply, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("openfloor-redis-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
