package org.openfloor.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.openfloor.log.LogEntry;
import org.openfloor.log.RedisCommandLog;
import org.openfloor.log.RedisLogOptions;
import org.openfloor.log.RedisTestServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends to one Redis from several {@link RedisCommandLog}s ("nodes", each on its own Vert.x instance and
 * following the session as a node does) at a fixed total rate, open loop: every append has a planned start,
 * and its latency runs from then to its ack, so a stalled log cannot hide its backlog. Prints appended,
 * failed (by cause), throughput and latency percentiles, and checks the log: as many entries as acked or
 * more (a failed append may still have been applied), seqs dense, every node's follower at the end.
 * Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.openfloor.bench.RedisAppendBench} with {@code -Dbench.rate=2000} (appends/s over all
 * nodes), {@code -Dbench.seconds=10} (measured, after {@code -Dbench.warmup=3} seconds at the same rate),
 * {@code -Dbench.nodes=2}, {@code -Dbench.sessions=1},
 * {@code -Dbench.loopBusy=0} (share of each node's event loop burnt by a 10 ms busy timer, standing in for
 * the fan-out work of a loaded node), {@code -Dbench.payload=200} (bytes). Redis: {@code OPENFLOOR_TEST_REDIS_URL},
 * or a redis-server started for the run with AOF and {@code appendfsync always} ({@code -Dbench.fsync=no}
 * starts one without AOF).
 */
public final class RedisAppendBench {
  private static final Logger LOG = LoggerFactory.getLogger(RedisAppendBench.class);
  private static final long TICK_MS = 2;
  private static final long DRAIN_TIMEOUT_MS = 30_000;

  private final int rate = Integer.getInteger("bench.rate", 2_000);
  private final int seconds = Integer.getInteger("bench.seconds", 10);
  private final int warmup = Integer.getInteger("bench.warmup", 3);
  private final int nodeCount = Integer.getInteger("bench.nodes", 2);
  private final int sessionCount = Integer.getInteger("bench.sessions", 1);
  private final double loopBusy = Double.parseDouble(System.getProperty("bench.loopBusy", "0"));
  private final String payload = "x".repeat(Integer.getInteger("bench.payload", 200));
  private final String prefix = "append-bench-" + System.nanoTime() + ":";
  private final Recorder latency = new Recorder(TimeUnit.SECONDS.toMicros(120), 3);
  private final LongAdder appended = new LongAdder();
  private final LongAdder completed = new LongAdder();
  private final AtomicLong lastCompletionNanos = new AtomicLong();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final List<Node> nodes = new ArrayList<>();
  private final LongAdder measuredIssued = new LongAdder();
  private final LongAdder warmupCompleted = new LongAdder();
  private final LongAdder ackedOverall = new LongAdder();
  private long measureFrom;

  public static void main(String[] args) throws Exception {
    RedisTestServer ownServer = null;
    String url = System.getenv("OPENFLOOR_TEST_REDIS_URL");
    if (url == null || url.isBlank()) {
      ownServer = "no".equals(System.getProperty("bench.fsync")) ? RedisTestServer.shared()
          : RedisTestServer.startDurable();
      url = ownServer.url();
    }
    int status = 0;
    try {
      new RedisAppendBench().run(url);
    } catch (Exception | AssertionError e) {
      LOG.error("Bench failed", e);
      status = 1;
    } finally {
      if (ownServer != null) {
        ownServer.stop();
      }
    }
    System.exit(status);
  }

