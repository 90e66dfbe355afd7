package org.openfloor.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** An OpenFloor server in its own JVM, started like the README says, so it can be killed with -9. */
public final class ServerProcess {
  private final Process process;
  private final int port;

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static ServerProcess start(Path dataDir, Path logFile, Map<String, String> environment) throws IOException {
    int port = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // Like the jar's manifest: Netty's epoll and SQLite load native code, allowed without a warning.
    ProcessBuilder builder = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), "org.openfloor.app.Main"));
    builder.environment().putAll(Map.of("OPENFLOOR_HTTP_PORT", String.valueOf(port),
        "OPENFLOOR_HTTP_HOST", "127.0.0.1", "OPENFLOOR_DATA_DIR", dataDir.toString()));
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    ServerProcess server = new ServerProcess(builder.start(), port);
    server.awaitHealthy();
    return server;
  }

  public int port() {
    return port;
  }

  /** The operating-system process id of the server JVM. */
  public long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hook, no flush, no goodbye. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** The exit status once the process has ended: 137 (128 + 9) after {@link #kill()}. */
  public int exitCode() {
    return process.exitValue();
  }

  private void awaitHealthy() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server process exited with " + process.exitValue());
      }
      try {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("server did not become healthy on port " + port);
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
