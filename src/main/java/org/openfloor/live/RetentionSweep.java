package org.openfloor.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes closed sessions whose closing is older than the retention period. It scans every
 * session of the log, loading those not loaded (and unloading them again), so a sweep costs a
 * replay of each stored session; it runs once at start and then every {@code interval}.
 */
public final class RetentionSweep {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionSweep.class);

  private final Vertx vertx;
  private final SessionRegistry registry;
  private final Duration retention;
  private long timer = -1;

  public RetentionSweep(Vertx vertx, SessionRegistry registry, Duration retention) {
    this.vertx = vertx;
    this.registry = registry;
    this.retention = retention;
  }

  /** Sweeps now and then every {@code interval}. */
  public void start(Duration interval) {
    sweep(System.currentTimeMillis());
    timer = vertx.setPeriodic(interval.toMillis(), t -> sweep(System.currentTimeMillis()));
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** Deletes the sessions closed before {@code nowMillis} minus the retention; completes with their codes. */
  public Future<List<String>> sweep(long nowMillis) {
    long closedBefore = nowMillis - retention.toMillis();
    List<String> deleted = new ArrayList<>();
    return registry.allCodes().compose(codes -> {
      Future<Void> chain = Future.succeededFuture();
      for (String code : codes) {
        chain = chain.compose(v -> sweepOne(code, closedBefore, deleted));
      }
      return chain;
    }).map(v -> {
      if (!deleted.isEmpty()) {
        LOG.info("Retention removed {} closed sessions", deleted.size());
      }
      return deleted;
    }).onFailure(e -> LOG.warn("Retention sweep failed: {}", e.toString()));
  }

  private Future<Void> sweepOne(String code, long closedBefore, List<String> deleted) {
    boolean wasLoaded = registry.isLoaded(code);
    return registry.existing(code).compose(hub -> {
      if (hub.closedAt().filter(at -> at < closedBefore).isPresent()) {
        deleted.add(code);
        return registry.delete(code);
      }
      if (!wasLoaded) {
        registry.unload(code);
      }
      return Future.<Void>succeededFuture();
    }).otherwiseEmpty();
  }
}
