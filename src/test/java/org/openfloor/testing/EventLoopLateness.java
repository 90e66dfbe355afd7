package org.openfloor.testing;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

/**
 * How late a periodic timer on one context fires: the longest that context's event loop was kept
 * from running it ({@link Lateness#lateMillis}, wall time, so also garbage-collection pauses and
 * waiting for a CPU on a busy machine), and the most CPU time the loop's thread spent between two
 * runs of it ({@link Lateness#busyMillis}: the longest anything else on that loop ran without yielding).
 */
public final class EventLoopLateness {
  private static final long PERIOD_MS = 5;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Vertx vertx;
  private final Context context;
  private long timer = -1;
  private long lastTick;
  private long lastCpuNanos;
  private long maxLateNanos;
  private long maxBusyNanos;

  private EventLoopLateness(Vertx vertx, Context context) {
    this.vertx = vertx;
    this.context = context;
  }

  /** The worst of a measured span, in milliseconds: wall-clock lateness and CPU time spent between two ticks. */
  public record Lateness(long lateMillis, long busyMillis) {
    @Override
    public String toString() {
      return busyMillis + " ms busy, " + lateMillis + " ms late";
    }
  }

  /** Starts measuring on {@code context}; the future completes once the timer runs. */
  public static Future<EventLoopLateness> start(Vertx vertx, Context context) {
    EventLoopLateness probe = new EventLoopLateness(vertx, context);
    Promise<EventLoopLateness> started = Promise.promise();
    context.runOnContext(v -> {
      probe.lastTick = System.nanoTime();
      probe.lastCpuNanos = THREADS.getCurrentThreadCpuTime();
      probe.timer = vertx.setPeriodic(PERIOD_MS, id -> probe.tick());
      started.complete(probe);
    });
    return started.future();
  }

  private void tick() {
    long now = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    maxLateNanos = Math.max(maxLateNanos, now - lastTick - TimeUnit.MILLISECONDS.toNanos(PERIOD_MS));
    maxBusyNanos = Math.max(maxBusyNanos, cpu - lastCpuNanos);
    lastTick = now;
    lastCpuNanos = cpu;
  }

  /**
   * The worst lateness since the start or the last reset, read on the context once the timer has
   * run again (so a block that just ended counts), then starts over.
   */
  public Future<Lateness> reset() {
    Promise<Lateness> worst = Promise.promise();
    context.runOnContext(v -> vertx.setTimer(2 * PERIOD_MS, id -> {
      worst.complete(new Lateness(TimeUnit.NANOSECONDS.toMillis(maxLateNanos),
          TimeUnit.NANOSECONDS.toMillis(maxBusyNanos)));
      maxLateNanos = 0;
      maxBusyNanos = 0;
    }));
    return worst.future();
  }

  public void stop() {
    context.runOnContext(v -> vertx.cancelTimer(timer));
  }
}
