package org.openfloor.edge;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets by key (a token hash, an address, a socket), each holding at most {@code burst}
 * tokens and refilled at a steady rate. Time is monotonic nanoseconds passed in by the edge. The
 * least recently used keys are forgotten beyond {@code maxKeys}; a forgotten key starts full again.
 */
public final class RateLimiter {
  private static final int DEFAULT_MAX_KEYS = 100_000;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final double tokensPerNano;
  private final double burst;
  private final Map<String, Bucket> buckets;

  private RateLimiter(double tokensPerSecond, int burst, int maxKeys) {
    if (tokensPerSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1");
    }
    this.tokensPerNano = tokensPerSecond / NANOS_PER_SECOND;
    this.burst = burst;
    this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
        return size() > maxKeys;
      }
    };
  }

  /** {@code perSecond} commands a second on average, up to {@code burst} at once. */
  public static RateLimiter perSecond(int perSecond, int burst) {
    return new RateLimiter(perSecond, burst, DEFAULT_MAX_KEYS);
  }

  /** {@code perMinute} a minute, all of them at once if need be. */
  public static RateLimiter perMinute(int perMinute) {
    return new RateLimiter(perMinute / 60.0, perMinute, DEFAULT_MAX_KEYS);
  }

  /** Takes one token from {@code key}'s bucket if it has one. */
  public synchronized boolean tryTake(String key, long nowNanos) {
    return buckets.computeIfAbsent(key, k -> new Bucket(burst, nowNanos)).tryTake(nowNanos);
  }

  /** A bucket of its own, for one socket. */
  public Bucket newBucket(long nowNanos) {
    return new Bucket(burst, nowNanos);
  }

  /** One key's tokens. */
  public final class Bucket {
    private double tokens;
    private long refilledAt;

    private Bucket(double tokens, long nowNanos) {
      this.tokens = tokens;
      this.refilledAt = nowNanos;
    }

    public boolean tryTake(long nowNanos) {
      long elapsed = Math.max(0, nowNanos - refilledAt);
      tokens = Math.min(burst, tokens + elapsed * tokensPerNano);
      refilledAt = nowNanos;
      if (tokens < 1) {
        return false;
      }
      tokens -= 1;
      return true;
    }
  }
}
