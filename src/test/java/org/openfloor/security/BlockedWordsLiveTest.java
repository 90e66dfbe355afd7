package org.openfloor.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.testing.Api;
import org.openfloor.testing.TestServer;
import static org.openfloor.testing.Await.await;

@ExtendWith(VertxExtension.class)
@DisplayName("Blocked words send questions to moderation")
class BlockedWordsLiveTest {
  @TempDir
  Path dataDir;

  @Test
  @DisplayName("server-wide and per-session words hold matching questions as pending, seen by moderators only")
  void matchingQuestionsWaitForTheModerator(Vertx vertx, VertxTestContext testContext) {
    TestServer server = await(TestServer.start(vertx, dataDir, new JsonObject().put("blockedWords", "darn, über alles")));
    Api api = new Api(vertx, server.port());
    JsonObject created = await(api.createSession("Words", "post"));
    String code = created.getString("code");
    String moderator = created.getString("moderatorToken");
    String alice = await(api.join(code, "Alice")).getString("token");

    JsonObject clean = await(api.ask(code, alice, "A clean question"));
    JsonObject serverWide = await(api.ask(code, alice, "Oh DÁRN, why?"));
    int patched = await(api.call(HttpMethod.PATCH, "/api/sessions/" + code, moderator,
        new JsonObject().put("blockedWords", new JsonArray().add("Spam")))).statusCode();
    int attendeePatch = await(api.call(HttpMethod.PATCH, "/api/sessions/" + code, alice,
        new JsonObject().put("blockedWords", new JsonArray()))).statusCode();
    JsonObject perSession = await(api.ask(code, alice, "Buy spám now"));
    JsonObject substring = await(api.ask(code, alice, "Spammers are a problem"));
    JsonObject publicView = await(api.snapshot(code, null));
    JsonObject moderatorView = await(api.snapshot(code, moderator));

    testContext.verify(() -> {
      assertThat(clean.getString("status")).isEqualTo("visible");
      assertThat(serverWide.getString("status")).isEqualTo("pending");
      assertThat(patched).isEqualTo(200);
      assertThat(attendeePatch).isEqualTo(403);
      assertThat(perSession.getString("status")).isEqualTo("pending");
      assertThat(substring.getString("status")).isEqualTo("visible");
      assertThat(publicView.getJsonArray("questions").stream().map(q -> ((JsonObject) q).getString("text")))
          .containsExactlyInAnyOrder("A clean question", "Spammers are a problem");
      assertThat(moderatorView.getJsonArray("questions")).hasSize(4);
      assertThat(moderatorView.getJsonArray("blockedWords")).containsExactly("Spam");
      assertThat(moderatorView.getJsonArray("serverBlockedWords")).containsExactly("darn", "über alles");
      assertThat(publicView.containsKey("blockedWords")).isFalse();
    });
    api.close();
    await(server.stop());
    testContext.completeNow();
  }
}
