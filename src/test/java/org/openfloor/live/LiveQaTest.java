package org.openfloor.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.testing.Api;
import org.openfloor.testing.BridgeClient;
import org.openfloor.testing.TestServer;
import static org.openfloor.testing.Await.await;
import org.openfloor.live.wire.Addresses;

@ExtendWith(VertxExtension.class)
@DisplayName("Live Q&A over HTTP and the SockJS bridge")
class LiveQaTest {
  @TempDir
  Path dataDir;

  private TestServer server;
  private Api api;
  private String code;
  private String moderatorToken;

  @BeforeEach
  void startServerAndSession(Vertx vertx) {
    server = await(TestServer.start(vertx, dataDir));
    api = new Api(vertx, server.port());
    JsonObject created = await(api.createSession("Concluding session", "pre"));
    code = created.getString("code");
    moderatorToken = created.getString("moderatorToken");
  }

  @AfterEach
  void stop() {
    api.close();
    await(server.stop());
  }

  private BridgeClient listen(Vertx vertx, String token, String... addresses) {
    BridgeClient client = await(BridgeClient.connect(vertx, server.port()));
    for (String address : addresses) {
      client.register(address, token);
    }
    await(client.command(new JsonObject().put("type", "sync").put("session", code), null));
    return client;
  }

  @Test
  @Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
  @DisplayName("an approved question reaches the moderator and both attendees within a second, seq increasing")
  void approvedQuestionReachesEveryone(Vertx vertx, VertxTestContext testContext) {
    JsonObject alice = await(api.join(code, "Alice"));
    JsonObject bob = await(api.join(code, "Bob"));
    String aliceAddress = "openfloor.participant." + alice.getString("id");
    BridgeClient moderator = listen(vertx, moderatorToken, Addresses.moderatorsOf(code));
    BridgeClient aliceSocket = listen(vertx, alice.getString("token"), Addresses.publicOf(code), aliceAddress);
    BridgeClient bobSocket = listen(vertx, bob.getString("token"), Addresses.publicOf(code));

    JsonObject asked = await(aliceSocket.command(new JsonObject().put("type", "ask").put("session", code)
        .put("text", "How will the messages be followed up?"), alice.getString("token")));
    JsonObject question = asked.getJsonObject("body");
    long askedSeq = question.getLong("seq");

    Checkpoint bothAttendees = testContext.checkpoint(2);
    long approvedAt = System.nanoTime();
    for (BridgeClient attendee : List.of(aliceSocket, bobSocket)) {
      attendee.onFrame(frame -> {
        JsonObject body = frame.getJsonObject("body");
        if (Addresses.publicOf(code).equals(frame.getString("address")) && "question".equals(body.getString("type"))) {
          testContext.verify(() -> {
            assertThat(body.getJsonObject("question").getString("status")).isEqualTo("visible");
            assertThat(body.getLong("seq")).isGreaterThan(askedSeq);
            assertThat(System.nanoTime() - approvedAt).isLessThan(TimeUnit.SECONDS.toNanos(1));
          });
          bothAttendees.flag();
        }
      });
    }
    testContext.verify(() -> {
      assertThat(question.getString("status")).isEqualTo("pending");
      assertThat(moderator.bodiesOn(Addresses.moderatorsOf(code))).extracting(b -> b.getString("type")).contains("question");
      assertThat(aliceSocket.bodiesOn(aliceAddress)).extracting(b -> b.getJsonObject("question").getString("status"))
          .containsExactly("pending");
      assertThat(bobSocket.bodiesOn(Addresses.publicOf(code))).isEmpty();
    });
    await(api.moderate(code, moderatorToken, question.getString("id"), new JsonObject().put("status", "visible")));
  }

