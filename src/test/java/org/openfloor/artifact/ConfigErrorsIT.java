package org.openfloor.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openfloor.testing.ServerProcess;

/** What a user reads when the jar is asked for help or given a bad setting: one line, a non-zero exit, no trace. */
@DisplayName("java -jar target/openfloor.jar: --help and bad settings")
class ConfigErrorsIT {
  private static final Duration EXIT_PATIENCE = Duration.ofSeconds(60);

  @TempDir
  Path work;

  @Test
  @DisplayName("--help lists every key of config/openfloor.json with its environment variable and default")
  void helpListsEveryKey() throws Exception {
    JarProcess help = JarProcess.start(work, Map.of(), "--help");
    assertThat(help.exitCode(EXIT_PATIENCE)).isZero();
    String output = help.output();
    JsonObject defaults = new JsonObject(Files.readString(JarProcess.basedir().resolve("config/openfloor.json")));
    assertThat(defaults.fieldNames()).isNotEmpty();
    for (String key : defaults.fieldNames()) {
      String value = String.valueOf(defaults.getValue(key));
      assertThat(output.lines().filter(line -> line.contains(environmentName(key)) && line.contains(" " + key + " ")
          && line.contains("default " + (value.isEmpty() ? "(empty)" : value))))
          .as("a line for %s (%s, default %s) in:\n%s", key, environmentName(key), value, output).hasSize(1);
    }
    assertThat(output).doesNotContain("Exception");
  }

  @Test
  @DisplayName("--version prints the version and the commit")
  void version() throws Exception {
    JarProcess version = JarProcess.start(work, Map.of(), "--version");
    assertThat(version.exitCode(EXIT_PATIENCE)).isZero();
    assertThat(version.output().strip()).matches("OpenFloor " + System.getProperty("openfloor.version").replace(".", "\\.")
        + " \\([0-9a-f]{12}(-dirty)?\\)");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
      "OPENFLOOR_HTTP_PORT, abc, OPENFLOOR_HTTP_PORT",
      "OPENFLOOR_HTTP_PORT, 70000, OPENFLOOR_HTTP_PORT",
      "OPENFLOOR_LOG, mongo, OPENFLOOR_LOG",
      "OPENFLOOR_RATE_BURST, -1, OPENFLOOR_RATE_BURST",
      "OPENFLOOR_TRIM_AFTER_SNAPSHOT, maybe, OPENFLOOR_TRIM_AFTER_SNAPSHOT",
      "OPENFLOOR_TRANSPORT, carrier-pigeon, OPENFLOOR_TRANSPORT"})
  @DisplayName("a bad value is one line naming the variable and a non-zero exit")
  void badValue(String variable, String value, String named) throws Exception {
    Map<String, String> environment = new java.util.HashMap<>(Map.of("OPENFLOOR_HTTP_PORT",
        String.valueOf(ServerProcess.freePort())));
    environment.put(variable, value);
    assertRefused(environment, named);
  }

  @Test
  @DisplayName("a data directory that cannot be created is one line naming OPENFLOOR_DATA_DIR")
  void unwritableDataDirectory() throws Exception {
    Path file = Files.writeString(work.resolve("a-file"), "not a directory");
    assertRefused(Map.of("OPENFLOOR_DATA_DIR", file.resolve("data").toString(),
        "OPENFLOOR_HTTP_PORT", String.valueOf(ServerProcess.freePort())), "OPENFLOOR_DATA_DIR");
  }

  @Test
  @DisplayName("a port in use is one line naming OPENFLOOR_HTTP_PORT")
  void portInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      assertRefused(Map.of("OPENFLOOR_HTTP_HOST", "127.0.0.1", "OPENFLOOR_HTTP_PORT",
          String.valueOf(taken.getLocalPort())), "OPENFLOOR_HTTP_PORT");
    }
  }

  private void assertRefused(Map<String, String> environment, String named) throws IOException, InterruptedException {
    JarProcess server = JarProcess.start(work.resolve("run"), environment);
    int exit = server.exitCode(EXIT_PATIENCE);
    String output = server.output();
    List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
    assertThat(exit).as("exit status; output:\n%s", output).isNotZero();
    List<String> errors = lines.stream().filter(line -> line.contains(" ERROR ")).toList();
    assertThat(errors).as("one error line in:\n%s", output).hasSize(1);
    assertThat(errors.get(0)).contains(named);
    assertThat(lines).as("no stack trace in:\n%s", output)
        .noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception in thread"));
  }

  /** {@code httpPort} is {@code OPENFLOOR_HTTP_PORT}: the contract the README and --help state. */
  static String environmentName(String key) {
    return "OPENFLOOR_" + key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase();
  }
}
