package org.openfloor.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import org.openfloor.log.CommandLog;

/**
 * Writes a session's snapshots without touching its live state: keeps a shadow state of its own,
 * advances it from the log to the snapshot's seq on a worker (replay is deterministic, so it then
 * equals the live state at that seq), serialises it there, stores it and trims the log behind the
 * previous one. One write at a time, started from the hub's context.
 */
final class SnapshotWriter {
  private final Vertx vertx;
  private final CommandLog log;
  private final String code;
  private final SessionLoader loader;
  private SessionState shadow;
  private boolean closed;
  private Future<Void> inFlight = Future.succeededFuture();

  SnapshotWriter(Vertx vertx, CommandLog log, String code, SessionLoader loader) {
    this.vertx = vertx;
    this.log = log;
    this.code = code;
    this.loader = loader;
  }

  /** Stores the state at {@code seq}, then trims the log up to {@code trimUpTo} if positive. */
  Future<Void> write(long seq, long trimUpTo) {
    Future<Void> writing = shadowAt(seq)
        .compose(state -> vertx.executeBlocking(state::snapshot, false))
        .compose(json -> closed ? Future.failedFuture("session " + code + " was unloaded")
            : log.saveSnapshot(code, seq, json))
        .compose(v -> trimUpTo > 0 ? log.trim(code, trimUpTo) : Future.<Void>succeededFuture())
        .onFailure(e -> shadow = null);
    inFlight = writing.otherwiseEmpty().mapEmpty();
    return writing;
  }

  /**
   * Drops the shadow state; a write in progress then stores nothing (the session may have been deleted).
   * Completes once that write has ended, so a node that stops does not leave a worker behind it.
   */
  Future<Void> close() {
    closed = true;
    shadow = null;
    return inFlight;
  }

  private Future<SessionState> shadowAt(long seq) {
    Future<SessionState> advanced = shadow == null ? loader.load(seq)
        : loader.advance(shadow, seq).compose(state -> state.skippedEntries() ? loader.load(seq)
            : Future.succeededFuture(state));
    return advanced.compose(state -> {
      if (state.skippedEntries() || state.appliedSeq() != seq) {
        return Future.failedFuture(new IllegalStateException("the log holds seq " + state.appliedSeq()
            + (state.skippedEntries() ? " with entries trimmed before it" : "") + ", not " + seq));
      }
      shadow = closed ? null : state;
      return Future.succeededFuture(state);
    });
  }
}
