package org.openfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.transport.Transport;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The transport setting")
class TransportConfigTest {
  @Test
  @DisplayName("is read from the defaults file and overridden by OPENFLOOR_TRANSPORT")
  void fromFileAndEnvironment() {
    assertThat(ConfigLoader.load(Map.of()).transport()).isIn("nio", "epoll", "io_uring");
    assertThat(ConfigLoader.load(Map.of("OPENFLOOR_TRANSPORT", "EPOLL")).transport()).isEqualTo("epoll");
    assertThat(ConfigLoader.load(Map.of("OPENFLOOR_TRANSPORT", "nio")).transport()).isEqualTo("nio");
  }

  @Test
  @DisplayName("refuses a transport it does not know, naming the variable")
  void refusesUnknown() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("OPENFLOOR_TRANSPORT", "kqueue2")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OPENFLOOR_TRANSPORT");
  }

  @Test
  @DisplayName("names a transport that loads here, NIO when the native one cannot")
  void namesAnAvailableTransport() {
    assertThat(Transports.named("nio")).isSameAs(Transport.NIO);
    assertThat(Transports.named("epoll")).isIn(Transport.EPOLL, Transport.NIO);
    assertThat(Transports.named("io_uring")).isIn(Transport.IO_URING, Transport.NIO);
    assertThat(Transports.named("epoll").available()).isTrue();
  }
}
