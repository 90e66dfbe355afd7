package org.openfloor.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
@DisplayName("Live polls over HTTP and the SockJS bridge")
class LivePollsTest {
  private static final int ROOM = 50;

  @TempDir
  Path dataDir;

  private TestServer server;
  private Api api;
  private String code;
  private String moderatorToken;
  private final List<BridgeClient> sockets = new ArrayList<>();

  @BeforeEach
  void startServerAndSession(Vertx vertx) {
    server = await(TestServer.start(vertx, dataDir));
    api = new Api(vertx, server.port());
    JsonObject created = await(api.createSession("Concluding session", "post"));
    code = created.getString("code");
    moderatorToken = created.getString("moderatorToken");
  }

  @AfterEach
  void stop() {
    sockets.forEach(BridgeClient::close);
    api.close();
    await(server.stop());
  }

  private BridgeClient listen(Vertx vertx, String token, String... addresses) {
    BridgeClient client = await(BridgeClient.connect(vertx, server.port()));
    sockets.add(client);
    for (String address : addresses) {
      client.register(address, token);
    }
    await(client.command(new JsonObject().put("type", "sync").put("session", code), null));
    return client;
  }

  private String pollsPath() {
    return "/api/sessions/" + code + "/polls";
  }

  private String createPoll(JsonObject body) {
    HttpResponse<Buffer> created = await(api.call(HttpMethod.POST, pollsPath(), moderatorToken, body));
    assertThat(created.statusCode()).isEqualTo(201);
    return created.bodyAsJsonObject().getString("id");
  }

  private int setState(String pollId, String state) {
    return await(api.call(HttpMethod.PATCH, pollsPath() + "/" + pollId, moderatorToken, new JsonObject().put("state", state))).statusCode();
  }

  private HttpResponse<Buffer> vote(String token, String pollId, JsonObject vote) {
    return await(api.call(HttpMethod.PUT, pollsPath() + "/" + pollId + "/vote", token, vote));
  }

  private static JsonObject choices(String... optionIds) {
    return new JsonObject().put("choices", new JsonArray(List.of(optionIds)));
  }

  private static List<JsonObject> ofType(BridgeClient client, String address, String... types) {
    List<String> wanted = List.of(types);
    return client.bodiesOn(address).stream().filter(b -> wanted.contains(b.getString("type"))).toList();
  }

  private static List<Integer> counts(JsonObject poll) {
    return poll.getJsonArray("options").stream().map(o -> ((JsonObject) o).getInteger("count")).toList();
  }

  private JsonObject pollIn(JsonObject snapshot, String pollId) {
    return snapshot.getJsonArray("polls").stream().map(p -> (JsonObject) p)
        .filter(p -> pollId.equals(p.getString("id"))).findFirst().orElseThrow();
  }

  @Test
  @Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
  @DisplayName("fifty attendees vote over their sockets; the moderator and the screen see the exact tally, coalesced")
  void roomVotes(Vertx vertx, VertxTestContext testContext) {
    String pollId = createPoll(new JsonObject().put("question", "Next step?").put("kind", "single")
        .put("options", new JsonArray(List.of("Publish", "Consult", "Wait"))));
    assertThat(setState(pollId, "open")).isEqualTo(200);
    BridgeClient moderator = listen(vertx, moderatorToken, Addresses.moderatorsOf(code));
    BridgeClient screen = listen(vertx, null, Addresses.publicOf(code));
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < ROOM; i++) {
      tokens.add(await(api.join(code, "Voter " + i)).getString("token"));
    }
    List<BridgeClient> phones = tokens.stream().map(token -> listen(vertx, token)).toList();

