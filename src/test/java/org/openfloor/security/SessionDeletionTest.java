package org.openfloor.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.domain.Command.CreateSession;
import org.openfloor.domain.Command.UpdateSession;
import org.openfloor.domain.Moderation;
import org.openfloor.domain.Phase;
import org.openfloor.live.LiveOptions;
import org.openfloor.live.RetentionSweep;
import org.openfloor.live.SessionRegistry;
import org.openfloor.live.Submission;
import org.openfloor.edge.Tokens;
import org.openfloor.log.CommandLog;
import org.openfloor.log.SqliteCommandLog;
import org.openfloor.testing.Api;
import org.openfloor.testing.TestServer;
import static org.openfloor.testing.Await.await;

@ExtendWith(VertxExtension.class)
@DisplayName("Deleting sessions and their data")
class SessionDeletionTest {
  @TempDir
  Path dataDir;

  @Test
  @DisplayName("only the moderator deletes a session; afterwards it is 404, also after a restart, and its log is empty")
  void moderatorDeletesEverything(Vertx vertx, VertxTestContext testContext) {
    TestServer server = await(TestServer.start(vertx, dataDir));
    Api api = new Api(vertx, server.port());
    JsonObject created = await(api.createSession("Short-lived", "post"));
    String code = created.getString("code");
    String moderator = created.getString("moderatorToken");
    String alice = await(api.join(code, "Alice")).getString("token");
    await(api.ask(code, alice, "Will this be forgotten?"));
    String keptCode = await(api.createSession("Kept", "post")).getString("code");

    int noToken = await(api.call(HttpMethod.DELETE, "/api/sessions/" + code, null, null)).statusCode();
    int attendee = await(api.call(HttpMethod.DELETE, "/api/sessions/" + code, alice, null)).statusCode();
    int deleted = await(api.call(HttpMethod.DELETE, "/api/sessions/" + code, moderator, null)).statusCode();
    int afterwards = await(api.call(HttpMethod.GET, "/api/sessions/" + code, null, null)).statusCode();
    int askAfterwards = await(api.call(HttpMethod.POST, "/api/sessions/" + code + "/questions", alice,
        new JsonObject().put("text", "Still there?"))).statusCode();
    api.close();
    await(server.stop());

    TestServer restarted = await(TestServer.start(vertx, dataDir));
    Api again = new Api(vertx, restarted.port());
    int afterRestart = await(again.call(HttpMethod.GET, "/api/sessions/" + code, null, null)).statusCode();
    int keptAfterRestart = await(again.call(HttpMethod.GET, "/api/sessions/" + keptCode, null, null)).statusCode();
    again.close();
    await(restarted.stop());
    CommandLog log = await(SqliteCommandLog.open(vertx, dataDir.resolve("openfloor.db")));
    int entriesLeft = await(log.read(code, 0, 100)).size();
    List<String> sessions = await(log.sessions());
    await(log.close());

    testContext.verify(() -> {
      assertThat(noToken).isEqualTo(401);
      assertThat(attendee).isEqualTo(403);
      assertThat(deleted).isEqualTo(204);
      assertThat(afterwards).isEqualTo(404);
      assertThat(askAfterwards).isEqualTo(404);
      assertThat(afterRestart).isEqualTo(404);
      assertThat(keptAfterRestart).isEqualTo(200);
      assertThat(entriesLeft).isZero();
      assertThat(sessions).containsExactly(keptCode);
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("the retention sweep removes sessions closed longer ago than the retention and keeps the others")
  void retentionRemovesOldClosedSessions(Vertx vertx, VertxTestContext testContext) {
    CommandLog log = await(SqliteCommandLog.open(vertx, dataDir.resolve("openfloor.db")));
    String moderatorToken = Tokens.next();
    String[] codes = new String[2];
    vertx.runOnContext(v -> {
      SessionRegistry registry = new SessionRegistry(vertx, log, (address, frame) -> { },
          new LiveOptions(100, 100, 100, 5_000));
      RetentionSweep sweep = new RetentionSweep(vertx, registry, Duration.ofDays(30));
      long now = System.currentTimeMillis();
      create(registry, moderatorToken)
          .compose(closed -> {
            codes[0] = closed;
            return create(registry, moderatorToken);
          })
          .compose(open -> {
            codes[1] = open;
            return registry.existing(codes[0]);
          })
          .compose(hub -> hub.submit(new Submission(new UpdateSession(Optional.empty(), Optional.of(Phase.CLOSED),
              Optional.empty(), Optional.empty()), Tokens.hash(moderatorToken), null)))
          .compose(closedAnswer -> {
            registry.unload(codes[0]);
            return sweep.sweep(now + Duration.ofDays(29).toMillis());
          })
          .compose(tooEarly -> sweep.sweep(now + Duration.ofDays(31).toMillis())
              .map(later -> List.of(tooEarly, later)))
          .compose(sweeps -> log.sessions().map(remaining -> List.of(sweeps.get(0), sweeps.get(1), remaining)))
          .onComplete(testContext.succeeding(result -> testContext.verify(() -> {
            assertThat(result.get(0)).isEmpty();
            assertThat(result.get(1)).containsExactly(codes[0]);
            assertThat(result.get(2)).containsExactly(codes[1]);
            assertThat(registry.isLoaded(codes[0])).isFalse();
            registry.closeAll().eventually(log::close).onComplete(c -> testContext.completeNow());
          })));
    });
  }

  private static io.vertx.core.Future<String> create(SessionRegistry registry, String moderatorToken) {
    return registry.create(new CreateSession("Retained?", Tokens.hash(moderatorToken), Moderation.POST))
        .map(SessionRegistry.Created::code);
  }
}
