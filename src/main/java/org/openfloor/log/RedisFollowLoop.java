package org.openfloor.log;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Feeds every follower of a {@link RedisCommandLog}: one dedicated connection loops on a
 * blocking XREAD over all followed streams; new or lagging followers catch up with XRANGE pages.
 * All mutable state is confined to one Vert.x context; handlers run on each follower's context.
 */
final class RedisFollowLoop {

  private static final Logger LOG = LoggerFactory.getLogger(RedisFollowLoop.class);

  static final long BLOCK_MS = 1_000;
  static final int READ_COUNT = 512;
  static final int PAGE_SIZE = 500;
  private static final int MAX_EMPTY_REREADS = 3;
  private static final long WAKE_RETRY_MS = 2;
  private static final long MIN_BACKOFF_MS = 100;
  private static final long MAX_BACKOFF_MS = 2_000;

  private final Vertx vertx;
  private final RedisCommandLog log;
  private final Redis readerClient;
  private final Context loopContext;
  private final Map<String, Feed> feeds = new HashMap<>();
  private RedisConnection connection;
  private long connectionId;
  private boolean reading;
  private long readGeneration;
  private boolean closed;
  private long reconnectBackoffMs = MIN_BACKOFF_MS;

  RedisFollowLoop(Vertx vertx, RedisCommandLog log, Redis readerClient) {
    this.vertx = vertx;
    this.log = log;
    this.readerClient = readerClient;
    this.loopContext = vertx.getOrCreateContext();
  }

  void start() {
    onLoop(this::connect);
  }

  LogSubscription follow(String session, long afterSeq, Context context, Handler<LogEntry> handler) {
    Follower follower = new Follower(session, afterSeq, context, handler);
    onLoop(() -> register(follower));
    return () -> {
      follower.closed = true;
      onLoop(() -> unregister(follower));
    };
  }

  Future<Void> close() {
    Promise<Void> done = Promise.promise();
    onLoop(() -> {
      closed = true;
      feeds.values().forEach(feed -> feed.followers.forEach(f -> f.closed = true));
      feeds.clear();
      RedisConnection current = connection;
      connection = null;
      Future<Void> closing = current == null ? Future.succeededFuture() : current.close();
      closing.eventually(readerClient::close).onComplete(done);
    });
    return done.future();
  }

  private void register(Follower follower) {
    if (closed) {
      return;
    }
    feeds.computeIfAbsent(follower.session, Feed::new).followers.add(follower);
    startCatchUp(follower);
  }

  private void unregister(Follower follower) {
    Feed feed = feeds.get(follower.session);
    if (feed != null) {
      feed.followers.remove(follower);
      if (feed.followers.isEmpty()) {
        feeds.remove(follower.session);
      }
    }
  }

  private void startCatchUp(Follower follower) {
    follower.catchingUp = true;
    fetchPage(follower);
  }

  private void fetchPage(Follower follower) {
    log.range(follower.session, follower.last, PAGE_SIZE)
        .onComplete(result -> onLoop(() -> {
          if (follower.closed || closed) {
            return;
          }
          if (result.failed()) {
            retryCatchUp(follower, result.cause());
            return;
          }
          follower.retryBackoffMs = MIN_BACKOFF_MS;
          List<LogEntry> page = result.result();
          deliver(follower, page);
          if (needsAnotherPage(follower, page)) {
            fetchPage(follower);
          } else {
            finishCatchUp(follower);
          }
        }));
  }

  private static boolean needsAnotherPage(Follower follower, List<LogEntry> page) {
    if (page.size() == PAGE_SIZE) {
      return true;
    }
    if (follower.maxSeen <= follower.last) {
      return false;
    }
    if (!page.isEmpty()) {
      follower.emptyRereads = 0;
      return true;
    }
    return follower.emptyRereads++ < MAX_EMPTY_REREADS;
  }

  private void retryCatchUp(Follower follower, Throwable cause) {
    LOG.warn("Catching up {} after {} failed, retrying in {} ms: {}",
        follower.session, follower.last, follower.retryBackoffMs, cause.getMessage());
    long delay = follower.retryBackoffMs;
    follower.retryBackoffMs = Math.min(delay * 2, MAX_BACKOFF_MS);
    vertx.setTimer(delay, id -> onLoop(() -> {
      if (!follower.closed && !closed) {
        fetchPage(follower);
      }
    }));
  }

  private void finishCatchUp(Follower follower) {
    follower.catchingUp = false;
    follower.emptyRereads = 0;
    Feed feed = feeds.get(follower.session);
    if (feed != null && feed.cursor < 0) {
      feed.cursor = follower.last;
      wakeReader();
    }
  }

  private void deliver(Follower follower, List<LogEntry> entries) {
    List<LogEntry> fresh = new ArrayList<>(entries.size());
    for (LogEntry entry : entries) {
      if (entry.seq() > follower.last) {
        if (entry.seq() != follower.last + 1) {
          LOG.warn("Follower of {} skips from {} to {}: entries were trimmed",
              follower.session, follower.last, entry.seq());
        }
        fresh.add(entry);
        follower.last = entry.seq();
      }
    }
    if (!fresh.isEmpty()) {
      follower.context.runOnContext(v -> follower.handle(fresh));
    }
  }

  private void dispatch(Feed feed, List<LogEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    feed.cursor = Math.max(feed.cursor, entries.get(entries.size() - 1).seq());
    for (Follower follower : List.copyOf(feed.followers)) {
      dispatchTo(follower, entries);
    }
  }

