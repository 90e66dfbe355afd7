package org.openfloor.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.Optional;

import org.openfloor.log.CommandLog;
import org.openfloor.log.LogEntry;

/**
 * Builds a session's state off the event loop: restores its latest snapshot on a worker, then
 * replays the log after it on a worker page by page, reading the next page meanwhile. The state
 * is touched by one task at a time and only handed back once built.
 */
final class SessionLoader {
  static final int PAGE = 5_000;

  private final Vertx vertx;
  private final CommandLog log;
  private final String code;
  private final int rememberedRequests;

  SessionLoader(Vertx vertx, CommandLog log, String code, int rememberedRequests) {
    this.vertx = vertx;
    this.log = log;
    this.code = code;
    this.rememberedRequests = rememberedRequests;
  }

  /** The state at the end of the log. */
  Future<SessionState> load() {
    return load(Long.MAX_VALUE);
  }

  /** The state at {@code upToSeq}, or later if the latest snapshot is already past it. */
  Future<SessionState> load(long upToSeq) {
    return log.latestSnapshot(code).compose(this::restore).compose(state -> advance(state, upToSeq));
  }

  /** {@code state} (which nothing else touches meanwhile) with the log's entries up to {@code upToSeq} applied. */
  Future<SessionState> advance(SessionState state, long upToSeq) {
    if (state.appliedSeq() >= upToSeq) {
      return Future.succeededFuture(state);
    }
    return replayPages(state, upToSeq, log.read(code, state.appliedSeq(), PAGE));
  }

  private Future<SessionState> restore(Optional<CommandLog.Snapshot> snapshot) {
    if (snapshot.isEmpty()) {
      return Future.succeededFuture(SessionState.empty(code, rememberedRequests));
    }
    String json = snapshot.get().state();
    return vertx.executeBlocking(() -> SessionState.restored(code, json, rememberedRequests), false);
  }

  private Future<SessionState> replayPages(SessionState state, long upToSeq, Future<List<LogEntry>> page) {
    return page.compose(entries -> {
      if (entries.isEmpty()) {
        return Future.succeededFuture(state);
      }
      long last = entries.get(entries.size() - 1).seq();
      boolean more = entries.size() == PAGE && last < upToSeq;
      Future<List<LogEntry>> next = more ? log.read(code, last, PAGE) : null;
      return vertx.executeBlocking(() -> state.replay(entries, upToSeq), false)
          .compose(replayed -> more ? replayPages(replayed, upToSeq, next) : Future.succeededFuture(replayed));
    });
  }
}
