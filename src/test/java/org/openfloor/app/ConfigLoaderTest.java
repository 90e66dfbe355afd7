package org.openfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The configuration")
class ConfigLoaderTest {
  @Test
  @DisplayName("closes sockets after 50 refusals by default, and OPENFLOOR_MAX_REFUSALS_PER_SOCKET changes it")
  void refusalsPerSocket() {
    assertThat(ConfigLoader.load(Map.of()).maxRefusalsPerSocket()).isEqualTo(50);
    assertThat(ConfigLoader.load(Map.of("OPENFLOOR_MAX_REFUSALS_PER_SOCKET", "0")).maxRefusalsPerSocket()).isZero();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
      "OPENFLOOR_HTTP_PORT, abc, 'OPENFLOOR_HTTP_PORT must be a whole number, not ''abc'''",
      "OPENFLOOR_HTTP_PORT, 65536, 'OPENFLOOR_HTTP_PORT must be a port from 0 to 65535, not 65536'",
      "OPENFLOOR_LOG, mongo, 'OPENFLOOR_LOG must be sqlite or redis, not ''mongo'''",
      "OPENFLOOR_RATE_BURST, -1, 'OPENFLOOR_RATE_BURST must be a whole number of 1 or more, not ''-1'''",
      "OPENFLOOR_TRIM_AFTER_SNAPSHOT, yes, 'OPENFLOOR_TRIM_AFTER_SNAPSHOT must be true or false, not ''yes'''",
      "OPENFLOOR_SNAPSHOT_EVERY, 1e3, 'OPENFLOOR_SNAPSHOT_EVERY must be a whole number, not ''1e3'''",
      "OPENFLOOR_RATE_COMMANDS_PER_SECOND, 0, 'OPENFLOOR_RATE_COMMANDS_PER_SECOND must be a whole number of 1 or more, not ''0'''",
      "OPENFLOOR_COALESCE_MILLIS, 0, 'OPENFLOOR_COALESCE_MILLIS must be a whole number of 1 or more, not ''0'''"})
  @DisplayName("a bad value is refused with one message naming the variable")
  void badValues(String variable, String value, String message) {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of(variable, value))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  @DisplayName("a configuration file that is not JSON is refused with its name")
  void badFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("openfloor.json"), "{ \"httpPort\": ");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("OPENFLOOR_CONFIG", file.toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the configuration file " + file + " is not a JSON object");
  }

  @Test
  @DisplayName("--help explains every key of the defaults file, with its variable and default")
  void helpCoversEveryKey() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Help.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), Map.of());
    String help = bytes.toString(StandardCharsets.UTF_8);
    var defaults = ConfigLoader.defaults(Map.of());
    assertThat(ConfigKeys.MEANINGS.keySet()).containsExactlyInAnyOrderElementsOf(defaults.fieldNames());
    for (String key : defaults.fieldNames()) {
      assertThat(help).contains(ConfigLoader.environmentName(key)).contains(ConfigKeys.MEANINGS.get(key));
    }
  }
}
