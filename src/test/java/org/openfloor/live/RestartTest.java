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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.testing.Api;
import org.openfloor.testing.ServerProcess;
import org.openfloor.testing.TestServer;
import static org.openfloor.testing.Await.await;

@ExtendWith(VertxExtension.class)
@DisplayName("A server killed with -9 and started again on the same data directory")
class RestartTest {
  @TempDir
  Path dataDir;

  @Test
  @DisplayName("has every acknowledged question and vote, none twice, and answers a retried request the same")
  void nothingAcknowledgedIsLost(Vertx vertx, VertxTestContext testContext) throws Exception {
    ServerProcess first = ServerProcess.start(dataDir, dataDir.resolve("server.log"), Map.of());
    Api api = new Api(vertx, first.port());
    JsonObject created = await(api.createSession("Crash", "post"));
    String code = created.getString("code");
    String moderatorToken = created.getString("moderatorToken");
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      tokens.add(await(api.join(code, "P" + i)).getString("token"));
    }
    JsonObject retried = new JsonObject().put("text", "Asked once, retried after the crash").put("requestId", "req-42");
    JsonObject firstAnswer = await(api.call(HttpMethod.POST, "/api/sessions/" + code + "/questions", tokens.get(0), retried)).bodyAsJsonObject();
    List<String> questionIds = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      questionIds.add(await(api.ask(code, tokens.get(i % 5), "Before the storm " + i)).getString("id"));
    }

    Set<String> ackedQuestions = ConcurrentHashMap.newKeySet();
    Map<String, Integer> ackedVotes = new ConcurrentHashMap<>();
    List<Future<?>> inFlight = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      inFlight.add(api.ask(code, tokens.get(i % 5), "Storm " + i)
          .onSuccess(answer -> ackedQuestions.add(answer.getString("text"))));
    }
    for (String questionId : questionIds) {
      for (String token : tokens) {
        inFlight.add(api.vote(code, token, questionId).onSuccess(r -> {
          if (r.statusCode() == 200) {
            ackedVotes.merge(questionId, 1, Integer::sum);
          }
        }));
      }
    }
    LiveQaTest.waitUntil(() -> ackedQuestions.size() >= 10);
    first.kill();
    await(Future.join(inFlight).otherwiseEmpty());
    api.close();

    TestServer second = await(TestServer.start(vertx, dataDir));
    Api again = new Api(vertx, second.port());
    JsonObject snapshot = await(again.snapshot(code, moderatorToken));
    HttpResponse<Buffer> retry = await(again.call(HttpMethod.POST, "/api/sessions/" + code + "/questions", tokens.get(0),
        retried));
    JsonObject afterRetry = await(again.snapshot(code, moderatorToken));

    List<JsonObject> questions = snapshot.getJsonArray("questions").stream().map(JsonObject.class::cast).toList();
    Map<String, Long> textCounts = questions.stream()
        .collect(Collectors.groupingBy(q -> q.getString("text"), Collectors.counting()));
    Map<String, Integer> votes = questions.stream()
        .collect(Collectors.toMap(q -> q.getString("id"), q -> q.getInteger("votes")));
    testContext.verify(() -> {
      assertThat(ackedQuestions).hasSizeGreaterThanOrEqualTo(10);
      assertThat(textCounts.values()).allMatch(count -> count == 1);
      assertThat(textCounts.keySet()).containsAll(ackedQuestions);
      ackedVotes.forEach((id, count) -> assertThat(votes.get(id)).isGreaterThanOrEqualTo(count));
      assertThat(votes.values()).allMatch(count -> count <= 5);
      assertThat(retry.bodyAsJsonObject().getString("id")).isEqualTo(firstAnswer.getString("id"));
      assertThat(afterRetry.getJsonArray("questions")).hasSize(questions.size());
    });
    again.close();
    await(second.stop());
    testContext.completeNow();
  }
}
