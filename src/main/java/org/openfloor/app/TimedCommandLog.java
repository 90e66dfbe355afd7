package org.openfloor.app;

import io.vertx.core.Future;
import io.vertx.core.Handler;

import java.util.List;
import java.util.Optional;

import org.openfloor.log.CommandLog;
import org.openfloor.log.LogEntry;
import org.openfloor.log.LogSubscription;

/** A {@link CommandLog} that reports how long each append takes to become durable. */
final class TimedCommandLog implements CommandLog {
  private final CommandLog log;
  private final OpenFloorMetrics metrics;

  TimedCommandLog(CommandLog log, OpenFloorMetrics metrics) {
    this.log = log;
    this.metrics = metrics;
  }

  @Override
  public Future<LogEntry> append(String session, String payload) {
    return metrics.timeAppend(log.append(session, payload));
  }

  @Override
  public Future<List<LogEntry>> read(String session, long afterSeq, int limit) {
    return log.read(session, afterSeq, limit);
  }

  @Override
  public LogSubscription follow(String session, long afterSeq, Handler<LogEntry> handler) {
    return log.follow(session, afterSeq, handler);
  }

  @Override
  public Future<Void> saveSnapshot(String session, long seq, String state) {
    return log.saveSnapshot(session, seq, state);
  }

  @Override
  public Future<Optional<Snapshot>> latestSnapshot(String session) {
    return log.latestSnapshot(session);
  }

  @Override
  public Future<Void> trim(String session, long upToSeq) {
    return log.trim(session, upToSeq);
  }

  @Override
  public Future<Void> delete(String session) {
    return log.delete(session);
  }

  @Override
  public Future<List<String>> sessions() {
    return log.sessions();
  }

  @Override
  public Future<Boolean> ready() {
    return log.ready();
  }

  @Override
  public Future<Void> close() {
    return log.close();
  }
}
