package org.openfloor.bench;

import java.io.IOException;
import java.net.Socket;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A server under test in its own process: started, measured (CPU from /proc, heap after GC) and stopped. */
final class BenchServer {
  /** G1's line of {@code GC.heap_info}: "heap total 524288K, used 30649K" (JDK 17), "heap total reserved 524288K,
   * committed 389120K, used 30649K" (JDK 25). */
  private static final Pattern HEAP_USED =
      Pattern.compile("heap\\s+total (?:reserved )?\\d+K, (?:committed \\d+K, )?used (\\d+)K");
  private static final long CLOCK_TICKS = 100;

  private final String name;
  private final Process process;
  private final int port;
  private final boolean jvm;

  private BenchServer(String name, Process process, int port, boolean jvm) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.jvm = jvm;
  }

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static BenchServer openFloor(String name, int port, Path dataDir, long windowMillis, List<String> jvmOptions,
                               Map<String, String> environment, Path logDir) throws IOException {
    List<String> command = new ArrayList<>(List.of(javaBin()));
    command.addAll(jvmOptions);
    command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        "org.openfloor.app.Main"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(Map.of("OPENFLOOR_HTTP_PORT", String.valueOf(port), "OPENFLOOR_HTTP_HOST",
        "127.0.0.1", "OPENFLOOR_DATA_DIR", dataDir.toString(), "OPENFLOOR_COALESCE_MILLIS",
        String.valueOf(windowMillis), "OPENFLOOR_LOG_LEVEL", "WARN"));
    // A few voter sockets and one set-up address stand in for thousands of phones: the throttle stays in
    // the path, with limits that do not refuse the planned load.
    builder.environment().putAll(Map.of("OPENFLOOR_RATE_COMMANDS_PER_SECOND", "1000000", "OPENFLOOR_RATE_BURST",
        "1000000", "OPENFLOOR_JOINS_PER_IP_PER_MINUTE", "1000000"));
    builder.environment().putAll(environment);
    return start(name, builder, port, true, logDir, "/health");
  }

  static BenchServer bare(int port, long windowMillis, String transport, List<String> jvmOptions, Path logDir)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(javaBin()));
    command.addAll(jvmOptions);
    command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        BareServer.class.getName(),
        String.valueOf(port), String.valueOf(windowMillis), transport));
    return start("bare", new ProcessBuilder(command), port, true, logDir, "/");
  }

  static BenchServer socketIo(Path script, int port, long windowMillis, Path logDir) throws IOException {
    ProcessBuilder builder = new ProcessBuilder("node", "--expose-gc", script.getFileName().toString(),
        String.valueOf(port), String.valueOf(windowMillis)).directory(script.getParent().toFile());
    return start("socket.io", builder, port, false, logDir, "/");
  }

  static BenchServer redis(int port, Path dir, Path logDir) throws IOException {
    ProcessBuilder builder = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "yes", "--appendfsync", "everysec", "--dir", dir.toString(),
        "--maxclients", "1000").directory(dir.toFile());
    return start("redis", builder, port, false, logDir, null);
  }

  private static BenchServer start(String name, ProcessBuilder builder, int port, boolean jvm, Path logDir,
                                   String readyPath) throws IOException {
    Files.createDirectories(logDir);
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
        logDir.resolve(name.replaceAll("[^A-Za-z0-9.-]", "_") + "-" + port + ".log").toFile()));
    BenchServer server = new BenchServer(name, builder.start(), port, jvm);
    server.awaitReady(readyPath);
    return server;
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  /** User plus system CPU seconds the process has used so far. */
  double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Resident memory in bytes. */
  long rssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
      return -1;
    } catch (IOException e) {
      return -1;
    }
  }

  /** Heap in use after a full collection: {@code jcmd GC.run} then {@code GC.heap_info}, or node's {@code gc()}. */
  long heapAfterGc() {
    try {
      if (!jvm) {
        String json = get("/heap");
        return new io.vertx.core.json.JsonObject(json).getLong("heapUsed");
      }
      jcmd("GC.run");
      Matcher matcher = HEAP_USED.matcher(jcmd("GC.heap_info"));
      return matcher.find() ? Long.parseLong(matcher.group(1)) * 1024 : -1;
    } catch (IOException | InterruptedException e) {
      return -1;
    }
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder("jcmd", String.valueOf(process.pid()), command).redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes());
    jcmd.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  String get(String path) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private void awaitReady(String path) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue());
      }
      try {
        if (path == null) {
          new Socket("127.0.0.1", port).close();
          return;
        }
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        sleepQuietly(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException(name + " did not become ready on port " + port);
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
