package org.openfloor.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.log.RedisTestServer;
import org.openfloor.testing.Api;
import org.openfloor.testing.BridgeClient;
import org.openfloor.testing.Node;
import static org.openfloor.testing.Await.await;
import org.openfloor.live.wire.Addresses;

@ExtendWith(VertxExtension.class)
@DisplayName("Three nodes on one Redis")
class MultiNodeTest {
  private static final Map<String, Boolean> COALESCED = Map.of("votes", true, "pollResults", true);

  @TempDir
  Path dataDir;

  private final List<Node> nodes = new ArrayList<>();
  private String prefix;

  @BeforeEach
  void startThreeNodes() {
    prefix = "mn-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    for (int i = 0; i < 3; i++) {
      nodes.add(startNode(i));
    }
  }

  private Node startNode(int index) {
    return Node.start(dataDir.resolve("node" + index), RedisTestServer.shared().url(), prefix, new JsonObject());
  }

  @AfterEach
  void stopNodes() {
    nodes.forEach(node -> {
      if (node != null) {
        node.stop();
      }
    });
  }

  @Test
  @DisplayName("show attendees on different nodes the same events in the same order, bring a vote made on node A "
      + "to a client on node C, and count one participant voting through two nodes at once only once")
  void identicalEventsEverywhere(Vertx vertx, VertxTestContext testContext) {
    Api a = nodes.get(0).api();
    JsonObject created = await(a.createSession("Three nodes", "post"));
    String code = created.getString("code");
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      tokens.add(await(nodes.get(i % 3).api().join(code, "P" + i)).getString("token"));
    }
    List<BridgeClient> clients = new ArrayList<>();
    for (Node node : nodes) {
      BridgeClient client = await(node.connect());
      client.register(Addresses.publicOf(code), null);
      // Answered only once the register is decided (the server pauses the socket until then).
      await(client.command(new JsonObject().put("type", "sync").put("session", code), null));
      clients.add(client);
    }
    waitUntil(() -> nodes.stream().allMatch(n -> loaded(n, code)));

    List<String> questionIds = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      questionIds.add(await(nodes.get(i % 3).api().ask(code, tokens.get(i), "Question " + i)).getString("id"));
    }
    HttpResponse<Buffer> voteOnA = await(a.vote(code, tokens.get(1), questionIds.get(0)));
    BridgeClient onC = clients.get(2);
    waitUntil(() -> onC.bodiesOn(Addresses.publicOf(code)).stream()
        .anyMatch(b -> "votes".equals(b.getString("type"))
            && Integer.valueOf(1).equals(b.getJsonObject("votes").getInteger(questionIds.get(0)))));

    List<HttpResponse<Buffer>> race = await(Future.all(
            nodes.get(0).api().vote(code, tokens.get(4), questionIds.get(2)),
            nodes.get(1).api().vote(code, tokens.get(4), questionIds.get(2)))).list();
    JsonObject onNodeB = await(nodes.get(1).api().snapshot(code, null));
    for (int i = 0; i < 6; i++) {
      await(nodes.get(i % 3).api().moderate(code, created.getString("moderatorToken"), questionIds.get(i),
          new JsonObject().put("highlighted", true)));
      await(nodes.get((i + 1) % 3).api().vote(code, tokens.get(i), questionIds.get((i + 3) % 6)));
    }
    long lastSeq = await(nodes.get(2).api().snapshot(code, null)).getLong("seq");
    waitUntil(() -> clients.stream().allMatch(c -> lastSeqOf(c, code) >= lastSeq));

    List<List<String>> sequences = clients.stream().map(c -> ordered(c, code)).toList();
    List<Map<String, Integer>> finalVotes = clients.stream().map(c -> finalVotes(c, code)).toList();
    testContext.verify(() -> {
      assertThat(voteOnA.statusCode()).isEqualTo(200);
      assertThat(race.stream().map(HttpResponse::statusCode).sorted().toList()).containsExactly(200, 409);
      assertThat(questionOf(onNodeB, questionIds.get(2)).getInteger("votes")).isEqualTo(1);
      assertThat(sequences.get(0)).hasSizeGreaterThanOrEqualTo(12);
      assertThat(sequences.get(1)).isEqualTo(sequences.get(0));
      assertThat(sequences.get(2)).isEqualTo(sequences.get(0));
      assertThat(finalVotes.get(1)).isEqualTo(finalVotes.get(0));
      assertThat(finalVotes.get(2)).isEqualTo(finalVotes.get(0));
      assertThat(finalVotes.get(0).get(questionIds.get(2))).isEqualTo(2);
    });
    clients.forEach(c -> await(c.close().otherwiseEmpty()));
    testContext.completeNow();
  }

  @Test
  @DisplayName("let the clients of a stopped node resume on another node from their last seq, nothing missed or "
      + "doubled, and the restarted node replays the same state from Redis")
  void nodeStoppedAndRestarted(Vertx vertx, VertxTestContext testContext) {
    Api a = nodes.get(0).api();
    JsonObject created = await(a.createSession("Restart a node", "post"));
    String code = created.getString("code");
    String alice = await(a.join(code, "Alice")).getString("token");
    BridgeClient onA = await(nodes.get(0).connect());
    onA.register(Addresses.publicOf(code), null);
    BridgeClient onB = await(nodes.get(1).connect());
    onB.register(Addresses.publicOf(code), null);
    waitUntil(() -> loaded(nodes.get(0), code) && loaded(nodes.get(1), code));
    for (int i = 0; i < 5; i++) {
      await(nodes.get(i % 3).api().ask(code, alice, "Before " + i));
    }
    long seenBeforeStop = await(a.snapshot(code, null)).getLong("seq");
    waitUntil(() -> lastSeqOf(onB, code) >= seenBeforeStop);
    List<String> seenOnB = ordered(onB, code);
    long lastSeenOnB = lastSeqOf(onB, code);

    nodes.get(1).stop();
    nodes.set(1, null);
    for (int i = 0; i < 5; i++) {
      await(nodes.get(i % 2 == 0 ? 0 : 2).api().ask(code, alice, "While B is down " + i));
    }
    BridgeClient movedToC = await(nodes.get(2).connect());
    movedToC.register(Addresses.publicOf(code), null);
    JsonObject missed = await(nodes.get(2).api().call(HttpMethod.GET, "/api/sessions/" + code + "/events?after=" + lastSeenOnB,
        null, null)).bodyAsJsonObject();
    for (int i = 0; i < 3; i++) {
      await(a.ask(code, alice, "After the move " + i));
    }
    long lastSeq = await(a.snapshot(code, null)).getLong("seq");
    waitUntil(() -> lastSeqOf(onA, code) >= lastSeq && lastSeqOf(movedToC, code) >= lastSeq);

    List<String> resumed = new ArrayList<>(seenOnB);
    missed.getJsonArray("events").stream().map(JsonObject.class::cast).map(e -> e.getJsonObject("body"))
        .filter(body -> !COALESCED.containsKey(body.getString("type"))).map(MultiNodeTest::key).forEach(resumed::add);
    ordered(movedToC, code).stream().filter(k -> !resumed.contains(k)).forEach(resumed::add);

    nodes.set(1, startNode(1));
    JsonObject onRestarted = await(nodes.get(1).api().snapshot(code, created.getString("moderatorToken")));
    JsonObject onA2 = await(a.snapshot(code, created.getString("moderatorToken")));
    testContext.verify(() -> {
      assertThat(missed.getBoolean("complete")).isTrue();
      assertThat(resumed).isEqualTo(ordered(onA, code));
      assertThat(resumed).doesNotHaveDuplicates().hasSize(13);
      onRestarted.remove("serverTime");
      onA2.remove("serverTime");
      assertThat(onRestarted).isEqualTo(onA2);
    });
    List.of(onA, movedToC).forEach(c -> await(c.close().otherwiseEmpty()));
    testContext.completeNow();
  }

  private static boolean loaded(Node node, String code) {
    return await(node.api().call(HttpMethod.GET, "/health", null, null)).bodyAsJsonObject()
        .getInteger("sessionsLoaded") >= 1;
  }

  private static JsonObject questionOf(JsonObject snapshot, String id) {
    return snapshot.getJsonArray("questions").stream().map(JsonObject.class::cast)
        .filter(q -> q.getString("id").equals(id)).findFirst().orElseThrow();
  }

  private static long lastSeqOf(BridgeClient client, String code) {
    List<JsonObject> bodies = client.bodiesOn(Addresses.publicOf(code));
    return bodies.isEmpty() ? 0 : bodies.get(bodies.size() - 1).getLong("seq");
  }

  /** The (seq, type, id) of every pushed event that is not a coalesced count, in order. */
  static List<String> ordered(BridgeClient client, String code) {
    return client.bodiesOn(Addresses.publicOf(code)).stream()
        .filter(body -> !COALESCED.containsKey(body.getString("type"))).map(MultiNodeTest::key).toList();
  }

  private static String key(JsonObject body) {
    String type = body.getString("type");
    JsonObject item = body.getJsonObject(type);
    String id = item == null ? "" : item.getString("id", item.getString("code", ""));
    return body.getLong("seq") + " " + type + " " + id;
  }

  private static Map<String, Integer> finalVotes(BridgeClient client, String code) {
    Map<String, Integer> votes = new LinkedHashMap<>();
    client.bodiesOn(Addresses.publicOf(code)).stream().filter(b -> "votes".equals(b.getString("type")))
        .forEach(b -> b.getJsonObject("votes").forEach(e -> votes.put(e.getKey(), ((Number) e.getValue()).intValue())));
    return votes;
  }

  static void waitUntil(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
