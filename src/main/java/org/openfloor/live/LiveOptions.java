package org.openfloor.live;

/**
 * Tuning of the live layer: the vote coalescing window and buffer sizes; a snapshot every
 * {@code snapshotEvery} applied entries (0: never), after which the log before the previous
 * snapshot is trimmed if {@code trimAfterSnapshot}.
 */
public record LiveOptions(long coalesceMillis, int recentEvents, int rememberedRequests, long answerTimeoutMillis,
                          long snapshotEvery, boolean trimAfterSnapshot) {

  public static final long DEFAULT_SNAPSHOT_EVERY = 10_000;

  public LiveOptions(long coalesceMillis, int recentEvents, int rememberedRequests, long answerTimeoutMillis) {
    this(coalesceMillis, recentEvents, rememberedRequests, answerTimeoutMillis, DEFAULT_SNAPSHOT_EVERY, true);
  }

  public static LiveOptions defaults() {
    return new LiveOptions(100, 2_000, 10_000, 10_000);
  }

  public LiveOptions withSnapshots(long every, boolean trim) {
    return new LiveOptions(coalesceMillis, recentEvents, rememberedRequests, answerTimeoutMillis, every, trim);
  }
}
