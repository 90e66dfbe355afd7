package org.openfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openfloor.testing.Await.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A failed start")
class StartFailuresTest {
  @ParameterizedTest(name = "transport {0}")
  @ValueSource(strings = {"nio", "epoll"})
  @DisplayName("a port in use is a setting to change, named in one line")
  void portInUse(String transport) throws Exception {
    Vertx vertx = Vertx.builder().withTransport(Transports.named(transport)).build();
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Future<?> listen = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1")
          .setPort(taken.getLocalPort())).requestHandler(request -> request.response().end()).listen();
      Throwable failure = await(listen.transform(ar -> Future.succeededFuture(ar.cause())));
      assertThat(failure).as("the listen failed").isNotNull();
      OpenFloorConfig config = ConfigLoader.load(Map.of("OPENFLOOR_HTTP_HOST", "127.0.0.1",
          "OPENFLOOR_HTTP_PORT", String.valueOf(taken.getLocalPort())));
      assertThat(StartFailures.isConfiguration(failure)).as("%s", failure).isTrue();
      assertThat(StartFailures.describe(failure, config)).startsWith("127.0.0.1:" + taken.getLocalPort()
          + " is already in use or cannot be bound (OPENFLOOR_HTTP_HOST, OPENFLOOR_HTTP_PORT)").doesNotContain("\n");
    } finally {
      await(vertx.close());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"disk full", "no such table"})
  @DisplayName("anything else is one line naming its root cause")
  void otherFailures(String message) {
    Throwable failure = new IllegalStateException("wrapped", new java.io.IOException(message));
    assertThat(StartFailures.isConfiguration(failure)).isFalse();
    assertThat(StartFailures.describe(failure, ConfigLoader.load(Map.of()))).isEqualTo("IOException: " + message);
  }
}
