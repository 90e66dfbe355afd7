package org.openfloor.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.testing.Api;
import org.openfloor.testing.TestServer;
import static org.openfloor.testing.Await.await;

@ExtendWith(VertxExtension.class)
@DisplayName("Bad input over HTTP gets a clear error and changes nothing")
class BadInputTest {
  @TempDir
  Path dataDir;

  private TestServer server;
  private Api api;
  private String code;
  private String moderatorToken;
  private String aliceToken;
  private String questionId;
  private JsonObject before;

  @BeforeEach
  void startWithOneQuestion(Vertx vertx) {
    server = await(TestServer.start(vertx, dataDir, new JsonObject().put("maxBodyBytes", 2048)));
    api = new Api(vertx, server.port());
    JsonObject created = await(api.createSession("Bad input", "post"));
    code = created.getString("code");
    moderatorToken = created.getString("moderatorToken");
    aliceToken = await(api.join(code, "Alice")).getString("token");
    questionId = await(api.ask(code, aliceToken, "A fair question")).getString("id");
    await(api.vote(code, aliceToken, questionId));
    before = await(api.snapshot(code, moderatorToken));
  }

  @AfterEach
  void stop() {
    api.close();
    await(server.stop());
  }

  private void assertRefused(VertxTestContext testContext, HttpResponse<Buffer> response, int status, String error) {
    JsonObject after = await(api.snapshot(code, moderatorToken));
    testContext.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(status);
      assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo(error);
      assertThat(response.bodyAsJsonObject().getString("message")).isNotBlank();
      assertThat(after.getLong("seq")).isGreaterThanOrEqualTo(before.getLong("seq"));
      assertThat(after.getJsonArray("questions")).isEqualTo(before.getJsonArray("questions"));
      assertThat(after.getJsonArray("participants")).isEqualTo(before.getJsonArray("participants"));
    });
    testContext.completeNow();
  }

  private HttpResponse<Buffer> ask(String token, JsonObject body) {
    return await(api.call(HttpMethod.POST, "/api/sessions/" + code + "/questions", token, body));
  }

  @Test
  @DisplayName("an empty question is 400")
  void emptyText(VertxTestContext testContext) {
    assertRefused(testContext, ask(aliceToken, new JsonObject().put("text", "   ")), 400, "bad_input");
  }

  @Test
  @DisplayName("a question over 500 characters is 400")
  void oversizedText(VertxTestContext testContext) {
    assertRefused(testContext, ask(aliceToken, new JsonObject().put("text", "é".repeat(501))), 400, "bad_input");
  }

  @Test
  @DisplayName("a question with control characters is 400")
  void controlCharacters(VertxTestContext testContext) {
    assertRefused(testContext, ask(aliceToken, new JsonObject().put("text", "nul\u0000byte")), 400, "bad_input");
  }

  @Test
  @DisplayName("an unknown field is 400")
  void unknownField(VertxTestContext testContext) {
    assertRefused(testContext, ask(aliceToken, new JsonObject().put("text", "Hi").put("status", "visible")), 400,
        "bad_input");
  }

  @Test
  @DisplayName("a field of the wrong type is 400")
  void wrongType(VertxTestContext testContext) {
    assertRefused(testContext, ask(aliceToken, new JsonObject().put("text", 42)), 400, "bad_input");
  }

  @Test
  @DisplayName("a body that is not JSON is 400")
  void notJson(VertxTestContext testContext) {
    HttpResponse<Buffer> response = await(api.raw(HttpMethod.POST, "/api/sessions/" + code + "/participants",
        "application/json", Buffer.buffer("{name: oops")));
    assertRefused(testContext, response, 400, "bad_input");
  }

  @Test
  @DisplayName("a body over the configured limit is 413")
  void oversizedBody(VertxTestContext testContext) {
    HttpResponse<Buffer> response = ask(aliceToken, new JsonObject().put("text", "x".repeat(5_000)));
    assertRefused(testContext, response, 413, "too_large");
  }

  @Test
  @DisplayName("an unknown session is 404")
  void unknownSession(VertxTestContext testContext) {
    HttpResponse<Buffer> response = await(api.call(HttpMethod.POST, "/api/sessions/ZZZZZZ/questions", aliceToken,
        new JsonObject().put("text", "Hello")));
    assertRefused(testContext, response, 404, "not_found");
  }

  @Test
  @DisplayName("a wrong token is 401 and no token is 401")
  void wrongToken(VertxTestContext testContext) {
    assertThat(ask(null, new JsonObject().put("text", "Hello")).statusCode()).isEqualTo(401);
    assertRefused(testContext, ask("not-a-real-token", new JsonObject().put("text", "Hello")), 401, "unauthenticated");
  }

  @Test
  @DisplayName("an attendee moderating is 403")
  void attendeeModerating(VertxTestContext testContext) {
    HttpResponse<Buffer> response = await(api.moderate(code, aliceToken, questionId, new JsonObject().put("status", "hidden")));
    assertRefused(testContext, response, 403, "forbidden");
  }

  @Test
  @DisplayName("a second vote by the same participant is 409")
  void secondVote(VertxTestContext testContext) {
    assertRefused(testContext, await(api.vote(code, aliceToken, questionId)), 409, "conflict");
  }

  @Test
  @DisplayName("a request from a foreign browser origin is 403")
  void foreignOrigin(Vertx vertx, VertxTestContext testContext) {
    HttpResponse<Buffer> response = await(io.vertx.ext.web.client.WebClient.create(vertx)
        .post(server.port(), "127.0.0.1", "/api/sessions/" + code + "/questions")
        .putHeader("Origin", "https://evil.example").bearerTokenAuthentication(aliceToken)
        .sendJsonObject(new JsonObject().put("text", "Hello")));
    assertRefused(testContext, response, 403, "forbidden");
  }

  @Test
  @DisplayName("a request from the server's own origin passes")
  void ownOrigin(Vertx vertx, VertxTestContext testContext) {
    HttpResponse<Buffer> response = await(io.vertx.ext.web.client.WebClient.create(vertx)
        .post(server.port(), "127.0.0.1", "/api/sessions/" + code + "/questions")
        .putHeader("Origin", "http://127.0.0.1:" + server.port()).bearerTokenAuthentication(aliceToken)
        .sendJsonObject(new JsonObject().put("text", "Hello")));
    testContext.verify(() -> assertThat(response.statusCode()).isEqualTo(201));
    testContext.completeNow();
  }
}
