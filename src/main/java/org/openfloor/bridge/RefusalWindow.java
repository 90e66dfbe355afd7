package org.openfloor.bridge;

import java.util.concurrent.TimeUnit;

/** Tells when one socket has been refused more than {@code allowed} times within any span of {@code window}. */
final class RefusalWindow {
  private final int allowed;
  private final long windowNanos;
  private long[] times;
  private int next;
  private long count;

  RefusalWindow(int allowed, long window, TimeUnit unit) {
    this.allowed = allowed;
    this.windowNanos = unit.toNanos(window);
  }

  /** Records a refusal at {@code nowNanos}; whether it is one too many. Never, when {@code allowed} is 0. */
  boolean exceeded(long nowNanos) {
    if (allowed <= 0) {
      return false;
    }
    if (times == null) {
      times = new long[allowed + 1];
    }
    times[next] = nowNanos;
    next = (next + 1) % times.length;
    count++;
    return count >= times.length && nowNanos - times[next] <= windowNanos;
  }
}
