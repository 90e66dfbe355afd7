package org.openfloor.live.wire;

import org.openfloor.domain.Session;

/**
 * One component of a session's state in a snapshot, under its own key: how it is written from a
 * session and read back into a fresh one. Writing must be deterministic (same state, same JSON).
 */
public interface SnapshotPart {

  String key();

  /** The component as JSON: a {@code JsonObject} or a {@code JsonArray}. */
  Object write(Session session);

  /** Restores the component from what {@link #write} produced into a session holding only its core. */
  void read(Object json, Session session);
}
