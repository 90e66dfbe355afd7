package org.openfloor.live.wire;

import static org.openfloor.live.wire.SnapshotJson.enumOf;
import static org.openfloor.live.wire.SnapshotJson.optionalEnum;
import static org.openfloor.live.wire.SnapshotJson.optionalInt;
import static org.openfloor.live.wire.SnapshotJson.optionalLong;
import static org.openfloor.live.wire.SnapshotJson.optionalString;
import static org.openfloor.live.wire.SnapshotJson.orNull;
import static org.openfloor.live.wire.SnapshotJson.wire;

import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.openfloor.domain.MicQueue;
import org.openfloor.domain.QueueEntry;
import org.openfloor.domain.QueueKind;
import org.openfloor.domain.Session;
import org.openfloor.domain.Speaker;
import org.openfloor.domain.Speech;
import org.openfloor.domain.Stakeholder;

/** The mic queue in a snapshot: settings, the lines in order, the floor, the speaking log and contributions. */
public final class QueueSnapshot implements SnapshotPart {

  @Override
  public String key() {
    return "queue";
  }

  @Override
  public Object write(Session session) {
    MicQueue.Saved q = session.queue().saved();
    JsonObject contributions = new JsonObject();
    q.contributions().forEach(contributions::put);
    return new JsonObject().put("open", q.open()).put("speakingSeconds", q.speakingSeconds())
        .put("firstTimeFirst", q.firstTimeFirst())
        .put("waiting", SnapshotJson.array(q.waiting(), QueueSnapshot::entry))
        .put("pendingOrders", SnapshotJson.array(q.pendingOrders(), QueueSnapshot::entry))
        .put("current", q.current().map(QueueSnapshot::speaker).orElse(null))
        .put("log", SnapshotJson.array(q.log(), QueueSnapshot::speech))
        .put("contributions", contributions);
  }

  @Override
  public void read(Object json, Session session) {
    JsonObject q = (JsonObject) json;
    Map<String, Integer> contributions = new LinkedHashMap<>();
    JsonObject counts = q.getJsonObject("contributions");
    counts.fieldNames().forEach(id -> contributions.put(id, counts.getInteger(id)));
    session.queue().restore(new MicQueue.Saved(q.getBoolean("open"), q.getInteger("speakingSeconds"),
        q.getBoolean("firstTimeFirst"), SnapshotJson.objects(q.getJsonArray("waiting"), QueueSnapshot::entry),
        SnapshotJson.objects(q.getJsonArray("pendingOrders"), QueueSnapshot::entry),
        Optional.ofNullable(q.getJsonObject("current")).map(QueueSnapshot::speaker),
        SnapshotJson.objects(q.getJsonArray("log"), QueueSnapshot::speech), contributions));
  }

  static JsonObject entry(QueueEntry e) {
    return new JsonObject().put("id", e.id()).put("participantId", e.participantId()).put("kind", wire(e.kind()))
        .put("topic", orNull(e.topic())).put("remote", e.remote()).put("requestedAt", e.requestedAt())
        .put("limitSeconds", orNull(e.limitSeconds()));
  }

  static QueueEntry entry(JsonObject json) {
    return new QueueEntry(json.getString("id"), json.getString("participantId"),
        enumOf(QueueKind.class, json.getString("kind")), optionalString(json, "topic"), json.getBoolean("remote"),
        json.getLong("requestedAt"), optionalInt(json, "limitSeconds"));
  }

  static JsonObject speaker(Speaker s) {
    return new JsonObject().put("entry", entry(s.entry())).put("startedAt", s.startedAt())
        .put("limitSeconds", s.limitSeconds()).put("pausedMs", s.pausedMs()).put("pausedAt", orNull(s.pausedAt()));
  }

  static Speaker speaker(JsonObject json) {
    return new Speaker(entry(json.getJsonObject("entry")), json.getLong("startedAt"), json.getInteger("limitSeconds"),
        json.getLong("pausedMs"), optionalLong(json, "pausedAt"));
  }

  static JsonObject speech(Speech s) {
    return new JsonObject().put("entryId", s.entryId()).put("participantId", s.participantId())
        .put("name", orNull(s.name())).put("affiliation", orNull(s.affiliation()))
        .put("stakeholder", s.stakeholder().map(SnapshotJson::wire).orElse(null)).put("kind", wire(s.kind()))
        .put("topic", orNull(s.topic())).put("remote", s.remote()).put("startedAt", s.startedAt())
        .put("durationMs", s.durationMs());
  }

  static Speech speech(JsonObject json) {
    return new Speech(json.getString("entryId"), json.getString("participantId"), optionalString(json, "name"),
        optionalString(json, "affiliation"), optionalEnum(Stakeholder.class, json, "stakeholder"),
        enumOf(QueueKind.class, json.getString("kind")), optionalString(json, "topic"), json.getBoolean("remote"),
        json.getLong("startedAt"), json.getLong("durationMs"));
  }
}