  private void dispatchTo(Follower follower, List<LogEntry> entries) {
    long newest = entries.get(entries.size() - 1).seq();
    follower.maxSeen = Math.max(follower.maxSeen, newest);
    if (follower.catchingUp || newest <= follower.last) {
      return;
    }
    List<LogEntry> contiguous = new ArrayList<>(entries.size());
    long expected = follower.last + 1;
    for (LogEntry entry : entries) {
      if (entry.seq() < expected) {
        continue;
      }
      if (entry.seq() != expected) {
        deliver(follower, contiguous);
        startCatchUp(follower);
        return;
      }
      contiguous.add(entry);
      expected++;
    }
    deliver(follower, contiguous);
  }

  private void connect() {
    if (closed || connection != null) {
      return;
    }
    readerClient.connect()
        .compose(conn -> conn.send(Request.cmd(Command.CLIENT).arg("ID"))
            .map(id -> {
              connectionId = id.toLong();
              return conn;
            })
            .recover(err -> conn.close().transform(ignored -> Future.failedFuture(err))))
        .onComplete(result -> onLoop(() -> {
          if (result.succeeded()) {
            onConnected(result.result());
          } else {
            scheduleReconnect(result.cause());
          }
        }));
  }

  private void onConnected(RedisConnection conn) {
    if (closed) {
      conn.close();
      return;
    }
    if (reconnectBackoffMs > MIN_BACKOFF_MS) {
      LOG.info("Follow connection to Redis re-established");
    }
    connection = conn;
    reconnectBackoffMs = MIN_BACKOFF_MS;
    conn.exceptionHandler(err -> onLoop(() -> connectionLost(conn, err)));
    conn.endHandler(v -> onLoop(() -> connectionLost(conn, new IllegalStateException("connection closed"))));
    pump();
  }

  private void scheduleReconnect(Throwable cause) {
    if (closed) {
      return;
    }
    long delay = reconnectBackoffMs;
    reconnectBackoffMs = Math.min(delay * 2, MAX_BACKOFF_MS);
    LOG.warn("Follow connection to Redis unavailable, retrying in {} ms: {}", delay, cause.getMessage());
    vertx.setTimer(delay, id -> onLoop(this::connect));
  }

  private void connectionLost(RedisConnection conn, Throwable cause) {
    if (connection != conn) {
      return;
    }
    connection = null;
    reading = false;
    conn.close();
    scheduleReconnect(cause);
  }

  private void wakeReader() {
    if (!reading || connection == null) {
      pump();
      return;
    }
    long generation = readGeneration;
    log.send(Request.cmd(Command.CLIENT).arg("UNBLOCK").arg(connectionId))
        .onSuccess(unblocked -> onLoop(() -> {
          if (unblocked.toInteger() == 0 && isStillReading(generation)) {
            vertx.setTimer(WAKE_RETRY_MS, id -> onLoop(() -> {
              if (isStillReading(generation)) {
                wakeReader();
              }
            }));
          }
        }));
  }

  private boolean isStillReading(long generation) {
    return !closed && reading && readGeneration == generation;
  }

  private void pump() {
    if (closed || reading || connection == null) {
      return;
    }
    List<Feed> active = feeds.values().stream().filter(feed -> feed.cursor >= 0).toList();
    if (active.isEmpty()) {
      return;
    }
    RedisConnection conn = connection;
    reading = true;
    readGeneration++;
    conn.send(xread(active))
        .timeout(BLOCK_MS + RedisCommandLog.COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .onComplete(result -> onLoop(() -> {
          if (connection != conn) {
            return;
          }
          reading = false;
          if (result.succeeded()) {
            handleXread(result.result());
            pump();
          } else {
            connectionLost(conn, result.cause());
          }
        }));
  }

  private Request xread(List<Feed> active) {
    Request request = Request.cmd(Command.XREAD)
        .arg("COUNT").arg(READ_COUNT).arg("BLOCK").arg(BLOCK_MS).arg("STREAMS");
    active.forEach(feed -> request.arg(log.streamKey(feed.session)));
    active.forEach(feed -> request.arg(feed.cursor + "-0"));
    return request;
  }

  private void handleXread(Response response) {
    if (response == null) {
      return;
    }
    for (Response stream : response) {
      String session = log.sessionOfStreamKey(stream.get(0).toString());
      Feed feed = feeds.get(session);
      if (feed != null) {
        dispatch(feed, RedisCommandLog.parseEntries(session, stream.get(1)));
      }
    }
  }

  private void onLoop(Runnable action) {
    loopContext.runOnContext(v -> action.run());
  }

  /** The followers of one session and the stream id the blocking read continues after. */
  private static final class Feed {
    final String session;
    final List<Follower> followers = new ArrayList<>();
    long cursor = -1;

    Feed(String session) {
      this.session = session;
    }
  }

  /** One follow registration: where it stands and where its entries go. */
  private static final class Follower {
    final String session;
    final Context context;
    final Handler<LogEntry> handler;
    long last;
    long maxSeen;
    int emptyRereads;
    boolean catchingUp;
    long retryBackoffMs = MIN_BACKOFF_MS;
    volatile boolean closed;

    Follower(String session, long afterSeq, Context context, Handler<LogEntry> handler) {
      this.session = session;
      this.last = afterSeq;
      this.context = context;
      this.handler = handler;
    }

    void handle(List<LogEntry> entries) {
      for (LogEntry entry : entries) {
        if (closed) {
          return;
        }
        try {
          handler.handle(entry);
        } catch (RuntimeException e) {
          LOG.error("Follow handler of {} failed on seq {}", session, entry.seq(), e);
        }
      }
    }
  }
}
