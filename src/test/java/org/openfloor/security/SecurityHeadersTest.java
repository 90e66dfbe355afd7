package org.openfloor.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.app.ConfigLoader;
import org.openfloor.app.OpenFloorConfig;
import org.openfloor.app.ServerVerticle;
import org.openfloor.log.CommandLog;
import org.openfloor.log.LogEntry;
import org.openfloor.log.LogSubscription;
import org.openfloor.log.SqliteCommandLog;
import org.openfloor.testing.Api;
import org.openfloor.testing.TestServer;
import static org.openfloor.testing.Await.await;

@ExtendWith(VertxExtension.class)
@DisplayName("Browser protections on every response")
class SecurityHeadersTest {
  @TempDir
  Path dataDir;

  @Test
  @DisplayName("pages and API answers carry a CSP without inline script, no framing, no referrer and nosniff")
  void pagesAreLockedDown(Vertx vertx, VertxTestContext testContext) {
    TestServer server = await(TestServer.start(vertx, dataDir));
    Api api = new Api(vertx, server.port());
    HttpResponse<Buffer> page = await(api.call(HttpMethod.GET, "/attend.html", null, null));
    HttpResponse<Buffer> apiAnswer = await(api.call(HttpMethod.GET, "/api/sessions/ZZZZZZ", null, null));
    testContext.verify(() -> {
      for (HttpResponse<Buffer> response : java.util.List.of(page, apiAnswer)) {
        String csp = response.getHeader("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
            .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
      }
      assertThat(page.bodyAsString()).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
    });
    api.close();
    await(server.stop());
    testContext.completeNow();
  }

  @Test
  @DisplayName("the screen page may be framed by the configured ancestors and no other page may")
  void screenEmbeddableWhereConfigured(Vertx vertx, VertxTestContext testContext) {
    TestServer server = await(TestServer.start(vertx, dataDir,
        new JsonObject().put("screenFrameAncestors", "https://stream.example.org")));
    Api api = new Api(vertx, server.port());
    HttpResponse<Buffer> screen = await(api.call(HttpMethod.GET, "/screen.html", null, null));
    HttpResponse<Buffer> moderator = await(api.call(HttpMethod.GET, "/moderate.html", null, null));
    testContext.verify(() -> {
      assertThat(screen.getHeader("Content-Security-Policy")).endsWith("frame-ancestors https://stream.example.org");
      assertThat(screen.getHeader("X-Frame-Options")).isNull();
      assertThat(moderator.getHeader("Content-Security-Policy")).endsWith("frame-ancestors 'none'");
      assertThat(moderator.getHeader("X-Frame-Options")).isEqualTo("DENY");
    });
    api.close();
    await(server.stop());
    testContext.completeNow();
  }

  @Test
  @DisplayName("an internal failure answers a generic 500 without stack trace or exception text")
  void noStackTracesToClients(Vertx vertx, VertxTestContext testContext) {
    OpenFloorConfig config = ConfigLoader.defaultsWith(new JsonObject().put("httpPort", 0).put("httpHost", "127.0.0.1")
        .put("dataDir", dataDir.toString()).put("answerTimeoutMillis", 300));
    ServerVerticle verticle = new ServerVerticle(config, v -> SqliteCommandLog.open(v, dataDir.resolve("openfloor.db"))
        .map(DeafLog::new));
    await(vertx.deployVerticle(verticle));
    Api api = new Api(vertx, verticle.port());
    HttpResponse<Buffer> failed = await(api.call(HttpMethod.POST, "/api/sessions", null,
        new JsonObject().put("title", "Never applied")));
    testContext.verify(() -> {
      assertThat(failed.statusCode()).isEqualTo(500);
      assertThat(failed.bodyAsJsonObject()).isEqualTo(new JsonObject().put("error", "internal")
          .put("message", "internal error"));
      assertThat(failed.bodyAsString()).doesNotContain("Exception", "at org.", "applied", "seq");
    });
    api.close();
    testContext.completeNow();
  }

  /** A real log that never tells its followers about new entries, so no command is ever answered. */
  private record DeafLog(CommandLog log) implements CommandLog {
    @Override
    public Future<Void> delete(String session) {
      return log.delete(session);
    }

    @Override
    public Future<java.util.List<String>> sessions() {
      return log.sessions();
    }

    @Override
    public Future<LogEntry> append(String session, String payload) {
      return log.append(session, payload);
    }

    @Override
    public Future<List<LogEntry>> read(String session, long afterSeq, int limit) {
      return log.read(session, afterSeq, limit);
    }

    @Override
    public LogSubscription follow(String session, long afterSeq, Handler<LogEntry> handler) {
      return () -> { };
    }

    @Override
    public Future<Void> saveSnapshot(String session, long seq, String state) {
      return log.saveSnapshot(session, seq, state);
    }

    @Override
    public Future<Optional<Snapshot>> latestSnapshot(String session) {
      return log.latestSnapshot(session);
    }

    @Override
    public Future<Void> trim(String session, long upToSeq) {
      return log.trim(session, upToSeq);
    }

    @Override
    public Future<Boolean> ready() {
      return log.ready();
    }

    @Override
    public Future<Void> close() {
      return log.close();
    }
  }
}
