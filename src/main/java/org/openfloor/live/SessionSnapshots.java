package org.openfloor.live;

import io.vertx.core.json.JsonObject;

import java.util.List;

import org.openfloor.domain.Session;
import org.openfloor.live.wire.BreakoutsSnapshot;
import org.openfloor.live.wire.CoreSnapshot;
import org.openfloor.live.wire.PollsSnapshot;
import org.openfloor.live.wire.QuestionsSnapshot;
import org.openfloor.live.wire.QueueSnapshot;
import org.openfloor.live.wire.SnapshotPart;

/**
 * A session's whole state as of a seq, to and from JSON: deterministic (two nodes that applied the
 * same entries write byte-identical snapshots), one {@link SnapshotPart} per component of the
 * session, plus the hub's request-id ledger so a retry after a snapshot still dedupes.
 */
public final class SessionSnapshots {
  static final int FORMAT = 1;

  private static final List<SnapshotPart> PARTS = List.of(
      new CoreSnapshot(),
      new QuestionsSnapshot(),
      new QueueSnapshot(),
      new PollsSnapshot(),
      new BreakoutsSnapshot());

  private SessionSnapshots() {
  }

  static JsonObject toJson(Session session, long seq, RequestLedger ledger) {
    JsonObject json = new JsonObject().put("format", FORMAT).put("code", session.code()).put("seq", seq);
    PARTS.forEach(part -> json.put(part.key(), part.write(session)));
    return json.put("requests", ledger.toJson());
  }

  /** Restores {@code json} into a fresh session and an empty ledger; returns the seq it was taken at. */
  static long restore(JsonObject json, Session session, RequestLedger ledger) {
    if (json.getInteger("format") != FORMAT || !session.code().equals(json.getString("code"))) {
      throw new IllegalArgumentException("not a format " + FORMAT + " snapshot of " + session.code());
    }
    PARTS.forEach(part -> part.read(json.getValue(part.key()), session));
    ledger.restore(json.getJsonArray("requests"));
    return json.getLong("seq");
  }
}
