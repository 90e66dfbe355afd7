package org.openfloor.domain;

import java.util.Optional;

/**
 * The person who has the floor and their clock: started at a log timestamp, paused for
 * {@code pausedMs} in total so far, and paused right now since {@code pausedAt} if present.
 */
public record Speaker(QueueEntry entry, long startedAt, int limitSeconds, long pausedMs, Optional<Long> pausedAt) {

  public static Speaker takingTheFloor(QueueEntry entry, long at, int limitSeconds) {
    return new Speaker(entry, at, limitSeconds, 0, Optional.empty());
  }

  public boolean isPaused() {
    return pausedAt.isPresent();
  }

  /** Speaking time at {@code at}, paused time excluded. */
  public long elapsedMs(long at) {
    long pausedNow = pausedAt.map(since -> Math.max(0, at - since)).orElse(0L);
    return Math.max(0, at - startedAt - pausedMs - pausedNow);
  }

  /** What is left of the limit at {@code at}; negative when over time. */
  public long remainingMs(long at) {
    return limitSeconds * 1_000L - elapsedMs(at);
  }

  public Speaker paused(long at) {
    return new Speaker(entry, startedAt, limitSeconds, pausedMs, Optional.of(at));
  }

  public Speaker resumed(long at) {
    long pausedFor = pausedAt.map(since -> Math.max(0, at - since)).orElse(0L);
    return new Speaker(entry, startedAt, limitSeconds, pausedMs + pausedFor, Optional.empty());
  }

  public Speaker extended(int seconds) {
    return new Speaker(entry, startedAt, limitSeconds + seconds, pausedMs, pausedAt);
  }

  public Speaker withLimit(int seconds) {
    return new Speaker(entry.withLimit(seconds), startedAt, seconds, pausedMs, pausedAt);
  }

  /** The clock from zero at {@code at}, running. */
  public Speaker restarted(long at) {
    return new Speaker(entry, at, limitSeconds, 0, Optional.empty());
  }
}
