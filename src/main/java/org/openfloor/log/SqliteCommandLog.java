package org.openfloor.log;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** The embedded {@link CommandLog}: one SQLite file in WAL mode, appends group-committed by one writer thread. */
public final class SqliteCommandLog implements CommandLog {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteCommandLog.class);
  private static final int MAX_BATCH = 2_000;
  private static final int FOLLOW_PAGE = 500;

  private final Vertx vertx;
  private final Path file;
  private final ExecutorService writer;
  private final ExecutorService reader;
  private final Queue<PendingAppend> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final Object closeLock = new Object();
  private final Map<String, Head> heads = new HashMap<>();
  private final Map<String, List<Follower>> followers = new ConcurrentHashMap<>();
  private final AtomicLong batchesCommitted = new AtomicLong();
  private volatile boolean closed;
  private Connection writeConnection;
  private Connection readConnection;

  private SqliteCommandLog(Vertx vertx, Path file) {
    this.vertx = vertx;
    this.file = file;
    this.writer = Executors.newSingleThreadExecutor(daemonThread("openfloor-sqlite-writer"));
    this.reader = Executors.newSingleThreadExecutor(daemonThread("openfloor-sqlite-reader"));
  }

  /** Opens (creating if needed) the log stored in {@code file}. */
  public static Future<SqliteCommandLog> open(Vertx vertx, Path file) {
    SqliteCommandLog log = new SqliteCommandLog(vertx, file);
    return log.onWriter(log::openWriteConnection)
        .compose(v -> log.onReader(log::openReadConnection))
        .map(v -> log)
        .onFailure(err -> log.abandon());
  }

  /** How many append batches have been committed since this log was opened. */
  public long batchesCommitted() {
    return batchesCommitted.get();
  }

  @Override
  public Future<LogEntry> append(String session, String payload) {
    Context context = vertx.getOrCreateContext();
    Promise<LogEntry> promise = Promise.promise();
    synchronized (closeLock) {
      if (closed) {
        return Future.failedFuture(new IllegalStateException("command log is closed"));
      }
      pending.add(new PendingAppend(session, payload, context, promise));
    }
    scheduleDrain();
    return promise.future();
  }

  @Override
  public Future<List<LogEntry>> read(String session, long afterSeq, int limit) {
    return onReader(() -> selectEntries(session, afterSeq, limit));
  }

  @Override
  public LogSubscription follow(String session, long afterSeq, Handler<LogEntry> handler) {
    Follower follower = new Follower(session, afterSeq, handler, vertx.getOrCreateContext());
    if (closed) {
      follower.close();
      return follower;
    }
    followers.compute(session, (s, list) -> {
      List<Follower> registered = list == null ? new CopyOnWriteArrayList<>() : list;
      registered.add(follower);
      return registered;
    });
    follower.context.runOnContext(v -> follower.readBacklog());
    return follower;
  }

  @Override
  public Future<Void> saveSnapshot(String session, long seq, String state) {
    return onWriter(() -> {
      upsertSnapshot(session, seq, state);
      return null;
    });
  }

  @Override
  public Future<Optional<Snapshot>> latestSnapshot(String session) {
    return onReader(() -> selectSnapshot(session));
  }

  @Override
  public Future<Void> trim(String session, long upToSeq) {
    return onWriter(() -> {
      deleteEntries(session, upToSeq);
      return null;
    });
  }

  @Override
  public Future<Void> delete(String session) {
    return onWriter(() -> {
      deleteSession(session);
      return null;
    });
  }

  @Override
  public Future<List<String>> sessions() {
    return onReader(this::selectSessions);
  }

  private void deleteSession(String session) throws SQLException {
    try {
      for (String table : List.of("entries", "snapshots", "heads")) {
        try (PreparedStatement st = writeConnection.prepareStatement("DELETE FROM " + table + " WHERE session = ?")) {
          st.setString(1, session);
          st.executeUpdate();
        }
      }
      writeConnection.commit();
      heads.remove(session);
      LOG.info("Deleted session {} from {}", session, file);
    } catch (SQLException e) {
      rollback();
      throw e;
    }
  }

  private List<String> selectSessions() throws SQLException {
    List<String> sessions = new ArrayList<>();
    try (Statement st = readConnection.createStatement();
         ResultSet rs = st.executeQuery("SELECT session FROM heads UNION SELECT session FROM snapshots ORDER BY 1")) {
      while (rs.next()) {
        sessions.add(rs.getString(1));
      }
    }
    return sessions;
  }

  @Override
  public Future<Boolean> ready() {
    return Future.succeededFuture(!closed);
  }

  @Override
  public Future<Void> close() {
    synchronized (closeLock) {
      if (closed) {
        return Future.succeededFuture();
      }
      closed = true;
    }
    followers.values().forEach(list -> list.forEach(Follower::close));
    return onWriter(this::drainAndCloseWriter)
        .compose(v -> onReader(this::closeReader))
        .onComplete(ar -> {
          shutdownExecutors();
          LOG.info("Closed command log {} after {} batches", file, batchesCommitted.get());
        });
  }

  private Void drainAndCloseWriter() {
    drain();
    closeQuietly(writeConnection);
    return null;
  }

  private Void closeReader() {
    closeQuietly(readConnection);
    return null;
  }

  private Void openWriteConnection() throws Exception {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    writeConnection = connect();
    try (Statement st = writeConnection.createStatement()) {
      st.execute("PRAGMA journal_mode=WAL");
      st.execute("PRAGMA synchronous=FULL");
      st.execute("CREATE TABLE IF NOT EXISTS entries (session TEXT NOT NULL, seq INTEGER NOT NULL, "
          + "ts INTEGER NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (session, seq)) WITHOUT ROWID");
      st.execute("CREATE TABLE IF NOT EXISTS snapshots (session TEXT PRIMARY KEY, seq INTEGER NOT NULL, "
          + "state TEXT NOT NULL)");
      st.execute("CREATE TABLE IF NOT EXISTS heads (session TEXT PRIMARY KEY, seq INTEGER NOT NULL, "
          + "ts INTEGER NOT NULL)");
    }
    writeConnection.setAutoCommit(false);
    writeConnection.commit();
    LOG.info("Opened command log {}", file);
    return null;
  }

  private Void openReadConnection() throws SQLException {
    readConnection = connect();
    return null;
  }

  private Connection connect() throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement st = connection.createStatement()) {
      st.execute("PRAGMA busy_timeout=5000");
    }
    return connection;
  }

  private void scheduleDrain() {
    if (drainScheduled.compareAndSet(false, true)) {
      try {
        writer.execute(this::drainAndRelease);
      } catch (RejectedExecutionException e) {
        drainScheduled.set(false);
        failAll(pendingSnapshot(), e);
      }
    }
  }

  private void drainAndRelease() {
    drain();
    drainScheduled.set(false);
    if (!pending.isEmpty()) {
      scheduleDrain();
    }
  }

  private void drain() {
    List<PendingAppend> batch;
    while (!(batch = takeBatch()).isEmpty()) {
      commitBatch(batch);
    }
  }

  private List<PendingAppend> takeBatch() {
    List<PendingAppend> batch = new ArrayList<>();
    PendingAppend next;
    while (batch.size() < MAX_BATCH && (next = pending.poll()) != null) {
      batch.add(next);
    }
    return batch;
  }

  private List<PendingAppend> pendingSnapshot() {
    List<PendingAppend> all = new ArrayList<>();
    PendingAppend next;
    while ((next = pending.poll()) != null) {
      all.add(next);
    }
    return all;
  }

  private void commitBatch(List<PendingAppend> batch) {
    if (writeConnection == null) {
      failAll(batch, new IllegalStateException("command log is not open"));
      return;
    }
    List<LogEntry> entries;
    try {
      entries = insertBatch(batch);
      writeConnection.commit();
      batchesCommitted.incrementAndGet();
    } catch (Exception e) {
      LOG.error("Failed to commit a batch of {} appends to {}; each fails to its sender: {}", batch.size(), file,
          e.toString());
      rollback();
      batch.forEach(p -> heads.remove(p.session));
      failAll(batch, e);
      return;
    }
    completeAll(batch, entries);
    notifyFollowers(entries);
  }

  private List<LogEntry> insertBatch(List<PendingAppend> batch) throws SQLException {
    List<LogEntry> entries = new ArrayList<>(batch.size());
    Set<String> touched = new LinkedHashSet<>();
    try (PreparedStatement insert = writeConnection.prepareStatement(
        "INSERT INTO entries (session, seq, ts, payload) VALUES (?, ?, ?, ?)")) {
      for (PendingAppend append : batch) {
        LogEntry entry = nextEntry(append);
        entries.add(entry);
        touched.add(entry.session());
        insert.setString(1, entry.session());
        insert.setLong(2, entry.seq());
        insert.setLong(3, entry.timestamp());
        insert.setString(4, entry.payload());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    upsertHeads(touched);
    return entries;
  }

  private LogEntry nextEntry(PendingAppend append) throws SQLException {
    Head head = head(append.session);
    head.seq++;
    head.ts = Math.max(head.ts, System.currentTimeMillis());
    return new LogEntry(append.session, head.seq, head.ts, append.payload);
  }

  private Head head(String session) throws SQLException {
    Head head = heads.get(session);
    if (head == null) {
      head = loadHead(session);
      heads.put(session, head);
    }
    return head;
  }

  private Head loadHead(String session) throws SQLException {
    Head head = new Head();
    try (PreparedStatement st = writeConnection.prepareStatement(
        "SELECT coalesce(max(seq), 0), coalesce(max(ts), 0) FROM ("
            + " SELECT seq, ts FROM heads WHERE session = ?"
            + " UNION ALL SELECT max(seq), max(ts) FROM entries WHERE session = ?"
            + " UNION ALL SELECT seq, 0 FROM snapshots WHERE session = ?)")) {
      st.setString(1, session);
      st.setString(2, session);
      st.setString(3, session);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        head.seq = rs.getLong(1);
        head.ts = rs.getLong(2);
      }
    }
    return head;
  }

  private void upsertHeads(Set<String> sessions) throws SQLException {
    try (PreparedStatement st = writeConnection.prepareStatement(
        "INSERT INTO heads (session, seq, ts) VALUES (?, ?, ?) "
            + "ON CONFLICT(session) DO UPDATE SET seq = excluded.seq, ts = excluded.ts")) {
      for (String session : sessions) {
        Head head = heads.get(session);
        st.setString(1, session);
        st.setLong(2, head.seq);
        st.setLong(3, head.ts);
        st.addBatch();
      }
      st.executeBatch();
    }
  }

  private void upsertSnapshot(String session, long seq, String state) throws SQLException {
    try (PreparedStatement st = writeConnection.prepareStatement(
        "INSERT INTO snapshots (session, seq, state) VALUES (?, ?, ?) "
            + "ON CONFLICT(session) DO UPDATE SET seq = excluded.seq, state = excluded.state "
            + "WHERE excluded.seq >= snapshots.seq")) {
      st.setString(1, session);
      st.setLong(2, seq);
      st.setString(3, state);
      st.executeUpdate();
      writeConnection.commit();
    } catch (SQLException e) {
      rollback();
      throw e;
    }
    Head head = heads.get(session);
    if (head != null && head.seq < seq) {
      head.seq = seq;
    }
  }

  private void deleteEntries(String session, long upToSeq) throws SQLException {
    try (PreparedStatement st = writeConnection.prepareStatement(
        "DELETE FROM entries WHERE session = ? AND seq <= ?")) {
      st.setString(1, session);
      st.setLong(2, upToSeq);
      int removed = st.executeUpdate();
      writeConnection.commit();
      LOG.debug("Trimmed {} entries of session {} up to seq {}", removed, session, upToSeq);
    } catch (SQLException e) {
      rollback();
      throw e;
    }
  }

  private List<LogEntry> selectEntries(String session, long afterSeq, int limit) throws SQLException {
    List<LogEntry> entries = new ArrayList<>();
    try (PreparedStatement st = readConnection.prepareStatement(
        "SELECT seq, ts, payload FROM entries WHERE session = ? AND seq > ? ORDER BY seq LIMIT ?")) {
      st.setString(1, session);
      st.setLong(2, afterSeq);
      st.setInt(3, limit);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          entries.add(new LogEntry(session, rs.getLong(1), rs.getLong(2), rs.getString(3)));
        }
      }
    }
    return entries;
  }

  private Optional<Snapshot> selectSnapshot(String session) throws SQLException {
    try (PreparedStatement st = readConnection.prepareStatement(
        "SELECT seq, state FROM snapshots WHERE session = ?")) {
      st.setString(1, session);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(new Snapshot(session, rs.getLong(1), rs.getString(2))) : Optional.empty();
      }
    }
  }

  private void rollback() {
    try {
      writeConnection.rollback();
    } catch (SQLException e) {
      LOG.error("Rollback failed on {}", file, e);
    }
  }

  private void completeAll(List<PendingAppend> batch, List<LogEntry> entries) {
    for (int i = 0; i < batch.size(); i++) {
      PendingAppend append = batch.get(i);
      LogEntry entry = entries.get(i);
      append.context.runOnContext(v -> append.promise.complete(entry));
    }
  }

  private static void failAll(List<PendingAppend> batch, Throwable cause) {
    for (PendingAppend append : batch) {
      append.context.runOnContext(v -> append.promise.fail(cause));
    }
  }

  private void notifyFollowers(List<LogEntry> entries) {
    if (followers.isEmpty()) {
      return;
    }
    Map<String, List<LogEntry>> bySession = new LinkedHashMap<>();
    for (LogEntry entry : entries) {
      bySession.computeIfAbsent(entry.session(), s -> new ArrayList<>()).add(entry);
    }
    bySession.forEach((session, sessionEntries) -> {
      List<Follower> list = followers.get(session);
      if (list != null) {
        list.forEach(f -> f.context.runOnContext(v -> f.onLive(sessionEntries)));
      }
    });
  }

  private <T> Future<T> onWriter(Callable<T> task) {
    return runOn(writer, task);
  }

  private <T> Future<T> onReader(Callable<T> task) {
    return runOn(reader, task);
  }

  private <T> Future<T> runOn(ExecutorService executor, Callable<T> task) {
    Context context = vertx.getOrCreateContext();
    Promise<T> promise = Promise.promise();
    try {
      executor.execute(() -> {
        try {
          T result = task.call();
          context.runOnContext(v -> promise.complete(result));
        } catch (Throwable e) {
          context.runOnContext(v -> promise.fail(e));
        }
      });
    } catch (RejectedExecutionException e) {
      return Future.failedFuture(new IllegalStateException("command log is closed", e));
    }
    return promise.future();
  }

  private void abandon() {
    closed = true;
    closeQuietly(writeConnection);
    closeQuietly(readConnection);
    shutdownExecutors();
  }

  private void shutdownExecutors() {
    writer.shutdown();
    reader.shutdown();
  }

  private void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("Failed to close a connection to {}", file, e);
    }
  }

  private static ThreadFactory daemonThread(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  private static final class Head {
    long seq;
    long ts;
  }

  private record PendingAppend(String session, String payload, Context context, Promise<LogEntry> promise) {
  }

  private final class Follower implements LogSubscription {
    private final String session;
    private final Handler<LogEntry> handler;
    private final Context context;
    private final List<LogEntry> buffered = new ArrayList<>();
    private long lastDelivered;
    private boolean catchingUp = true;
    private volatile boolean stopped;

    Follower(String session, long afterSeq, Handler<LogEntry> handler, Context context) {
      this.session = session;
      this.lastDelivered = afterSeq;
      this.handler = handler;
      this.context = context;
    }

    void readBacklog() {
      if (stopped) {
        return;
      }
      read(session, lastDelivered, FOLLOW_PAGE).onComplete(ar -> {
        if (ar.failed()) {
          LOG.error("Failed to read the backlog of session {} after seq {}", session, lastDelivered, ar.cause());
          close();
          return;
        }
        ar.result().forEach(this::deliver);
        if (ar.result().size() == FOLLOW_PAGE) {
          readBacklog();
        } else {
          finishCatchUp();
        }
      });
    }

    private void finishCatchUp() {
      catchingUp = false;
      buffered.sort((a, b) -> Long.compare(a.seq(), b.seq()));
      buffered.forEach(this::deliver);
      buffered.clear();
    }

    void onLive(List<LogEntry> entries) {
      if (catchingUp) {
        buffered.addAll(entries);
      } else {
        entries.forEach(this::deliver);
      }
    }

    private void deliver(LogEntry entry) {
      if (stopped || entry.seq() <= lastDelivered) {
        return;
      }
      lastDelivered = entry.seq();
      try {
        handler.handle(entry);
      } catch (RuntimeException e) {
        LOG.error("Follow handler of session {} failed on seq {}", session, entry.seq(), e);
      }
    }

    @Override
    public void close() {
      stopped = true;
      followers.computeIfPresent(session, (s, list) -> {
        list.remove(this);
        return list.isEmpty() ? null : list;
      });
    }
  }
}
