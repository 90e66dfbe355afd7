package org.openfloor.live.wire;

import static org.openfloor.live.wire.SnapshotJson.enumOf;
import static org.openfloor.live.wire.SnapshotJson.optionalString;
import static org.openfloor.live.wire.SnapshotJson.orNull;
import static org.openfloor.live.wire.SnapshotJson.wire;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openfloor.domain.Question;
import org.openfloor.domain.QuestionBoard;
import org.openfloor.domain.QuestionStatus;
import org.openfloor.domain.Session;

/** The question board in a snapshot: questions in order and each question's voters, sorted. */
public final class QuestionsSnapshot implements SnapshotPart {

  @Override
  public String key() {
    return "questions";
  }

  @Override
  public Object write(Session session) {
    QuestionBoard.Saved saved = session.questions().saved();
    JsonObject voters = new JsonObject();
    saved.votersByQuestion().forEach((questionId, ids) -> voters.put(questionId, new JsonArray(List.copyOf(ids))));
    return new JsonObject().put("questions", SnapshotJson.array(saved.questions(), QuestionsSnapshot::question))
        .put("voters", voters);
  }

  @Override
  public void read(Object json, Session session) {
    JsonObject board = (JsonObject) json;
    Map<String, List<String>> voters = new LinkedHashMap<>();
    JsonObject votersJson = board.getJsonObject("voters");
    votersJson.fieldNames().forEach(id -> voters.put(id, SnapshotJson.strings(votersJson.getJsonArray(id))));
    session.questions().restore(new QuestionBoard.Saved(
        SnapshotJson.objects(board.getJsonArray("questions"), QuestionsSnapshot::question), voters));
  }

  static JsonObject question(Question q) {
    return new JsonObject().put("id", q.id()).put("seq", q.seq()).put("text", q.text()).put("authorId", q.authorId())
        .put("anonymous", q.anonymous()).put("status", wire(q.status())).put("highlighted", q.highlighted())
        .put("votes", q.votes()).put("groupId", orNull(q.groupId())).put("askedAt", q.askedAt());
  }

  static Question question(JsonObject json) {
    return new Question(json.getString("id"), json.getLong("seq"), json.getString("text"), json.getString("authorId"),
        json.getBoolean("anonymous"), enumOf(QuestionStatus.class, json.getString("status")),
        json.getBoolean("highlighted"), json.getInteger("votes"), optionalString(json, "groupId"),
        json.getLong("askedAt"));
  }
}
