package org.openfloor.log;

import io.vertx.core.Future;
import io.vertx.core.Handler;

import java.util.List;
import java.util.Optional;

/**
 * The only persistence of OpenFloor: an ordered, durable log of entries per session.
 *
 * <p>Every future completes, and every follow handler is called, on the Vert.x context of the
 * caller that made the call. No method blocks the caller.
 */
public interface CommandLog {

  /**
   * Appends {@code payload} to the end of {@code session}'s log. The future completes with the
   * entry (its sequence number and timestamp assigned by the log) only once it is durable, or
   * fails when it could not be made durable (then it was not appended).
   */
  Future<LogEntry> append(String session, String payload);

  /** Up to {@code limit} entries of {@code session} with {@code seq > afterSeq}, in order. */
  Future<List<LogEntry>> read(String session, long afterSeq, int limit);

  /**
   * Delivers every entry of {@code session} with {@code seq > afterSeq} to {@code handler}, in
   * order, without gaps or repeats: first those already in the log, then each new one once it
   * is durable, whichever node appended it.
   */
  LogSubscription follow(String session, long afterSeq, Handler<LogEntry> handler);

  /** Stores a serialised state of {@code session} as of {@code seq}, replacing an older one. */
  Future<Void> saveSnapshot(String session, long seq, String state);

  /** The latest snapshot of {@code session}, if any. */
  Future<Optional<Snapshot>> latestSnapshot(String session);

  /** Removes every entry of {@code session} with {@code seq <= upToSeq} (after a snapshot). */
  Future<Void> trim(String session, long upToSeq);

  /**
   * Removes every entry, the snapshot and the numbering of {@code session}: it is as if it never
   * existed.
   */
  Future<Void> delete(String session);

  /** Every session this log holds entries, a snapshot or a numbering for (for retention sweeps). */
  Future<List<String>> sessions();

  /** Whether the log can currently accept appends (for readiness). */
  Future<Boolean> ready();

  Future<Void> close();

  /** A serialised session state as of a sequence number. */
  record Snapshot(String session, long seq, String state) {
  }
}