  @Test
  @Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
  @DisplayName("upvotes reach the room as one coalesced count, and a second vote is refused")
  void votesAreCoalesced(Vertx vertx, VertxTestContext testContext) {
    JsonObject alice = await(api.join(code, "Alice"));
    String questionId = await(api.ask(code, alice.getString("token"), "Q")).getString("id");
    await(api.moderate(code, moderatorToken, questionId, new JsonObject().put("status", "visible")));
    BridgeClient screen = listen(vertx, null, Addresses.publicOf(code));
    Checkpoint tenVotes = testContext.checkpoint();
    screen.onFrame(frame -> {
      JsonObject body = frame.getJsonObject("body");
      if (body != null && "votes".equals(body.getString("type"))
          && body.getJsonObject("votes").getInteger(questionId) == 10) {
        testContext.verify(() -> assertThat(screen.bodiesOn(Addresses.publicOf(code))
            .stream().filter(b -> "votes".equals(b.getString("type"))).count()).isLessThan(10));
        tenVotes.flag();
      }
    });
    List<String> tokens = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      tokens.add(await(api.join(code, "Voter " + i)).getString("token"));
    }
    List<io.vertx.core.Future<Integer>> votes = tokens.stream()
        .map(token -> api.vote(code, token, questionId).map(r -> r.statusCode())).toList();
    testContext.verify(() -> {
      assertThat(await(io.vertx.core.Future.all(votes)).list()).containsOnly(200);
      assertThat(await(api.vote(code, tokens.get(0), questionId)).statusCode()).isEqualTo(409);
    });
  }

  @Test
  @Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
  @DisplayName("a client that lost its connection gets exactly the events it missed")
  void resumeAfterDrop(Vertx vertx, VertxTestContext testContext) {
    JsonObject alice = await(api.join(code, "Alice"));
    String aliceToken = alice.getString("token");
    BridgeClient bob = listen(vertx, null, Addresses.publicOf(code));
    String first = await(api.ask(code, aliceToken, "First")).getString("id");
    await(api.moderate(code, moderatorToken, first, new JsonObject().put("status", "visible")));
    waitUntil(() -> bob.bodiesOn(Addresses.publicOf(code)).size() == 1);
    long lastSeen = bob.bodiesOn(Addresses.publicOf(code)).get(0).getLong("seq");
    await(bob.close());

    String second = await(api.ask(code, aliceToken, "Second")).getString("id");
    String third = await(api.ask(code, aliceToken, "Third")).getString("id");
    await(api.moderate(code, moderatorToken, second, new JsonObject().put("status", "visible")));
    await(api.moderate(code, moderatorToken, third, new JsonObject().put("status", "visible")));
    await(api.moderate(code, moderatorToken, first, new JsonObject().put("status", "answered")));

    JsonObject missed = await(api.call(HttpMethod.GET, "/api/sessions/" + code + "/events?after=" + lastSeen, null, null)).bodyAsJsonObject();
    testContext.verify(() -> {
      assertThat(missed.getBoolean("complete")).isTrue();
      List<JsonObject> bodies = missed.getJsonArray("events").stream()
          .map(e -> ((JsonObject) e).getJsonObject("body")).toList();
      assertThat(bodies).extracting(b -> b.getJsonObject("question").getString("id")).containsExactly(second, third, first);
      assertThat(bodies).extracting(b -> b.getLong("seq")).isSorted().allMatch(seq -> seq > lastSeen);
      assertThat(bodies).extracting(b -> b.getJsonObject("question").getString("status"))
          .containsExactly("visible", "visible", "answered");
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("a retried command with the same requestId is applied once and answered the same")
  void retriedRequestIsANoOp(VertxTestContext testContext) {
    String token = await(api.join(code, "Alice")).getString("token");
    JsonObject body = new JsonObject().put("text", "Only once").put("requestId", "r-1");
    JsonObject first = await(api.call(HttpMethod.POST, "/api/sessions/" + code + "/questions", token, body))
        .bodyAsJsonObject();
    JsonObject second = await(api.call(HttpMethod.POST, "/api/sessions/" + code + "/questions", token, body))
        .bodyAsJsonObject();
    JsonObject snapshot = await(api.snapshot(code, moderatorToken));
    testContext.verify(() -> {
      assertThat(second).isEqualTo(first);
      assertThat(snapshot.getJsonArray("questions")).hasSize(1);
    });
    testContext.completeNow();
  }

  static void waitUntil(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 5 s");
      }
      java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }
}
