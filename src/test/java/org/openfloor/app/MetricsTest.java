package org.openfloor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.live.wire.Addresses;
import org.openfloor.testing.Api;
import org.openfloor.testing.BridgeClient;
import org.openfloor.testing.TestServer;
import static org.openfloor.testing.Await.await;

@ExtendWith(VertxExtension.class)
@DisplayName("GET /metrics")
class MetricsTest {
  @TempDir
  Path dataDir;

  private TestServer server;
  private Api api;

  @BeforeEach
  void start(Vertx vertx) {
    server = await(TestServer.start(vertx, dataDir));
    api = new Api(vertx, server.port());
  }

  @AfterEach
  void stop() {
    api.close();
    await(server.stop());
  }

  @Test
  @DisplayName("answers in Prometheus text with connections, pushes, append latency, commands and sessions after traffic")
  void reportsTheServersMeters(Vertx vertx) {
    JsonObject created = await(api.createSession("Metrics", "post"));
    String code = created.getString("code");
    JsonObject alice = await(api.join(code, "Alice"));
    BridgeClient socket = await(BridgeClient.connect(vertx, server.port()));
    socket.register(Addresses.publicOf(code), null);
    await(socket.command(new JsonObject().put("type", "sync").put("session", code), null));
    await(api.ask(code, alice.getString("token"), "Who measures the measurers?"));
    await(api.ask(code, "not-a-token", "Refused"));

    HttpResponse<?> response = await(api.call(HttpMethod.GET, "/metrics", null, null));
    String text = response.bodyAsString();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("content-type")).startsWith("text/plain");
    assertThat(text).contains("openfloor_bridge_connections 1.0", "openfloor_sessions_loaded 1.0",
        "openfloor_log_append_seconds_count", "jvm_memory_used_bytes", "process_cpu_usage");
    assertThat(text).containsPattern("openfloor_updates_pushed_total [1-9]");
    assertThat(text).containsPattern("openfloor_commands_total\\{outcome=\"accepted\",type=\"ask\"} 1\\.0");
    assertThat(text).containsPattern("openfloor_commands_total\\{outcome=\"rejected\",type=\"ask\"} 1\\.0");
    await(socket.close());
  }
}