  private void run(String url) throws InterruptedException {
    for (int i = 0; i < nodeCount; i++) {
      nodes.add(Node.open(url, prefix, sessionCount));
    }
    long perNode = (long) rate * (warmup + seconds) / nodeCount;
    long start = System.nanoTime();
    measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
    nodes.forEach(node -> node.drive(this, start, (double) rate / nodeCount, perNode));
    long deadline = start + TimeUnit.SECONDS.toNanos(warmup + seconds) + TimeUnit.MILLISECONDS.toNanos(DRAIN_TIMEOUT_MS);
    while (completed.sum() + warmupCompleted.sum() < perNode * nodeCount && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    nodes.forEach(Node::stopLoad);
    Check check = check(nodes.get(0));
    awaitFollowers(check.inLog());
    print(check);
    for (Node node : nodes) {
      node.close();
    }
  }

  void recordIssue(long plannedNanos) {
    if (plannedNanos >= measureFrom) {
      measuredIssued.increment();
    }
  }

  void recordCompletion(long plannedNanos, Throwable failure) {
    long now = System.nanoTime();
    if (failure == null) {
      ackedOverall.increment();
    }
    if (plannedNanos < measureFrom) {
      warmupCompleted.increment();
      return;
    }
    if (failure == null) {
      appended.increment();
      latency.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(now - plannedNanos)));
    } else {
      failures.computeIfAbsent(cause(failure), k -> new LongAdder()).increment();
    }
    lastCompletionNanos.accumulateAndGet(now, Math::max);
    completed.increment();
  }

  private static String cause(Throwable failure) {
    String message = String.valueOf(failure.getMessage());
    return failure.getClass().getSimpleName() + ": " + message.substring(0, Math.min(60, message.length()));
  }

  /** What the log holds after the run: entries over all sessions and whether each session's seqs are dense. */
  private record Check(long inLog, boolean dense) {
  }

  private Check check(Node node) {
    long total = 0;
    boolean dense = true;
    for (int s = 0; s < sessionCount; s++) {
      List<LogEntry> entries = node.readAll(session(s));
      total += entries.size();
      for (int i = 0; i < entries.size(); i++) {
        dense &= entries.get(i).seq() == i + 1;
      }
    }
    return new Check(total, dense);
  }

  private void awaitFollowers(long inLog) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (nodes.stream().anyMatch(node -> node.followed.sum() < inLog) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  private void print(Check check) {
    Histogram histogram = latency.getIntervalHistogram();
    double elapsed = (lastCompletionNanos.get() - measureFrom) / 1e9;
    long failed = failures.values().stream().mapToLong(LongAdder::sum).sum();
    Map<String, Long> causes = new TreeMap<>();
    failures.forEach((cause, count) -> causes.put(cause, count.sum()));
    String followed = nodes.stream().map(node -> String.valueOf(node.followed.sum())).reduce((a, b) -> a + "/" + b)
        .orElse("");
    String table = String.format("""

        | nodes | target/s | s (+ warm-up) | loop busy | issued | appended | failed | throughput/s | p50 ms | p99 ms | max ms | in log (acked incl. warm-up) | dense | followed |
        |--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--|--|--|
        | %d | %,d | %d (+%d) | %.0f%% | %,d | %,d | %,d | %,.0f | %.1f | %.1f | %.1f | %,d (%,d) | %s | %s |
        failures: %s""", nodeCount, rate, seconds, warmup, loopBusy * 100, measuredIssued.sum(), appended.sum(), failed,
        appended.sum() / elapsed, histogram.getValueAtPercentile(50) / 1000.0,
        histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0, check.inLog(), ackedOverall.sum(),
        check.dense() ? "yes" : "NO", followed, causes.isEmpty() ? "none" : causes);
    LOG.info("{}", table);
  }

  String session(int index) {
    return "BENCH" + index;
  }

  /** One "node": its own Vert.x instance and Redis log, following every session, appending at its share of the rate. */
  private static final class Node {
    private final Vertx vertx;
    private final Context context;
    private final RedisCommandLog log;
    private final LongAdder followed = new LongAdder();
    private long timer = -1;
    private long busyTimer = -1;
    private long issued;

    private Node(Vertx vertx, Context context, RedisCommandLog log) {
      this.vertx = vertx;
      this.context = context;
      this.log = log;
    }

    static Node open(String url, String prefix, int sessions) {
      Vertx vertx = Vertx.vertx();
      Context context = vertx.getOrCreateContext();
      RedisCommandLog log = on(context, () -> RedisCommandLog.open(vertx, RedisLogOptions.of(url)
          .withKeyPrefix(prefix))).await();
      Node node = new Node(vertx, context, log);
      context.runOnContext(v -> {
        for (int s = 0; s < sessions; s++) {
          log.follow("BENCH" + s, 0, entry -> node.followed.increment());
        }
      });
      return node;
    }

    void drive(RedisAppendBench bench, long start, double perSecond, long total) {
      context.runOnContext(v -> {
        if (bench.loopBusy > 0) {
          long busyNanos = (long) (TimeUnit.MILLISECONDS.toNanos(10) * bench.loopBusy);
          busyTimer = vertx.setPeriodic(10, id -> spin(busyNanos));
        }
        timer = vertx.setPeriodic(TICK_MS, id -> issueDue(bench, start, perSecond, total));
      });
    }

    private void issueDue(RedisAppendBench bench, long start, double perSecond, long total) {
      long due = Math.min(total, (long) ((System.nanoTime() - start) / 1e9 * perSecond));
      while (issued < due) {
        long planned = start + (long) (issued * 1e9 / perSecond);
        String session = bench.session((int) (issued % bench.sessionCount));
        issued++;
        bench.recordIssue(planned);
        log.append(session, bench.payload).onComplete(ar -> bench.recordCompletion(planned, ar.cause()));
      }
    }

    private static void spin(long nanos) {
      long until = System.nanoTime() + nanos;
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
    }

    void stopLoad() {
      context.runOnContext(v -> {
        vertx.cancelTimer(timer);
        if (busyTimer >= 0) {
          vertx.cancelTimer(busyTimer);
        }
      });
    }

    List<LogEntry> readAll(String session) {
      List<LogEntry> all = new ArrayList<>();
      while (true) {
        long after = all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
        List<LogEntry> page = readPage(session, after);
        if (page.isEmpty()) {
          return all;
        }
        all.addAll(page);
      }
    }

    /** A page of the log; retried while the log is still busy with appends that timed out at the caller. */
    private List<LogEntry> readPage(String session, long after) {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_TIMEOUT_MS);
      while (true) {
        try {
          return on(context, () -> log.read(session, after, 2_000)).await();
        } catch (Exception e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the log could not be read back", e);
          }
          LOG.warn("Reading the log back failed, retrying: {}", e.toString());
        }
      }
    }

    void close() {
      on(context, log::close).otherwiseEmpty().await();
      vertx.close().await();
    }

    private static <T> Future<T> on(Context context, Supplier<Future<T>> action) {
      Promise<T> promise = Promise.promise();
      context.runOnContext(v -> action.get().onComplete(promise));
      return promise.future();
    }
  }
}