    Checkpoint bothSeeEveryVote = testContext.checkpoint(2);
    expectFinalTally(testContext, bothSeeEveryVote, moderator, Addresses.moderatorsOf(code), pollId);
    expectFinalTally(testContext, bothSeeEveryVote, screen, Addresses.publicOf(code), pollId);
    List<Future<JsonObject>> replies = new ArrayList<>();
    for (int i = 0; i < ROOM; i++) {
      JsonObject command = choices("o" + (i % 3 + 1)).put("type", "poll.vote").put("session", code)
          .put("pollId", pollId);
      replies.add(phones.get(i).command(command, tokens.get(i)));
    }
    testContext.verify(() -> assertThat(await(Future.all(replies)).<JsonObject>list())
        .allSatisfy(reply -> assertThat(reply.getString("type")).isEqualTo("rec")));
  }

  private void expectFinalTally(VertxTestContext testContext, Checkpoint checkpoint, BridgeClient client,
                                String address, String pollId) {
    AtomicBoolean seen = new AtomicBoolean();
    client.onFrame(frame -> {
      JsonObject body = frame.getJsonObject("body");
      if (!address.equals(frame.getString("address")) || !"pollResults".equals(body.getString("type"))
          || body.getJsonObject("poll").getInteger("total") != ROOM || !seen.compareAndSet(false, true)) {
        return;
      }
      testContext.verify(() -> {
        assertThat(body.getJsonObject("poll").getString("id")).isEqualTo(pollId);
        assertThat(counts(body.getJsonObject("poll"))).containsExactly(17, 17, 16);
        assertThat(ofType(client, address, "pollResults")).hasSizeLessThan(ROOM / 2);
        assertThat(ofType(client, address, "pollResults")).extracting(b -> b.getLong("seq")).isSorted();
      });
      checkpoint.flag();
    });
  }

  @Test
  @Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
  @DisplayName("results shown only once closed stay out of the public pushes and snapshots until the poll closes")
  void hiddenUntilClosed(Vertx vertx, VertxTestContext testContext) {
    JsonObject alice = await(api.join(code, "Alice"));
    JsonObject bob = await(api.join(code, "Bob"));
    String aliceAddress = Addresses.participant(alice.getString("id"));
    BridgeClient moderator = listen(vertx, moderatorToken, Addresses.moderatorsOf(code));
    BridgeClient screen = listen(vertx, null, Addresses.publicOf(code));
    BridgeClient alicePhone = listen(vertx, alice.getString("token"), Addresses.publicOf(code), aliceAddress);
    String pollId = createPoll(new JsonObject().put("question", "Confidence?").put("kind", "rating")
        .put("scale", 10).put("showResults", "closed"));
    setState(pollId, "open");
    assertThat(vote(alice.getString("token"), pollId, new JsonObject().put("rating", 8)).statusCode()).isEqualTo(200);
    assertThat(vote(bob.getString("token"), pollId, new JsonObject().put("rating", 3)).statusCode()).isEqualTo(200);
    LiveQaTest.waitUntil(() -> ofType(moderator, Addresses.moderatorsOf(code), "pollResults").stream()
        .anyMatch(b -> b.getJsonObject("poll").getInteger("total") == 2));

    JsonObject publicPoll = pollIn(await(api.snapshot(code, null)), pollId);
    JsonObject alicePoll = pollIn(await(api.snapshot(code, alice.getString("token"))), pollId);
    JsonObject moderatorPoll = pollIn(await(api.snapshot(code, moderatorToken)), pollId);
    testContext.verify(() -> {
      for (JsonObject hidden : List.of(publicPoll, alicePoll)) {
        assertThat(hidden.getBoolean("resultsHidden")).isTrue();
        assertThat(hidden.fieldNames()).doesNotContain("total", "average", "distribution", "words");
      }
      assertThat(alicePoll.getJsonObject("myVote")).isEqualTo(new JsonObject().put("rating", 8));
      assertThat(moderatorPoll.getInteger("total")).isEqualTo(2);
      assertThat(moderatorPoll.getDouble("average")).isEqualTo(5.5);
      assertThat(ofType(alicePhone, aliceAddress, "pollVote")).extracting(b -> b.getJsonObject("myVote"))
          .containsExactly(new JsonObject().put("rating", 8));
      for (BridgeClient attendee : List.of(screen, alicePhone)) {
        assertThat(ofType(attendee, Addresses.publicOf(code), "pollResults")).isEmpty();
        assertThat(ofType(attendee, Addresses.publicOf(code), "poll")).singleElement()
            .satisfies(b -> assertThat(b.getJsonObject("poll").fieldNames()).doesNotContain("total", "average"));
      }
    });

    Checkpoint closedResultReachesScreen = testContext.checkpoint();
    screen.onFrame(frame -> {
      JsonObject poll = frame.getJsonObject("body").getJsonObject("poll");
      if (poll != null && "closed".equals(poll.getString("state"))) {
        testContext.verify(() -> {
          assertThat(poll.getInteger("total")).isEqualTo(2);
          assertThat(poll.getDouble("average")).isEqualTo(5.5);
        });
        api.snapshot(code, null).onComplete(testContext.succeeding(snapshot -> testContext.verify(() -> {
          assertThat(pollIn(snapshot, pollId).getJsonArray("distribution")).containsExactly(0, 0, 1, 0, 0, 0, 0, 1, 0, 0);
          closedResultReachesScreen.flag();
        })));
      }
    });
    setState(pollId, "closed");
  }

  @Test
  @Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
  @DisplayName("bad votes and poll commands from the wrong people are refused and change nothing")
  void badInput(VertxTestContext testContext) {
    String alice = await(api.join(code, "Alice")).getString("token");
    String multi = createPoll(new JsonObject().put("question", "Which?").put("kind", "multi").put("maxChoices", 2)
        .put("options", new JsonArray(List.of("A", "B", "C"))));
    String words = createPoll(new JsonObject().put("question", "One word?").put("kind", "words"));
    setState(multi, "open");
    setState(words, "open");
    assertThat(vote(alice, multi, choices("o1", "o2")).statusCode()).isEqualTo(200);
    assertThat(vote(alice, words, new JsonObject().put("words", new JsonArray(List.of("Trust")))).statusCode())
        .isEqualTo(200);
    JsonObject before = await(api.snapshot(code, moderatorToken));

    List<Integer> refusals = List.of(
        vote(alice, multi, choices("o4")).statusCode(),
        vote(alice, multi, choices("o1", "o2", "o3")).statusCode(),
        vote(alice, multi, new JsonObject()).statusCode(),
        vote(alice, multi, new JsonObject().put("rating", 3)).statusCode(),
        vote(alice, multi, choices("o1").put("colour", "red")).statusCode(),
        vote(alice, words, new JsonObject().put("words", new JsonArray(List.of("x".repeat(41))))).statusCode(),
        vote(alice, words, new JsonObject().put("words", new JsonArray(List.of("a", "b", "c", "d")))).statusCode(),
        vote(moderatorToken, multi, choices("o1")).statusCode(),
        await(api.call(HttpMethod.POST, pollsPath(), alice, new JsonObject().put("question", "Mine?").put("kind", "words"))).statusCode(),
        await(api.call(HttpMethod.PATCH, pollsPath() + "/" + words + "/words", alice, new JsonObject().put("text", "trust"))).statusCode(),
        vote(alice, "poll999", choices("o1")).statusCode());
    setState(multi, "closed");
    int onClosed = vote(alice, multi, choices("o3")).statusCode();
    JsonObject after = await(api.snapshot(code, moderatorToken));
    JsonObject closedPolls = await(api.call(HttpMethod.GET, pollsPath(), moderatorToken, null)).bodyAsJsonObject();

    testContext.verify(() -> {
      assertThat(refusals).containsExactly(400, 400, 400, 400, 400, 400, 400, 403, 403, 403, 404);
      assertThat(onClosed).isEqualTo(409);
      assertThat(counts(pollIn(after, multi))).isEqualTo(counts(pollIn(before, multi)));
      assertThat(pollIn(after, words).getJsonArray("words")).isEqualTo(pollIn(before, words).getJsonArray("words"));
      assertThat(after.getJsonArray("polls")).hasSize(2);
      assertThat(closedPolls.getJsonArray("polls")).isEqualTo(after.getJsonArray("polls"));
    });
    testContext.completeNow();
  }

  @Test
  @Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
  @DisplayName("the moderator hides a word-cloud entry from the screen and keeps seeing it flagged")
  void hideWord(Vertx vertx, VertxTestContext testContext) {
    String alice = await(api.join(code, "Alice")).getString("token");
    String bob = await(api.join(code, "Bob")).getString("token");
    String pollId = createPoll(new JsonObject().put("question", "One word?").put("kind", "words"));
    setState(pollId, "open");
    vote(alice, pollId, new JsonObject().put("words", new JsonArray(List.of("Rude word", "Trust"))));
    vote(bob, pollId, new JsonObject().put("words", new JsonArray(List.of("rude  WORD"))));
    HttpResponse<Buffer> hidden = await(api.call(HttpMethod.PATCH, pollsPath() + "/" + pollId + "/words", moderatorToken,
        new JsonObject().put("text", "RUDE word").put("hidden", true)));
    JsonObject publicPoll = pollIn(await(api.snapshot(code, null)), pollId);
    JsonObject moderatorPoll = pollIn(await(api.snapshot(code, moderatorToken)), pollId);
    testContext.verify(() -> {
      assertThat(hidden.statusCode()).isEqualTo(200);
      assertThat(publicPoll.getJsonArray("words")).containsExactly(new JsonObject().put("text", "Trust").put("count", 1));
      assertThat(moderatorPoll.getJsonArray("words")).containsExactly(
          new JsonObject().put("text", "Rude word").put("count", 2).put("hidden", true),
          new JsonObject().put("text", "Trust").put("count", 1).put("hidden", false));
    });
    testContext.completeNow();
  }
}
