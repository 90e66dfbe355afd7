package org.openfloor.live;

import static org.assertj.core.api.Assertions.assertThat;

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
@DisplayName("The open-mic queue over HTTP and the SockJS bridge")
class MicQueueLiveTest {
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
    JsonObject created = await(api.createSession("Open floor", "post"));
    code = created.getString("code");
    moderatorToken = created.getString("moderatorToken");
  }

  @AfterEach
  void stop() {
    api.close();
    await(server.stop());
  }

  private String queuePath(String suffix) {
    return "/api/sessions/" + code + "/queue" + suffix;
  }

  private HttpResponse<Buffer> call(HttpMethod method, String suffix, String token, JsonObject body) {
    return await(api.call(method, queuePath(suffix), token, body));
  }

  private JsonObject queueOf(String token) {
    return await(api.snapshot(code, token)).getJsonObject("queue");
  }

  private BridgeClient phone(Vertx vertx, String token, String... addresses) {
    BridgeClient client = await(BridgeClient.connect(vertx, server.port()));
    for (String address : addresses) {
      client.register(address, token);
    }
    await(client.command(new JsonObject().put("type", "sync").put("session", code), null));
    return client;
  }

  private JsonObject bridgeCommand(BridgeClient client, String token, String type, JsonObject fields) {
    return await(client.command(fields.copy().put("type", type).put("session", code), token));
  }

  @Test
  @Timeout(value = 15, timeUnit = TimeUnit.SECONDS)
  @DisplayName("three phones ask for the floor over the bridge and see their places move when the moderator calls next")
  void positionsUpdateLiveOnEveryPhone(Vertx vertx, VertxTestContext testContext) {
    List<String> names = List.of("Alice", "Bob", "Carol");
    List<JsonObject> people = names.stream().map(name -> await(api.join(code, name))).toList();
    BridgeClient moderator = phone(vertx, moderatorToken, Addresses.moderatorsOf(code));
    List<BridgeClient> phones = people.stream().map(p -> phone(vertx, p.getString("token"), Addresses.publicOf(code),
        Addresses.participant(p.getString("id")))).toList();

    for (int i = 0; i < 3; i++) {
      JsonObject reply = bridgeCommand(phones.get(i), people.get(i).getString("token"), "queue.request",
          new JsonObject().put("topic", "Point " + i));
      int expected = i + 1;
      testContext.verify(() -> {
        assertThat(reply.getString("type")).isEqualTo("rec");
        assertThat(reply.getJsonObject("body").getInteger("position")).isEqualTo(expected);
        assertThat(reply.getJsonObject("body").getString("id")).startsWith("s");
      });
    }
    String aliceEntry = queueOf(null).getJsonArray("waiting").getJsonObject(0).getString("id");

    Checkpoint everyPhoneAndModerator = testContext.checkpoint(7);
    for (int i = 0; i < 3; i++) {
      String myAddress = Addresses.participant(people.get(i).getString("id"));
      int expectedPosition = i;
      phones.get(i).onFrame(frame -> {
        JsonObject body = frame.getJsonObject("body");
        if (body == null || !(body.getValue("type") instanceof String type)) {
          return;
        }
        if (myAddress.equals(frame.getString("address")) && "myQueue".equals(type)) {
          testContext.verify(() -> {
            assertThat(body.getInteger("position")).isEqualTo(expectedPosition);
            assertThat(body.getBoolean("speaking")).isEqualTo(expectedPosition == 0);
            assertThat(body.getBoolean("next")).isEqualTo(expectedPosition == 1);
            assertThat(body.getJsonObject("entry").getString("name")).isEqualTo(names.get(expectedPosition));
          });
          everyPhoneAndModerator.flag();
        } else if ("queue".equals(type) && body.getJsonObject("queue").getJsonObject("current") != null) {
          testContext.verify(() -> assertCalledAlice(body.getJsonObject("queue"), aliceEntry));
          everyPhoneAndModerator.flag();
        }
      });
    }
    moderator.onFrame(frame -> {
      JsonObject body = frame.getJsonObject("body");
      if (body != null && "queue".equals(body.getValue("type"))
          && body.getJsonObject("queue").getJsonObject("current") != null) {
        testContext.verify(() -> assertCalledAlice(body.getJsonObject("queue"), aliceEntry));
        everyPhoneAndModerator.flag();
      }
    });
    JsonObject called = bridgeCommand(moderator, moderatorToken, "queue.next", new JsonObject());
    testContext.verify(() -> assertThat(called.getString("type")).isEqualTo("rec"));
  }

  private static void assertCalledAlice(JsonObject queue, String aliceEntry) {
    JsonObject current = queue.getJsonObject("current");
    assertThat(current.getString("id")).isEqualTo(aliceEntry);
    assertThat(current.getString("name")).isEqualTo("Alice");
    assertThat(current.getString("state")).isEqualTo("running");
    assertThat(current.getInteger("limitSeconds")).isEqualTo(120);
    assertThat(current.getLong("startedAt")).isPositive();
    assertThat(queue.getJsonArray("waiting").stream().map(e -> ((JsonObject) e).getString("name")))
        .containsExactly("Bob", "Carol");
    assertThat(queue.getJsonArray("waiting").stream().map(e -> ((JsonObject) e).getInteger("position")))
        .containsExactly(1, 2);
  }

  @Test
  @DisplayName("runs a speakers list over REST: request, reply, point of order, timer, finish, log and balance")
  void restLifeCycle(VertxTestContext testContext) {
    String alice = await(api.join(code, "Alice")).getString("token");
    String bob = await(api.join(code, "Bob")).getString("token");
    String carol = await(api.join(code, "Carol")).getString("token");
    HttpResponse<Buffer> requested = call(HttpMethod.POST, "", alice, new JsonObject().put("remote", true));
    String aliceEntry = requested.bodyAsJsonObject().getString("id");
    call(HttpMethod.POST, "/next", moderatorToken, null);
    HttpResponse<Buffer> reply = call(HttpMethod.POST, "", bob, new JsonObject().put("kind", "reply"));
    HttpResponse<Buffer> order = call(HttpMethod.POST, "", carol, new JsonObject().put("kind", "order"));
    String orderId = order.bodyAsJsonObject().getString("id");
    HttpResponse<Buffer> accepted = call(HttpMethod.POST, "/" + orderId + "/accept", moderatorToken, null);
    HttpResponse<Buffer> paused = call(HttpMethod.POST, "/timer", moderatorToken, new JsonObject().put("action", "pause"));
    HttpResponse<Buffer> extended = call(HttpMethod.POST, "/timer", moderatorToken,
        new JsonObject().put("action", "extend").put("seconds", 60));
    HttpResponse<Buffer> briefing = call(HttpMethod.PATCH, "/" + reply.bodyAsJsonObject().getString("id"),
        moderatorToken, new JsonObject().put("limitSeconds", 300));
    HttpResponse<Buffer> finished = call(HttpMethod.POST, "/timer", moderatorToken, new JsonObject().put("action", "finish"));
    JsonObject queue = queueOf(null);
    JsonObject mine = await(api.snapshot(code, carol)).getJsonObject("me").getJsonObject("queue");
    testContext.verify(() -> {
      assertThat(requested.statusCode()).isEqualTo(201);
      assertThat(requested.bodyAsJsonObject().getInteger("position")).isEqualTo(1);
      assertThat(reply.bodyAsJsonObject().getInteger("position")).isEqualTo(1);
      assertThat(order.statusCode()).isEqualTo(201);
      assertThat(order.bodyAsJsonObject().getValue("position")).isNull();
      assertThat(order.bodyAsJsonObject().getBoolean("pending")).isTrue();
      assertThat(accepted.statusCode()).isEqualTo(200);
      assertThat(paused.bodyAsJsonObject().getJsonObject("current").getString("state")).isEqualTo("paused");
      assertThat(extended.bodyAsJsonObject().getJsonObject("current").getInteger("limitSeconds")).isEqualTo(180);
      assertThat(briefing.statusCode()).isEqualTo(200);
      assertThat(finished.statusCode()).isEqualTo(200);
      assertThat(queue.getValue("current")).isNull();
      assertThat(queue.getJsonArray("waiting").stream().map(e -> ((JsonObject) e).getString("kind")))
          .containsExactly("order", "reply");
      assertThat(queue.getJsonArray("waiting").getJsonObject(1).getInteger("limitSeconds")).isEqualTo(300);
      JsonObject logged = queue.getJsonArray("log").getJsonObject(0);
      assertThat(logged.getString("entryId")).isEqualTo(aliceEntry);
      assertThat(logged.getString("name")).isEqualTo("Alice");
      assertThat(queue.getJsonObject("balance").getJsonObject("byPresence").getJsonObject("remote")
          .getInteger("speakers")).isEqualTo(1);
      assertThat(queue.getJsonObject("balance").getJsonObject("byStakeholder").getJsonObject("unspecified")
          .getInteger("turns")).isEqualTo(1);
      assertThat(mine.getInteger("position")).isEqualTo(1);
      assertThat(mine.getBoolean("next")).isTrue();
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("refuses bad input with the right status and changes nothing")
  void badInputIsRefused(Vertx vertx, VertxTestContext testContext) {
    String nameless = await(api.call(HttpMethod.POST, "/api/sessions/" + code + "/participants", null, new JsonObject())).bodyAsJsonObject().getString("token");
    String alice = await(api.join(code, "Alice")).getString("token");
    String bob = await(api.join(code, "Bob")).getString("token");
    String aliceEntry = call(HttpMethod.POST, "", alice, null).bodyAsJsonObject().getString("id");
    JsonObject before = queueOf(moderatorToken);

    HttpResponse<Buffer> noName = call(HttpMethod.POST, "", nameless, null);
    HttpResponse<Buffer> tooLong = call(HttpMethod.POST, "", bob, new JsonObject().put("topic", "x".repeat(141)));
    HttpResponse<Buffer> badKind = call(HttpMethod.POST, "", bob, new JsonObject().put("kind", "shout"));
    HttpResponse<Buffer> unknownField = call(HttpMethod.POST, "", bob, new JsonObject().put("limitSeconds", 600));
    HttpResponse<Buffer> twice = call(HttpMethod.POST, "", alice, null);
    HttpResponse<Buffer> someoneElses = call(HttpMethod.DELETE, "/" + aliceEntry, bob, null);
    HttpResponse<Buffer> attendeeNext = call(HttpMethod.POST, "/next", alice, null);
    HttpResponse<Buffer> anonymousNext = call(HttpMethod.POST, "/next", null, null);
    HttpResponse<Buffer> badOrder = call(HttpMethod.PATCH, "", moderatorToken,
        new JsonObject().put("order", new JsonArray().add(aliceEntry).add("s999")));
    HttpResponse<Buffer> badAction = call(HttpMethod.POST, "/timer", moderatorToken, new JsonObject().put("action", "stop"));
    HttpResponse<Buffer> noSpeaker = call(HttpMethod.POST, "/timer", moderatorToken, new JsonObject().put("action", "pause"));
    BridgeClient alicePhone = phone(vertx, alice);
    JsonObject overBridge = bridgeCommand(alicePhone, alice, "queue.next", new JsonObject());
    JsonObject after = queueOf(moderatorToken);

    testContext.verify(() -> {
      assertThat(noName.statusCode()).isEqualTo(400);
      assertThat(noName.bodyAsJsonObject().getString("message")).contains("name");
      assertThat(tooLong.statusCode()).isEqualTo(400);
      assertThat(tooLong.bodyAsJsonObject().getString("message")).contains("140");
      assertThat(badKind.statusCode()).isEqualTo(400);
      assertThat(unknownField.statusCode()).isEqualTo(400);
      assertThat(twice.statusCode()).isEqualTo(409);
      assertThat(someoneElses.statusCode()).isEqualTo(403);
      assertThat(attendeeNext.statusCode()).isEqualTo(403);
      assertThat(anonymousNext.statusCode()).isEqualTo(401);
      assertThat(badOrder.statusCode()).isEqualTo(400);
      assertThat(badAction.statusCode()).isEqualTo(400);
      assertThat(noSpeaker.statusCode()).isEqualTo(409);
      assertThat(overBridge.getString("type")).isEqualTo("err");
      assertThat(overBridge.getInteger("failureCode")).isEqualTo(403);
      assertThat(after).isEqualTo(before);
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("refuses requests while the list is closed, and takes them again once reopened")
  void closedList(VertxTestContext testContext) {
    String alice = await(api.join(code, "Alice")).getString("token");
    HttpResponse<Buffer> closed = call(HttpMethod.PATCH, "", moderatorToken, new JsonObject().put("open", false));
    HttpResponse<Buffer> refused = call(HttpMethod.POST, "", alice, null);
    call(HttpMethod.PATCH, "", moderatorToken, new JsonObject().put("open", true));
    HttpResponse<Buffer> taken = call(HttpMethod.POST, "", alice, null);
    HttpResponse<Buffer> cleared = call(HttpMethod.POST, "/clear", moderatorToken, null);
    testContext.verify(() -> {
      assertThat(closed.bodyAsJsonObject().getBoolean("open")).isFalse();
      assertThat(refused.statusCode()).isEqualTo(409);
      assertThat(taken.statusCode()).isEqualTo(201);
      assertThat(cleared.bodyAsJsonObject().getJsonArray("waiting")).isEmpty();
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("carries the server's clock in the snapshot so phones can correct their offset")
  void snapshotCarriesServerTime(VertxTestContext testContext) {
    long before = System.currentTimeMillis();
    JsonObject snapshot = await(api.snapshot(code, null));
    testContext.verify(() -> {
      assertThat(snapshot.getLong("serverTime")).isBetween(before, System.currentTimeMillis());
      assertThat(snapshot.getJsonObject("queue").getBoolean("open")).isTrue();
      assertThat(snapshot.getJsonObject("queue").getInteger("speakingSeconds")).isEqualTo(120);
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("keeps the queue and the paused clock across a restart on the same data")
  void restartKeepsQueueAndTimer(Vertx vertx, VertxTestContext testContext) {
    List<String> tokens = List.of("Alice", "Bob", "Carol").stream()
        .map(name -> await(api.join(code, name)).getString("token")).toList();
    tokens.forEach(token -> call(HttpMethod.POST, "", token, new JsonObject().put("topic", "Follow-up")));
    call(HttpMethod.PATCH, "", moderatorToken, new JsonObject().put("speakingSeconds", 90));
    call(HttpMethod.POST, "/next", moderatorToken, null);
    call(HttpMethod.POST, "/timer", moderatorToken, new JsonObject().put("action", "extend"));
    call(HttpMethod.POST, "/timer", moderatorToken, new JsonObject().put("action", "pause"));
    JsonObject before = queueOf(moderatorToken);

    api.close();
    await(server.stop());
    server = await(TestServer.start(vertx, dataDir));
    api = new Api(vertx, server.port());
    JsonObject after = queueOf(moderatorToken);
    HttpResponse<Buffer> resumed = call(HttpMethod.POST, "/timer", moderatorToken, new JsonObject().put("action", "resume"));

    testContext.verify(() -> {
      assertThat(after).isEqualTo(before);
      JsonObject current = after.getJsonObject("current");
      assertThat(current.getString("name")).isEqualTo("Alice");
      assertThat(current.getString("state")).isEqualTo("paused");
      assertThat(current.getInteger("limitSeconds")).isEqualTo(120);
      assertThat(current.getLong("pausedAt")).isNotNull();
      assertThat(after.getJsonArray("waiting")).hasSize(2);
      assertThat(resumed.statusCode()).isEqualTo(200);
      assertThat(resumed.bodyAsJsonObject().getJsonObject("current").getString("state")).isEqualTo("running");
    });
    testContext.completeNow();
  }
}
