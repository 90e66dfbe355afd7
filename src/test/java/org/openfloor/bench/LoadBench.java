package org.openfloor.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.openfloor.domain.Command;
import org.openfloor.domain.Moderation;
import org.openfloor.live.wire.CommandCodec;
import org.openfloor.live.Fanout;
import org.openfloor.live.LiveOptions;
import org.openfloor.live.SessionHub;
import org.openfloor.live.SessionRegistry;
import org.openfloor.edge.Tokens;
import org.openfloor.log.CommandLog;
import org.openfloor.log.RedisCommandLog;
import org.openfloor.log.RedisLogOptions;
import org.openfloor.log.RedisTestServer;
import org.openfloor.log.SqliteCommandLog;
import org.openfloor.testing.EventLoopLateness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures loading a session of about 1,000,000 entries (10,000 participants, 50 questions, 500,000
 * upvotes and 490,000 vote changes) from SQLite and from Redis, with and without a snapshot: the load,
 * the hub's snapshot writer from load to stored snapshot (its shadow state built by replay) and for the
 * next entry (the shadow advanced by one), the load from that snapshot, and for each the
 * event loop's worst stretch of CPU between two runs of a 5 ms timer (and its worst wall-clock lateness); it also
 * logs the heap after a full GC with one loaded session and with a second hub whose snapshot writer keeps its shadow.
 * Run: {@code MAVEN_OPTS=-Xmx4g mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.openfloor.bench.LoadBench} (Redis: {@code OPENFLOOR_TEST_REDIS_URL} or a
 * redis-server started for the run; {@code -Dbench.participants=…} scales it, {@code -Dbench.logs=sqlite}
 * or {@code redis} runs one).
 */
public final class LoadBench {
  private static final Logger LOG = LoggerFactory.getLogger(LoadBench.class);
  private static final int WINDOW = 200;
  private static final int QUESTIONS = 50;
  private static final List<Integer> READ_PAGES = List.of(1_000, 5_000, 10_000);
  private static final LiveOptions NO_SNAPSHOTS = LiveOptions.defaults().withSnapshots(0, false);
  private static final LiveOptions SNAPSHOT_EVERY_ENTRY = LiveOptions.defaults().withSnapshots(1, false);

  private final Vertx vertx;
  private final Context context;
  private final int participants = Integer.getInteger("bench.participants", 10_000);
  private final List<String> rows = new ArrayList<>();

