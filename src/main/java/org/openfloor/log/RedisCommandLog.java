package org.openfloor.log;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CommandLog} on Redis Streams: one stream per session whose entry ids are the dense
 * sequence numbers, assigned atomically with the append by a Lua script; shared by many nodes.
 *
 * <p>Durability is Redis's: an append is acked once Redis replied, so with {@code appendonly yes}
 * and {@code appendfsync always} once it is fsynced, and with a WAIT policy once that many
 * replicas have it too. An append that fails because the connection dropped or the 2 s timeout
 * passed may still have been applied; callers dedupe retries by their request id. Needs Redis
 * 6.2 or later, standalone or primary/replica (all streams are read by one XREAD).
 *
 * <p>Appends are pipelined over one connection of their own ({@link RedisAppendPipeline}); the follow
 * loop has another; reads, snapshots, trims and the rest share a pool of {@value #POOL_SIZE} connections
 * in which at most {@value #POOL_WAITING} requests may wait.
 */
public final class RedisCommandLog implements CommandLog {

  private static final Logger LOG = LoggerFactory.getLogger(RedisCommandLog.class);

  static final long COMMAND_TIMEOUT_MS = 2_000;
  private static final long SNAPSHOT_TIMEOUT_MS = 10_000;
  private static final long OPEN_TIMEOUT_MS = 10_000;
  private static final int CONNECT_TIMEOUT_MS = 1_000;
  private static final int POOL_SIZE = 8;
  private static final int POOL_WAITING = 1_024;
  private static final int PIPELINED_PER_CONNECTION = 2 * RedisAppendPipeline.MAX_PENDING;

  static final String APPEND_SCRIPT = """
      local seq = redis.call('INCR', KEYS[1])
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      local prev = tonumber(redis.call('GET', KEYS[2]) or '0')
      if prev > now then now = prev end
      redis.call('SET', KEYS[2], string.format('%d', now))
      redis.call('XADD', KEYS[3], string.format('%d-0', seq), 'ts', string.format('%d', now), 'payload', ARGV[1])
      return {seq, now}
      """;

  static final String SAVE_SNAPSHOT_SCRIPT = """
      local current = tonumber(redis.call('HGET', KEYS[1], 'seq') or '-1')
      if tonumber(ARGV[1]) >= current then
        redis.call('HSET', KEYS[1], 'seq', ARGV[1], 'state', ARGV[2])
        return 1
      end
      return 0
      """;

  private final Vertx vertx;
  private final RedisLogOptions options;
  private final Redis client;
  private final RedisAppendPipeline appends;
  private final RedisFollowLoop followLoop;
  private volatile boolean closed;

  private RedisCommandLog(Vertx vertx, RedisLogOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.client = Redis.createClient(vertx, redisOptions(options, POOL_SIZE));
    this.appends = new RedisAppendPipeline(vertx, options, APPEND_SCRIPT,
        () -> Redis.createClient(vertx, redisOptions(options, 1)));
    this.followLoop = new RedisFollowLoop(vertx, this, Redis.createClient(vertx, redisOptions(options, 1)));
  }

  /** Connects to Redis per {@code options}; fails if Redis does not answer PING. */
  public static Future<RedisCommandLog> open(Vertx vertx, RedisLogOptions options) {
    Context caller = vertx.getOrCreateContext();
    RedisCommandLog log = new RedisCommandLog(vertx, options);
    Future<RedisCommandLog> opened = log.client.send(Request.cmd(Command.PING))
        .timeout(OPEN_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(pong -> {
          log.followLoop.start();
          LOG.info("Redis command log open on {} with prefix {}", options.connectionString(), options.keyPrefix());
          return log;
        })
        .recover(err -> log.close().transform(ignored -> Future.failedFuture(err)));
    return onContext(caller, opened);
  }

  static RedisOptions redisOptions(RedisLogOptions options, int poolSize) {
    return RedisEndpoints.apply(new RedisOptions(), options.connectionString())
        .setMaxPoolSize(poolSize)
        .setMaxPoolWaiting(POOL_WAITING)
        .setMaxWaitingHandlers(PIPELINED_PER_CONNECTION)
        .setPreferredProtocolVersion(ProtocolVersion.RESP2)
        .setNetClientOptions(new NetClientOptions()
            .setConnectTimeout(CONNECT_TIMEOUT_MS)
            .setTcpNoDelay(true)
            .setTcpKeepAlive(true));
  }

  @Override
  public Future<LogEntry> append(String session, String payload) {
    Context caller = vertx.getOrCreateContext();
    if (closed) {
      return Future.failedFuture(new IllegalStateException("log closed"));
    }
    List<String> keys = List.of(seqKey(session), tsKey(session), streamKey(session));
    return onContext(caller, appends.append(session, keys, payload));
  }

  @Override
  public Future<List<LogEntry>> read(String session, long afterSeq, int limit) {
    Context caller = vertx.getOrCreateContext();
    if (limit <= 0) {
      return Future.succeededFuture(List.of());
    }
    return onContext(caller, range(session, afterSeq, limit));
  }

  Future<List<LogEntry>> range(String session, long afterSeq, int limit) {
    Request request = Request.cmd(Command.XRANGE)
        .arg(streamKey(session)).arg((afterSeq + 1) + "-0").arg("+")
        .arg("COUNT").arg(limit);
    return client.send(request)
        .timeout(COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(response -> parseEntries(session, response));
  }

  static List<LogEntry> parseEntries(String session, Response entries) {
    if (entries == null) {
      return List.of();
    }
    List<LogEntry> parsed = new ArrayList<>(entries.size());
    for (Response entry : entries) {
      parsed.add(parseEntry(session, entry));
    }
    return parsed;
  }

  private static LogEntry parseEntry(String session, Response entry) {
    String id = entry.get(0).toString();
    long seq = Long.parseLong(id.substring(0, id.indexOf('-')));
    Response fields = entry.get(1);
    long ts = 0;
    String payload = null;
    for (int i = 0; i + 1 < fields.size(); i += 2) {
      String field = fields.get(i).toString();
      if ("ts".equals(field)) {
        ts = fields.get(i + 1).toLong();
      } else if ("payload".equals(field)) {
        payload = fields.get(i + 1).toString(StandardCharsets.UTF_8);
      }
    }
    return new LogEntry(session, seq, ts, payload);
  }

  @Override
  public LogSubscription follow(String session, long afterSeq, Handler<LogEntry> handler) {
    if (closed) {
      throw new IllegalStateException("log closed");
    }
    return followLoop.follow(session, afterSeq, vertx.getOrCreateContext(), handler);
  }

  @Override
  public Future<Void> saveSnapshot(String session, long seq, String state) {
    Context caller = vertx.getOrCreateContext();
    Request save = Request.cmd(Command.EVAL).arg(SAVE_SNAPSHOT_SCRIPT).arg(1).arg(snapshotKey(session))
        .arg(seq).arg(state);
    return onContext(caller, client.send(save)
        .timeout(SNAPSHOT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .mapEmpty());
  }

  @Override
  public Future<Optional<Snapshot>> latestSnapshot(String session) {
    Context caller = vertx.getOrCreateContext();
    Request hmget = Request.cmd(Command.HMGET).arg(snapshotKey(session)).arg("seq").arg("state");
    return onContext(caller, client.send(hmget)
        .timeout(COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(response -> toSnapshot(session, response)));
  }

  private static Optional<Snapshot> toSnapshot(String session, Response response) {
    if (response == null || response.get(0) == null || response.get(1) == null) {
      return Optional.empty();
    }
    return Optional.of(new Snapshot(session, response.get(0).toLong(),
        response.get(1).toString(StandardCharsets.UTF_8)));
  }

  @Override
  public Future<Void> trim(String session, long upToSeq) {
    Context caller = vertx.getOrCreateContext();
    Request xtrim = Request.cmd(Command.XTRIM).arg(streamKey(session))
        .arg("MINID").arg((upToSeq + 1) + "-0");
    return onContext(caller, client.send(xtrim)
        .timeout(COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .mapEmpty());
  }

  @Override
  public Future<Void> delete(String session) {
    Context caller = vertx.getOrCreateContext();
    Request del = Request.cmd(Command.DEL).arg(seqKey(session)).arg(tsKey(session)).arg(streamKey(session))
        .arg(snapshotKey(session));
    return onContext(caller, client.send(del)
        .timeout(COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .<Void>mapEmpty()
        .onSuccess(v -> LOG.info("Deleted session {} from Redis", session)));
  }

  @Override
  public Future<List<String>> sessions() {
    Context caller = vertx.getOrCreateContext();
    return onContext(caller, scanSessions("0", new ArrayList<>()));
  }

  private Future<List<String>> scanSessions(String cursor, List<String> found) {
    String pattern = options.keyPrefix() + "s:*:seq";
    Request scan = Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(pattern).arg("COUNT").arg(1_000);
    return client.send(scan).timeout(COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS).compose(reply -> {
      for (Response key : reply.get(1)) {
        String name = key.toString();
        found.add(name.substring(options.keyPrefix().length() + 2, name.length() - ":seq".length()));
      }
      String next = reply.get(0).toString();
      return "0".equals(next) ? Future.succeededFuture(found.stream().distinct().sorted().toList())
          : scanSessions(next, found);
    });
  }

  @Override
  public Future<Boolean> ready() {
    Context caller = vertx.getOrCreateContext();
    if (closed) {
      return Future.succeededFuture(false);
    }
    return onContext(caller, client.send(Request.cmd(Command.PING))
        .timeout(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(pong -> true)
        .otherwise(false));
  }

  @Override
  public Future<Void> close() {
    Context caller = vertx.getOrCreateContext();
    if (closed) {
      return Future.succeededFuture();
    }
    closed = true;
    return onContext(caller, followLoop.close().eventually(appends::close).eventually(client::close));
  }

  String streamKey(String session) {
    return sessionKey(session, "log");
  }

  String sessionOfStreamKey(String key) {
    return key.substring(options.keyPrefix().length() + 2, key.length() - ":log".length());
  }

  private String seqKey(String session) {
    return sessionKey(session, "seq");
  }

  private String tsKey(String session) {
    return sessionKey(session, "ts");
  }

  private String snapshotKey(String session) {
    return sessionKey(session, "snap");
  }

  private String sessionKey(String session, String suffix) {
    return options.keyPrefix() + "s:" + session + ":" + suffix;
  }

  Future<Response> send(Request request) {
    return client.send(request);
  }

  static <T> Future<T> onContext(Context context, Future<T> future) {
    Promise<T> promise = Promise.promise();
    future.onComplete(result -> context.runOnContext(v -> promise.handle(result)));
    return promise.future();
  }
}
