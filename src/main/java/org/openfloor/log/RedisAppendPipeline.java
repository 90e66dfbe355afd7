package org.openfloor.log;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sends a {@link RedisCommandLog}'s appends over one long-lived connection, pipelined: whatever was
 * queued since the last turn is written at once, without waiting for earlier replies, so Redis runs a
 * whole batch in one pass (and, with {@code appendfsync always}, one fsync) and one round trip carries
 * any number of appends. With a WAIT policy one WAIT follows each batch and confirms all of it.
 *
 * <p>The connection comes from a client of its own, made afresh whenever the connection is lost, times
 * out or lands on a replica, so each new one asks Sentinel (if configured) for the current primary. At
 * most {@link #MAX_PENDING} appends wait or travel at once; beyond that an append fails at once. An
 * append still queued when its time is up fails without ever being sent; one sent but unconfirmed in
 * time fails too (Redis may still apply it). A connection on which Redis answered nothing for that
 * long is dropped. All state is confined to the context that made the pipeline.
 */
final class RedisAppendPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(RedisAppendPipeline.class);

  /** Appends that may wait for Redis or travel to it at once. */
  static final int MAX_PENDING = 10_000;
  private static final long CHECK_EVERY_MS = 100;

  private final Vertx vertx;
  private final Context context;
  private final RedisLogOptions options;
  private final String script;
  private final String scriptSha;
  private final Supplier<Redis> newClient;
  private final Deque<Pending> queued = new ArrayDeque<>();
  private final Deque<Pending> inFlight = new ArrayDeque<>();
  private Redis client;
  private RedisConnection connection;
  private boolean connecting;
  private long lastReplyNanos;
  private boolean flushScheduled;
  private long checkTimer = -1;
  private boolean closed;

  RedisAppendPipeline(Vertx vertx, RedisLogOptions options, String script, Supplier<Redis> newClient) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.options = options;
    this.script = script;
    this.scriptSha = sha1Hex(script);
    this.newClient = newClient;
  }

  /**
   * Runs the append script with {@code keys} and {@code payload} as its only argument; the script returns
   * the entry's seq and timestamp. Completes on this pipeline's context.
   */
  Future<LogEntry> append(String session, List<String> keys, String payload) {
    Pending pending = new Pending(session, keys, payload, System.nanoTime());
    if (Vertx.currentContext() == context) {
      enqueue(pending);
    } else {
      context.runOnContext(v -> enqueue(pending));
    }
    return pending.promise.future();
  }

  Future<Void> close() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      closed = true;
      failAll(queued, new IllegalStateException("log closed"));
      dropConnection().onComplete(done);
    });
    return done.future();
  }

  private void enqueue(Pending pending) {
    if (closed) {
      pending.promise.tryFail(new IllegalStateException("log closed"));
      return;
    }
    if (queued.size() + inFlight.size() >= MAX_PENDING) {
      pending.promise.tryFail(new IllegalStateException("Redis is saturated: " + MAX_PENDING
          + " appends are already waiting for it"));
      return;
    }
    queued.addLast(pending);
    watchDeadlines();
    scheduleFlush();
  }

  private void scheduleFlush() {
    if (!flushScheduled) {
      flushScheduled = true;
      context.runOnContext(v -> {
        flushScheduled = false;
        flush();
      });
    }
  }

  private void flush() {
    if (closed || queued.isEmpty()) {
      return;
    }
    if (connection == null) {
      connect();
      return;
    }
    List<Pending> batch = new ArrayList<>(queued);
    queued.clear();
    send(connection, batch);
  }

  private void send(RedisConnection conn, List<Pending> batch) {
    List<Future<Response>> replies = new ArrayList<>(batch.size());
    long now = System.nanoTime();
    for (Pending pending : batch) {
      pending.sentNanos = now;
      inFlight.addLast(pending);
      replies.add(conn.send(scriptCall(pending)));
    }
    Future<Response> confirmed = options.waitsForReplicas()
        ? conn.send(Request.cmd(Command.WAIT).arg(options.waitReplicas()).arg(options.waitTimeoutMs()))
        : null;
    for (int i = 0; i < batch.size(); i++) {
      Pending pending = batch.get(i);
      replies.get(i).onComplete(reply -> answered(conn, pending, reply.result(), reply.cause(), confirmed));
    }
  }

  /** EVALSHA, since the script is loaded on every new connection; EVAL after Redis said it lost it. */
  private Request scriptCall(Pending pending) {
    Request call = pending.fullScript ? Request.cmd(Command.EVAL).arg(script)
        : Request.cmd(Command.EVALSHA).arg(scriptSha);
    call.arg(pending.keys.size());
    pending.keys.forEach(call::arg);
    return call.arg(pending.payload);
  }

  private void answered(RedisConnection conn, Pending pending, Response reply, Throwable failure,
                        Future<Response> confirmed) {
    pending.answered = true;
    lastReplyNanos = System.nanoTime();
    if (failure != null && isNoScript(failure) && !pending.fullScript && !pending.promise.future().isComplete()) {
      pending.fullScript = true;
      queued.addFirst(pending);
      scheduleFlush();
      return;
    }
    if (failure != null) {
      if (isReadOnly(failure)) {
        connectionLost(conn, failure);
      }
      finish(pending, null, failure);
      return;
    }
    LogEntry entry = new LogEntry(pending.session, reply.get(0).toLong(), reply.get(1).toLong(), pending.payload);
    if (confirmed == null) {
      finish(pending, entry, null);
      return;
    }
    confirmed.onComplete(wait -> finish(pending, entry, wait.failed() ? wait.cause() : tooFewReplicas(entry, wait.result())));
  }

  private Throwable tooFewReplicas(LogEntry entry, Response acked) {
    int replicas = acked.toInteger();
    return replicas >= options.waitReplicas() ? null : new IllegalStateException("entry " + entry.seq() + " of "
        + entry.session() + " reached " + replicas + " of " + options.waitReplicas() + " replicas");
  }

  private void finish(Pending pending, LogEntry entry, Throwable failure) {
    if (failure == null) {
      pending.promise.tryComplete(entry);
    } else {
      pending.promise.tryFail(failure);
    }
  }

  private static boolean isReadOnly(Throwable failure) {
    return failure.getMessage() != null && failure.getMessage().contains("READONLY");
  }

  private static boolean isNoScript(Throwable failure) {
    return failure.getMessage() != null && failure.getMessage().contains("NOSCRIPT");
  }

  private void connect() {
    if (connecting || closed) {
      return;
    }
    connecting = true;
    Redis fresh = newClient.get();
    fresh.connect()
        .compose(conn -> conn.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(script)).map(loaded -> conn))
        .timeout(RedisCommandLog.COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .onComplete(result -> context.runOnContext(v -> {
          connecting = false;
          if (result.succeeded() && !closed) {
            adopt(fresh, result.result());
          } else {
            fresh.close();
            failAll(queued, result.failed() ? result.cause() : new IllegalStateException("log closed"));
          }
        }));
  }

  private void adopt(Redis fresh, RedisConnection conn) {
    client = fresh;
    connection = conn;
    conn.exceptionHandler(err -> context.runOnContext(v -> connectionLost(conn, err)));
    conn.endHandler(end -> context.runOnContext(v -> connectionLost(conn, new IllegalStateException(
        "connection to Redis closed"))));
    LOG.debug("Append connection to Redis open");
    flush();
  }

  private void connectionLost(RedisConnection conn, Throwable cause) {
    if (connection != conn) {
      return;
    }
    LOG.warn("Append connection to Redis lost, {} appends in flight fail: {}", pendingInFlight(), cause.toString());
    dropConnection();
    failAll(inFlight, cause);
    scheduleFlush();
  }

  private Future<Void> dropConnection() {
    Redis old = client;
    client = null;
    connection = null;
    return old == null ? Future.succeededFuture() : old.close();
  }

  private void watchDeadlines() {
    if (checkTimer < 0) {
      checkTimer = vertx.setPeriodic(CHECK_EVERY_MS, id -> checkDeadlines());
    }
  }

  private void checkDeadlines() {
    long now = System.nanoTime();
    while (!queued.isEmpty() && overdue(queued.peekFirst().askedNanos, now, RedisCommandLog.COMMAND_TIMEOUT_MS)) {
      queued.removeFirst().promise.tryFail(new IllegalStateException("Redis did not take the append within "
          + RedisCommandLog.COMMAND_TIMEOUT_MS + " ms; it was not sent"));
    }
    while (!inFlight.isEmpty() && inFlight.peekFirst().answered) {
      inFlight.removeFirst();
    }
    failOverdueInFlight(now);
    Pending oldest = inFlight.peekFirst();
    if (oldest != null && overdue(Math.max(oldest.sentNanos, lastReplyNanos), now, inFlightTimeoutMs())) {
      connectionLost(connection, new IllegalStateException("Redis answered nothing for " + inFlightTimeoutMs()
          + " ms"));
    }
    if (queued.isEmpty() && inFlight.isEmpty()) {
      vertx.cancelTimer(checkTimer);
      checkTimer = -1;
    }
  }

  /** Answers the callers of sent appends whose time is up; the appends stay in flight until Redis answers. */
  private void failOverdueInFlight(long now) {
    for (Pending pending : inFlight) {
      if (!overdue(pending.askedNanos, now, inFlightTimeoutMs())) {
        return;
      }
      pending.promise.tryFail(new IllegalStateException("Redis did not confirm the append within "
          + inFlightTimeoutMs() + " ms; it may still be applied"));
    }
  }

  private static boolean overdue(long since, long now, long timeoutMs) {
    return now - since > TimeUnit.MILLISECONDS.toNanos(timeoutMs);
  }

  private long inFlightTimeoutMs() {
    return RedisCommandLog.COMMAND_TIMEOUT_MS + (options.waitsForReplicas() ? options.waitTimeoutMs() : 0);
  }

  private int pendingInFlight() {
    return (int) inFlight.stream().filter(pending -> !pending.answered).count();
  }

  private static void failAll(Deque<Pending> pendings, Throwable cause) {
    for (Pending pending : pendings) {
      pending.answered = true;
      pending.promise.tryFail(cause);
    }
    pendings.clear();
  }

  /** One append on its way: what to send, when it was asked for, and whom to answer. */
  private static final class Pending {
    final String session;
    final List<String> keys;
    final String payload;
    final long askedNanos;
    final Promise<LogEntry> promise = Promise.promise();
    long sentNanos;
    boolean answered;
    boolean fullScript;

    Pending(String session, List<String> keys, String payload, long askedNanos) {
      this.session = session;
      this.keys = keys;
      this.payload = payload;
      this.askedNanos = askedNanos;
    }
  }

  private static String sha1Hex(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 unavailable", e);
    }
  }
}
