package org.openfloor.log;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Handler;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Optional;


/**
 * A {@link CommandLog} that measures how long each append takes to become durable, as
 * {@code openfloor.log.append} (p50 and p99), whichever log it wraps.
 */
public final class TimedCommandLog implements CommandLog {
  private final CommandLog log;
  private final Timer appendLatency;

  public TimedCommandLog(CommandLog log, MeterRegistry meters) {
    this.log = log;
    this.appendLatency = Timer.builder("openfloor.log.append").description("Time until an appended entry is durable")
        .publishPercentiles(0.5, 0.99).register(meters);
  }

  @Override
  public Future<LogEntry> append(String session, String payload) {
    long start = System.nanoTime();
    return log.append(session, payload)
        .andThen(ar -> appendLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
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