  private LoadBench(Vertx vertx) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
  }

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    LoadBench bench = new LoadBench(vertx);
    try {
      List<String> logs = List.of(System.getProperty("bench.logs", "sqlite,redis").split(","));
      if (logs.contains("sqlite")) {
        Path dir = Files.createTempDirectory("openfloor-bench");
        bench.run("sqlite", bench.on(() -> SqliteCommandLog.open(vertx, dir.resolve("bench.db")).map(l -> l)));
        System.gc();
      }
      if (logs.contains("redis")) {
        String url = Optional.ofNullable(System.getenv("OPENFLOOR_TEST_REDIS_URL"))
            .orElseGet(() -> RedisTestServer.shared().url());
        bench.run("redis", bench.on(() -> RedisCommandLog.open(vertx, RedisLogOptions.of(url)
            .withKeyPrefix("bench-" + System.nanoTime() + ":")).map(l -> l)));
      }
      bench.print();
    } finally {
      vertx.close().await();
      RedisTestServer.shared().stop();
    }
    System.exit(0);
  }

  private void run(String name, Future<CommandLog> opened) {
    CommandLog log = opened.await();
    String code = "BENCH" + ("sqlite".equals(name) ? "S" : "R");
    long t0 = System.nanoTime();
    long entries = fill(log, code);
    long fillMs = millisSince(t0);
    LOG.info("{}: appended {} entries in {} ms", name, entries, fillMs);

    for (int page : READ_PAGES) {
      long t0r = System.nanoTime();
      long read = on(() -> readAll(log, code, page, 0, 0)).await();
      LOG.info("{}: read {} entries in pages of {} without applying them in {} ms", name, read, page,
          millisSince(t0r));
    }
    EventLoopLateness lateness = EventLoopLateness.start(vertx, context).await();
    lateness.reset().await();
    long heapBefore = heapAfterGc();
    long t1 = System.nanoTime();
    SessionHub cold = load(log, code, NO_SNAPSHOTS);
    long coldMs = millisSince(t1);
    EventLoopLateness.Lateness coldLate = lateness.reset().await();
    long heapOneState = heapAfterGc();

    SessionRegistry writing = new SessionRegistry(vertx, log, Fanout.NONE, SNAPSHOT_EVERY_ENTRY);
    on(() -> writing.existing(code)).await();
    lateness.reset().await();
    long t2 = System.nanoTime();
    Stored state = Stored.of(awaitSnapshot(log, code, cold.appliedSeq()).state());
    long snapshotMs = millisSince(t2);
    long t3 = System.nanoTime();
    on(() -> log.append(code, envelope(new Command.Vote("q" + (participants + 2), false), Tokens.hash("t0"), null)))
        .await();
    Stored nextState = Stored.of(awaitSnapshot(log, code, cold.appliedSeq() + 1).state());
    long nextSnapshotMs = millisSince(t3);
    EventLoopLateness.Lateness snapshotLate = lateness.reset().await();
    long heapWithShadow = heapAfterGc();
    LOG.info("{}: heap in use after a full GC: {} MiB before loading; one loaded session (hub, no snapshot writer) "
        + "+{} MiB; a second hub of it whose snapshot writer keeps its shadow +{} MiB", name, heapBefore >> 20,
        (heapOneState - heapBefore) >> 20, (heapWithShadow - heapOneState) >> 20);
    context.runOnContext(v -> writing.closeAll());

    long t4 = System.nanoTime();
    SessionHub warm = load(log, code, NO_SNAPSHOTS);
    long warmMs = millisSince(t4);
    EventLoopLateness.Lateness warmLate = lateness.reset().await();
    lateness.stop();
    boolean same = Stored.of(on(() -> Future.succeededFuture(warm.snapshotState())).await()).equals(nextState)
        && Stored.of(on(() -> Future.succeededFuture(cold.snapshotState())).await()).equals(state);
    rows.add(String.format("| %-6s | %,9d | %,8d | %,10d | %,11d | %,9d | %,8d | %,10d | %s | %s / %s / %s |",
        name, entries, fillMs, coldMs, snapshotMs, nextSnapshotMs, state.length() / 1024, warmMs, same ? "yes" : "NO",
        coldLate.busyMillis() + " (" + coldLate.lateMillis() + ")", snapshotLate.busyMillis() + " ("
        + snapshotLate.lateMillis() + ")", warmLate.busyMillis() + " (" + warmLate.lateMillis() + ")"));
    on(log::close).await();
  }

  private CommandLog.Snapshot awaitSnapshot(CommandLog log, String code, long seq) {
    while (true) {
      Optional<CommandLog.Snapshot> snapshot = on(() -> log.latestSnapshot(code)).await();
      if (snapshot.isPresent() && snapshot.get().seq() == seq) {
        return snapshot.get();
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private Future<Long> readAll(CommandLog log, String code, int page, long afterSeq, long count) {
    return log.read(code, afterSeq, page).compose(entries -> entries.isEmpty() ? Future.succeededFuture(count)
        : readAll(log, code, page, entries.get(entries.size() - 1).seq(), count + entries.size()));
  }

  private SessionHub load(CommandLog log, String code, LiveOptions options) {
    SessionRegistry registry = new SessionRegistry(vertx, log, Fanout.NONE, options);
    SessionHub hub = on(() -> registry.existing(code)).await();
    context.runOnContext(v -> registry.closeAll());
    return hub;
  }

  private long fill(CommandLog log, String code) {
    List<String> payloads = new ArrayList<>();
    String moderator = Tokens.hash("moderator");
    payloads.add(envelope(new Command.CreateSession("Bench", moderator, Moderation.POST), null, null));
    for (int p = 0; p < participants; p++) {
      payloads.add(envelope(new Command.Join(Tokens.hash("t" + p), Optional.of("Person " + p),
          Optional.of("Org " + p % 100), Optional.empty(), Optional.empty()), null, "join-" + p));
    }
    for (int q = 0; q < QUESTIONS; q++) {
      payloads.add(envelope(new Command.Ask("Question number " + q + " about the floor?", false, Optional.empty()),
          Tokens.hash("t" + q), "ask-" + q));
    }
    long total = appendAll(log, code, payloads);
    for (int round = 0; round < 99; round++) {
      payloads.clear();
      int question = round < QUESTIONS ? round : (round - QUESTIONS) / 2;
      boolean up = round < QUESTIONS || (round - QUESTIONS) % 2 == 1;
      long questionSeq = 1 + participants + 1 + question;
      for (int p = 0; p < participants; p++) {
        payloads.add(envelope(new Command.Vote("q" + questionSeq, up), Tokens.hash("t" + p), null));
      }
      total += appendAll(log, code, payloads);
    }
    return total;
  }

  private long appendAll(CommandLog log, String code, List<String> payloads) {
    for (int from = 0; from < payloads.size(); from += WINDOW) {
      List<String> window = payloads.subList(from, Math.min(payloads.size(), from + WINDOW));
      List<Future<?>> appends = new ArrayList<>();
      on(() -> {
        window.forEach(payload -> appends.add(log.append(code, payload)));
        return Future.all(appends);
      }).await();
    }
    return payloads.size();
  }

  /** A log entry's payload as the hub writes it (see LogEnvelope). */
  private static String envelope(Command command, String tokenHash, String requestId) {
    return new JsonObject().put("t", CommandCodec.typeOf(command)).put("h", tokenHash).put("r", requestId)
        .put("c", CommandCodec.toJson(command)).encode();
  }

  private void print() {
    StringBuilder table = new StringBuilder("\n| log    |   entries | fill ms  | load ms    | snapshot ms | next snap ms | snap KiB | load+snap ms | same | loop CPU stretch (wall lateness) ms: load / snapshot / load+snap |\n"
        + "|--------|-----------|----------|------------|-------------|-----------|----------|------------|------|------|\n");
    rows.forEach(row -> table.append(row).append('\n'));
    LOG.info("{}", table);
  }

  private <T> Future<T> on(Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }

  /** A stored snapshot by its length and digest, so the bench holds no 10 MB strings while it measures the heap. */
  private record Stored(long length, String sha256) {
    static Stored of(String state) {
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
        return new Stored(state.length(), HexFormat.of().formatHex(digest));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Heap in use after two full collections, in bytes. */
  private static long heapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    memory.gc();
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
