package org.openfloor.live;

/** Tuning of the live layer: the vote coalescing window and buffer sizes. */
public record LiveOptions(long coalesceMillis, int recentEvents, int rememberedRequests, long answerTimeoutMillis) {

  public static LiveOptions defaults() {
    return new LiveOptions(100, 2_000, 10_000, 10_000);
  }
}
