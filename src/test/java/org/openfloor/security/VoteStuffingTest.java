package org.openfloor.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.testing.Api;
import org.openfloor.testing.BridgeClient;
import org.openfloor.testing.TestServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import static org.openfloor.testing.Await.await;

@ExtendWith(VertxExtension.class)
@DisplayName("Vote stuffing")
class VoteStuffingTest {
  private static final Logger LOG = LoggerFactory.getLogger(VoteStuffingTest.class);
  private static final int RECONNECTIONS = 50;
  private static final int VOTES_PER_TRANSPORT = 100;

  @TempDir
  Path dataDir;

  @Test
  @DisplayName("10,000 votes from one token across 50 reconnections over REST and the bridge raise the tally by exactly 1")
  void oneTokenOneVote(Vertx vertx, VertxTestContext testContext) {
    TestServer server = await(TestServer.start(vertx, dataDir,
        new JsonObject().put("rateCommandsPerSecond", 1_000_000).put("rateBurst", 1_000_000)));
    Api api = new Api(vertx, server.port());
    String code = await(api.createSession("Stuffing", "post")).getString("code");
    String author = await(api.join(code, "Author")).getString("token");
    String stuffer = await(api.join(code, "Stuffer")).getString("token");
    String questionId = await(api.ask(code, author, "Which way?")).getString("id");

    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    int sent = 0;
    for (int round = 0; round < RECONNECTIONS; round++) {
      BridgeClient socket = await(BridgeClient.connect(vertx, server.port()));
      List<Future<?>> votes = new ArrayList<>();
      for (int i = 0; i < VOTES_PER_TRANSPORT; i++) {
        votes.add(socket.command(new JsonObject().put("type", "vote").put("session", code)
            .put("questionId", questionId), stuffer).map(reply -> count(reply.getString("type").equals("rec"),
            accepted, refused)));
        votes.add(api.vote(code, stuffer, questionId).map(r -> count(r.statusCode() == 200, accepted, refused)));
        sent += 2;
      }
      await(Future.all(votes));
      await(socket.close());
    }
    JsonObject snapshot = await(api.snapshot(code, null));
    int tally = snapshot.getJsonArray("questions").getJsonObject(0).getInteger("votes");
    LOG.info("Vote stuffing: {} votes sent, {} accepted, {} refused, tally {}", sent, accepted.get(), refused.get(), tally);
    int total = sent;
    testContext.verify(() -> {
      assertThat(total).isEqualTo(10_000);
      assertThat(accepted.get()).isEqualTo(1);
      assertThat(refused.get()).isEqualTo(9_999);
      assertThat(tally).isEqualTo(1);
    });
    api.close();
    await(server.stop());
    testContext.completeNow();
  }

  private static Void count(boolean ok, AtomicInteger accepted, AtomicInteger refused) {
    (ok ? accepted : refused).incrementAndGet();
    return null;
  }
}
