package org.openfloor.testing;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way tests wait for a future: with a finite patience, so a lost reply fails the test with a clear
 * message instead of blocking the build. {@code -Dopenfloor.await.seconds=N} changes the patience (default
 * 60 s, generous for a loaded CI machine); JUnit's default test timeout and the fork timeout sit behind it.
 */
public final class Await {
  public static final Duration PATIENCE = Duration.ofSeconds(Long.getLong("openfloor.await.seconds", 60));

  private Await() { }

  /** The future's result, its failure rethrown, or an {@link AssertionError} after {@link #PATIENCE}. */
  public static <T> T await(Future<T> future) {
    return await(future, PATIENCE);
  }

  public static <T> T await(Future<T> future, Duration patience) {
    try {
      return future.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no outcome within " + patience.toMillis() + " ms", e);
    }
  }
}
