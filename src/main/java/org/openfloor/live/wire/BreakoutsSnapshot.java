package org.openfloor.live.wire;

import static org.openfloor.live.wire.SnapshotJson.optionalString;
import static org.openfloor.live.wire.SnapshotJson.orNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.openfloor.domain.Breakouts;
import org.openfloor.domain.Group;
import org.openfloor.domain.GroupNotes;
import org.openfloor.domain.KeyMessage;
import org.openfloor.domain.ReviewComment;
import org.openfloor.domain.Session;

/** The breakout groups, their notes pads and the key messages with their review comments in a snapshot. */
public final class BreakoutsSnapshot implements SnapshotPart {

  @Override
  public String key() {
    return "breakouts";
  }

  @Override
  public Object write(Session session) {
    Breakouts.Saved saved = session.breakouts().saved();
    return new JsonObject().put("groups", SnapshotJson.array(saved.groups(), BreakoutsSnapshot::group))
        .put("notes", SnapshotJson.array(saved.notes(), BreakoutsSnapshot::notes))
        .put("messages", SnapshotJson.array(saved.messages(), BreakoutsSnapshot::message));
  }

  @Override
  public void read(Object json, Session session) {
    JsonObject b = (JsonObject) json;
    session.breakouts().restore(new Breakouts.Saved(
        SnapshotJson.objects(b.getJsonArray("groups"), BreakoutsSnapshot::group),
        SnapshotJson.objects(b.getJsonArray("notes"), BreakoutsSnapshot::notes),
        SnapshotJson.objects(b.getJsonArray("messages"), BreakoutsSnapshot::message)));
  }

  static JsonObject group(Group g) {
    return new JsonObject().put("id", g.id()).put("name", g.name()).put("facilitatorTokenHash", g.facilitatorTokenHash())
        .put("facilitatorName", orNull(g.facilitatorName())).put("createdAt", g.createdAt());
  }

  static Group group(JsonObject json) {
    return new Group(json.getString("id"), json.getString("name"), json.getString("facilitatorTokenHash"),
        optionalString(json, "facilitatorName"), json.getLong("createdAt"));
  }

  static JsonObject notes(GroupNotes n) {
    return new JsonObject().put("groupId", n.groupId()).put("text", n.text()).put("editedAt", n.editedAt());
  }

  static GroupNotes notes(JsonObject json) {
    return new GroupNotes(json.getString("groupId"), json.getString("text"), json.getLong("editedAt"));
  }

  static JsonObject message(KeyMessage m) {
    return new JsonObject().put("id", m.id()).put("seq", m.seq()).put("text", m.text())
        .put("groupId", orNull(m.groupId())).put("questionIds", new JsonArray(m.questionIds()))
        .put("comments", SnapshotJson.array(m.comments(), BreakoutsSnapshot::comment))
        .put("createdAt", m.createdAt()).put("editedAt", m.editedAt());
  }

  static KeyMessage message(JsonObject json) {
    return new KeyMessage(json.getString("id"), json.getLong("seq"), json.getString("text"),
        optionalString(json, "groupId"), SnapshotJson.strings(json.getJsonArray("questionIds")),
        SnapshotJson.objects(json.getJsonArray("comments"), BreakoutsSnapshot::comment), json.getLong("createdAt"),
        json.getLong("editedAt"));
  }

  static JsonObject comment(ReviewComment c) {
    return new JsonObject().put("id", c.id()).put("text", c.text()).put("authorId", c.authorId()).put("at", c.at());
  }

  static ReviewComment comment(JsonObject json) {
    return new ReviewComment(json.getString("id"), json.getString("text"), json.getString("authorId"),
        json.getLong("at"));
  }
}
