package org.openfloor.live;

import io.vertx.core.json.JsonObject;

import java.util.List;

import org.openfloor.domain.Session;
import org.openfloor.log.LogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's state as replaying its log builds it, away from any hub: the domain session, the
 * request ledger and the last seq applied. Not thread-safe: one thread at a time touches it.
 */
final class SessionState {
  private static final Logger LOG = LoggerFactory.getLogger(SessionState.class);

  private final Session session;
  private final RequestLedger requests;
  private final long restoredSeq;
  private long appliedSeq;
  private boolean skippedEntries;

  private SessionState(Session session, RequestLedger requests, long restoredSeq) {
    this.session = session;
    this.requests = requests;
    this.restoredSeq = restoredSeq;
    this.appliedSeq = restoredSeq;
  }

  static SessionState empty(String code, int rememberedRequests) {
    return new SessionState(new Session(code), new RequestLedger(rememberedRequests), 0);
  }

  /** The state a snapshot (as {@link #snapshot} wrote it) holds. */
  static SessionState restored(String code, String snapshot, int rememberedRequests) {
    Session session = new Session(code);
    RequestLedger requests = new RequestLedger(rememberedRequests);
    long seq = SessionSnapshots.restore(new JsonObject(snapshot), session, requests);
    return new SessionState(session, requests, seq);
  }

  Session session() {
    return session;
  }

  RequestLedger requests() {
    return requests;
  }

  long appliedSeq() {
    return appliedSeq;
  }

  /** The seq of the snapshot this state started from; 0 if it started empty. */
  long restoredSeq() {
    return restoredSeq;
  }

  /** Whether replay found entries missing from the log (trimmed past this state). */
  boolean skippedEntries() {
    return skippedEntries;
  }

  /** Applies the entries after {@link #appliedSeq} and up to {@code upToSeq}, in order. */
  SessionState replay(List<LogEntry> entries, long upToSeq) {
    for (LogEntry entry : entries) {
      if (entry.seq() > appliedSeq && entry.seq() <= upToSeq) {
        replay(entry);
      }
    }
    return this;
  }

  private void replay(LogEntry entry) {
    if (entry.seq() != appliedSeq + 1) {
      LOG.error("Session {} skips from seq {} to {}: the log was trimmed past it", session.code(), appliedSeq,
          entry.seq());
      skippedEntries = true;
    }
    Applied applied = Applied.apply(entry, session, requests, false);
    if (applied.requestKey() != null) {
      requests.record(applied.requestKey(), applied.answer(), null);
    }
    appliedSeq = entry.seq();
  }

  /** This state as a snapshot at {@link #appliedSeq}, encoded. */
  String snapshot() {
    return SessionSnapshots.toJson(session, appliedSeq, requests).encode();
  }
}
