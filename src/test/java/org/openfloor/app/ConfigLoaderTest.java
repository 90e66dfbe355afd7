package org.openfloor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The configuration")
class ConfigLoaderTest {
  @Test
  @DisplayName("closes sockets after 50 refusals by default, and OPENFLOOR_MAX_REFUSALS_PER_SOCKET changes it")
  void refusalsPerSocket() {
    assertThat(ConfigLoader.load(Map.of()).maxRefusalsPerSocket()).isEqualTo(50);
    assertThat(ConfigLoader.load(Map.of("OPENFLOOR_MAX_REFUSALS_PER_SOCKET", "0")).maxRefusalsPerSocket()).isZero();
  }
}
