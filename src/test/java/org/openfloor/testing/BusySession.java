package org.openfloor.testing;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.util.ArrayList;
import java.util.List;
import static org.openfloor.testing.Await.await;

/**
 * Drives a session through every kind of state through the public API: participants, questions
 * moderated and voted on (and votes taken back), the mic queue with a speaker and a paused clock,
 * polls of every kind with changed votes and a hidden word, and requests with request ids.
 */
public final class BusySession {
  private final Api api;
  private final String code;
  private final String moderatorToken;
  private final List<String> tokens = new ArrayList<>();
  private final List<String> questionIds = new ArrayList<>();
  private final List<String> pollIds = new ArrayList<>();

  private BusySession(Api api, String code, String moderatorToken) {
    this.api = api;
    this.code = code;
    this.moderatorToken = moderatorToken;
  }

  public static BusySession create(Api api, String title) {
    JsonObject created = await(api.createSession(title, "pre"));
    return new BusySession(api, created.getString("code"), created.getString("moderatorToken"));
  }

  public String code() {
    return code;
  }

  public String moderatorToken() {
    return moderatorToken;
  }

  public List<String> tokens() {
    return tokens;
  }

  /** The first half of the story: people join, ask, get moderated, vote, queue and open polls. */
  public BusySession firstHalf() {
    String[] stakeholders = {"government", "civil-society", "academia", "technical-community"};
    for (int i = 0; i < 8; i++) {
      JsonObject body = new JsonObject().put("name", "Person " + i).put("affiliation", "Org " + (i % 3))
          .put("stakeholder", stakeholders[i % 4]).put("requestId", "join-" + i);
      tokens.add(ok(call(HttpMethod.POST, "/participants", null, body)).getString("token"));
    }
    for (int i = 0; i < 6; i++) {
      JsonObject body = new JsonObject().put("text", "Question " + i + " — ¿qué? 問題").put("anonymous", i % 2 == 0)
          .put("requestId", "ask-" + i);
      questionIds.add(ok(call(HttpMethod.POST, "/questions", tokens.get(i), body)).getString("id"));
    }
    for (int i = 0; i < 5; i++) {
      await(call(HttpMethod.PATCH, "/questions/" + questionIds.get(i), moderatorToken,
          new JsonObject().put("status", "visible").put("highlighted", i == 1)));
    }
    for (int voter = 0; voter < 8; voter++) {
      for (int q = 0; q < 5; q++) {
        if ((voter + q) % 3 != 0) {
          await(call(HttpMethod.PUT, "/questions/" + questionIds.get(q) + "/vote", tokens.get(voter), null));
        }
      }
    }
    await(call(HttpMethod.DELETE, "/questions/" + questionIds.get(1) + "/vote", tokens.get(2), null));
    for (int i = 0; i < 5; i++) {
      JsonObject request = new JsonObject().put("topic", "Topic " + i).put("remote", i == 3);
      await(call(HttpMethod.POST, "/queue", tokens.get(i), request));
    }
    await(call(HttpMethod.POST, "/queue/next", moderatorToken, null));
    await(call(HttpMethod.POST, "/queue", tokens.get(5), new JsonObject().put("kind", "order")));
    await(call(HttpMethod.POST, "/queue/timer", moderatorToken, new JsonObject().put("action", "pause")));
    openPolls();
    String groupId = ok(call(HttpMethod.POST, "/groups", moderatorToken, new JsonObject().put("name", "Group A")))
        .getString("id");
    ok(call(HttpMethod.POST, "/messages", moderatorToken, new JsonObject().put("text", "A key message")
        .put("groupId", groupId).put("questionIds", new JsonArray().add(questionIds.get(0)))));
    return this;
  }

  private void openPolls() {
    String single = createPoll(new JsonObject().put("question", "Coffee?").put("kind", "single")
        .put("options", new JsonArray().add("Yes").add("No").add("Tea")));
    String multi = createPoll(new JsonObject().put("question", "Topics?").put("kind", "multi")
        .put("options", new JsonArray().add("Access").add("Rights").add("Safety")).put("maxChoices", 2));
    String rating = createPoll(new JsonObject().put("question", "How was it?").put("kind", "rating").put("scale", 10)
        .put("showResults", "closed"));
    String words = createPoll(new JsonObject().put("question", "One word?").put("kind", "words"));
    for (int i = 0; i < 8; i++) {
      String token = tokens.get(i);
      pollVote(single, token, new JsonObject().put("choices", new JsonArray().add("o" + (1 + i % 3))));
      pollVote(multi, token, new JsonObject().put("choices", new JsonArray().add("o1").add("o" + (2 + i % 2))));
      pollVote(rating, token, new JsonObject().put("rating", 1 + i));
      pollVote(words, token, new JsonObject().put("words", new JsonArray().add(i % 2 == 0 ? "Trust" : "trust ")
          .add("word" + (i % 4)).add("Ünïcode")));
    }
    pollVote(single, tokens.get(0), new JsonObject().put("choices", new JsonArray().add("o3")));
    pollVote(words, tokens.get(1), new JsonObject().put("words", new JsonArray().add("changed")));
    await(call(HttpMethod.PATCH, "/polls/" + words + "/words", moderatorToken,
        new JsonObject().put("text", "word2").put("hidden", true)));
  }

  /** The second half: more votes, the next speaker, a resumed clock, a closed poll, a retried request. */
  public BusySession secondHalf() {
    await(call(HttpMethod.POST, "/queue/timer", moderatorToken, new JsonObject().put("action", "resume")));
    await(call(HttpMethod.POST, "/queue/next", moderatorToken, null));
    await(call(HttpMethod.PATCH, "/queue", moderatorToken, new JsonObject().put("speakingSeconds", 90)));
    await(call(HttpMethod.PUT, "/questions/" + questionIds.get(1) + "/vote", tokens.get(2), null));
    await(call(HttpMethod.PATCH, "/questions/" + questionIds.get(5), moderatorToken,
        new JsonObject().put("status", "visible")));
    await(call(HttpMethod.PUT, "/questions/" + questionIds.get(5) + "/vote", tokens.get(7), null));
    await(call(HttpMethod.POST, "/questions", tokens.get(0), new JsonObject().put("text", "Question 0 — ¿qué? 問題")
        .put("anonymous", true).put("requestId", "ask-0")));
    await(call(HttpMethod.PATCH, "/polls/" + pollIds.get(0), moderatorToken, new JsonObject().put("state", "closed")));
    return this;
  }

  private String createPoll(JsonObject definition) {
    String id = ok(call(HttpMethod.POST, "/polls", moderatorToken, definition)).getString("id");
    pollIds.add(id);
    await(call(HttpMethod.PATCH, "/polls/" + id, moderatorToken, new JsonObject().put("state", "open")));
    return id;
  }

  private void pollVote(String pollId, String token, JsonObject ballot) {
    await(call(HttpMethod.PUT, "/polls/" + pollId + "/vote", token, ballot));
  }

  private Future<HttpResponse<Buffer>> call(HttpMethod method, String path, String token, JsonObject body) {
    return api.call(method, "/api/sessions/" + code + path, token, body);
  }

  private static JsonObject ok(Future<HttpResponse<Buffer>> response) {
    HttpResponse<Buffer> r = await(response);
    if (r.statusCode() >= 300) {
      throw new AssertionError("expected success, got " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject();
  }
}
