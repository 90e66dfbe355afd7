package org.openfloor.log;

import java.util.Objects;

/**
 * Settings of a {@link RedisCommandLog}: where Redis is, the key prefix, and an optional WAIT
 * policy (replicas that must acknowledge each append within a timeout).
 */
public record RedisLogOptions(String connectionString, String keyPrefix, int waitReplicas,
                              long waitTimeoutMs) {

  /** The key prefix used when none is given. */
  public static final String DEFAULT_KEY_PREFIX = "openfloor:";

  public RedisLogOptions {
    Objects.requireNonNull(connectionString, "connectionString");
    keyPrefix = keyPrefix == null ? DEFAULT_KEY_PREFIX : keyPrefix;
    if (waitReplicas < 0 || waitTimeoutMs < 0) {
      throw new IllegalArgumentException("waitReplicas and waitTimeoutMs must not be negative");
    }
  }

  /** Options for {@code connectionString} with the default prefix and no WAIT. */
  public static RedisLogOptions of(String connectionString) {
    return new RedisLogOptions(connectionString, DEFAULT_KEY_PREFIX, 0, 0);
  }

  public RedisLogOptions withKeyPrefix(String prefix) {
    return new RedisLogOptions(connectionString, prefix, waitReplicas, waitTimeoutMs);
  }

  public RedisLogOptions withWait(int replicas, long timeoutMs) {
    return new RedisLogOptions(connectionString, keyPrefix, replicas, timeoutMs);
  }

  boolean waitsForReplicas() {
    return waitReplicas > 0 && waitTimeoutMs > 0;
  }
}
