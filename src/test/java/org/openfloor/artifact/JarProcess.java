package org.openfloor.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar target/openfloor.jar} as a user runs it: a separate process in its own working directory,
 * configured by environment variables only, its output kept in {@code out.log} there. The jar is the one the
 * {@code package} phase built (Failsafe passes its path as {@code openfloor.jar}); nothing from the test
 * classpath or the source tree reaches the process.
 */
final class JarProcess implements AutoCloseable {
  static final Duration START_PATIENCE = Duration.ofSeconds(60);

  private final Process process;
  private final Path workDir;
  private final Path log;

  private JarProcess(Process process, Path workDir, Path log) {
    this.process = process;
    this.workDir = workDir;
    this.log = log;
  }

  /** The packaged jar; fails the test with a clear message when it was not built. */
  static Path jar() {
    String property = System.getProperty("openfloor.jar");
    assertThat(property).as("system property openfloor.jar (set by Failsafe; run mvn -B verify)").isNotBlank();
    Path jar = Path.of(property).toAbsolutePath();
    assertThat(jar).as("the packaged jar").isRegularFile();
    return jar;
  }

  /** The {@code java} of the JVM running the tests: the JDK the build uses. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The source tree's root, where the README's commands run. */
  static Path basedir() {
    return Path.of(System.getProperty("openfloor.basedir", ".")).toAbsolutePath();
  }

  /** Starts the jar with these arguments in {@code workDir}; does not wait for anything. */
  static JarProcess start(Path workDir, Map<String, String> environment, String... args) throws IOException {
    Files.createDirectories(workDir);
    List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("OPENFLOOR_"));
    builder.environment().putAll(environment);
    Path log = workDir.resolve("out.log");
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return new JarProcess(builder.start(), workDir, log);
  }

  /** Starts a server on {@code port} and waits until {@code /health} answers 200. */
  static JarProcess serve(Path workDir, int port, Map<String, String> environment) throws IOException {
    Map<String, String> all = new java.util.HashMap<>(environment);
    all.put("OPENFLOOR_HTTP_PORT", String.valueOf(port));
    all.putIfAbsent("OPENFLOOR_HTTP_HOST", "127.0.0.1");
    JarProcess server = start(workDir, all);
    server.awaitHealthy(port);
    return server;
  }

  /** Waits for the process to end; its exit code, or a failure naming the output if it outlives the patience. */
  int exitCode(Duration patience) throws InterruptedException, IOException {
    if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("java -jar did not exit within " + patience.toSeconds() + " s; output:\n" + output());
    }
    return process.exitValue();
  }

  String output() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  Path workDir() {
    return workDir;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no flush, no goodbye. Returns the exit status (137). */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the server did not die after SIGKILL");
    }
    return process.exitValue();
  }

  /** SIGTERM, as Ctrl-C or a service manager stops it; waits for the shutdown hook to finish. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private void awaitHealthy(int port) throws IOException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + START_PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("java -jar exited with " + process.exitValue() + "; output:\n" + output());
      }
      try {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(100);
    }
    process.destroyForcibly();
    throw new AssertionError("no healthy /health on port " + port + " within " + START_PATIENCE.toSeconds()
        + " s; output:\n" + output());
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
