package org.openfloor.live.wire;

import static org.openfloor.live.wire.SnapshotJson.enumOf;
import static org.openfloor.live.wire.SnapshotJson.optionalEnum;
import static org.openfloor.live.wire.SnapshotJson.optionalLong;
import static org.openfloor.live.wire.SnapshotJson.optionalString;
import static org.openfloor.live.wire.SnapshotJson.orNull;
import static org.openfloor.live.wire.SnapshotJson.wire;

import io.vertx.core.json.JsonObject;

import org.openfloor.domain.Moderation;
import org.openfloor.domain.Participant;
import org.openfloor.domain.Phase;
import org.openfloor.domain.Session;
import org.openfloor.domain.SessionInfo;
import org.openfloor.domain.Stakeholder;

/** The session's settings, moderator token hash and participants in a snapshot. */
public final class CoreSnapshot implements SnapshotPart {

  @Override
  public String key() {
    return "session";
  }

  @Override
  public Object write(Session session) {
    Session.Core core = session.core();
    return new JsonObject().put("info", info(core.info())).put("moderatorTokenHash", core.moderatorTokenHash())
        .put("participants", SnapshotJson.array(core.participants(), CoreSnapshot::participant));
  }

  @Override
  public void read(Object json, Session session) {
    JsonObject core = (JsonObject) json;
    session.restore(new Session.Core(info(core.getJsonObject("info")), core.getString("moderatorTokenHash"),
        SnapshotJson.objects(core.getJsonArray("participants"), CoreSnapshot::participant)));
  }

  static JsonObject info(SessionInfo info) {
    return new JsonObject().put("code", info.code()).put("title", info.title()).put("phase", wire(info.phase()))
        .put("reviewUntil", orNull(info.reviewUntil())).put("moderation", wire(info.moderation()))
        .put("createdAt", info.createdAt());
  }

  static SessionInfo info(JsonObject json) {
    return new SessionInfo(json.getString("code"), json.getString("title"), enumOf(Phase.class, json.getString("phase")),
        optionalLong(json, "reviewUntil"), enumOf(Moderation.class, json.getString("moderation")),
        json.getLong("createdAt"));
  }

  static JsonObject participant(Participant p) {
    return new JsonObject().put("id", p.id()).put("tokenHash", p.tokenHash()).put("name", orNull(p.name()))
        .put("affiliation", orNull(p.affiliation())).put("stakeholder", p.stakeholder().map(SnapshotJson::wire).orElse(null))
        .put("groupId", orNull(p.groupId())).put("joinedAt", p.joinedAt());
  }

  static Participant participant(JsonObject json) {
    return new Participant(json.getString("id"), json.getString("tokenHash"), optionalString(json, "name"),
        optionalString(json, "affiliation"), optionalEnum(Stakeholder.class, json, "stakeholder"),
        optionalString(json, "groupId"), json.getLong("joinedAt"));
  }
}
