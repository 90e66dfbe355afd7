package org.openfloor.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.HashMap;
import java.util.Map;

import org.openfloor.domain.Command.CreateSession;
import org.openfloor.log.CommandLog;
import org.openfloor.live.wire.Answer;
import org.openfloor.live.wire.Errors;
import org.openfloor.live.wire.SessionCodes;

/** The sessions running on this node, loaded from the log on first use; all on one context. */
public final class SessionRegistry {
  private static final int CODE_ATTEMPTS = 8;

  private final Vertx vertx;
  private final CommandLog log;
  private final Fanout fanout;
  private final LiveOptions options;
  private final Map<String, Future<SessionHub>> hubs = new HashMap<>();

  public SessionRegistry(Vertx vertx, CommandLog log, Fanout fanout, LiveOptions options) {
    this.vertx = vertx;
    this.log = log;
    this.fanout = fanout;
    this.options = options;
  }

  /** The hub of an existing session, loading it if needed; fails with {@link NoSuchSession}. */
  public Future<SessionHub> existing(String code) {
    if (!SessionCodes.isWellFormed(code)) {
      return Future.failedFuture(new NoSuchSession(code));
    }
    return hub(code).compose(hub -> {
      if (hub.exists()) {
        return Future.succeededFuture(hub);
      }
      forgetIfStillEmpty(code, hub);
      return Future.failedFuture(new NoSuchSession(code));
    });
  }

  /** Creates a session under a fresh code; the answer carries the session and its seq. */
  public Future<Created> create(CreateSession command) {
    return tryCreate(command, CODE_ATTEMPTS);
  }

  private Future<Created> tryCreate(CreateSession command, int attemptsLeft) {
    String code = SessionCodes.next();
    return hub(code)
        .compose(hub -> hub.submit(new Submission(command, null, null)))
        .compose(answer -> {
          if (answer.status() == Errors.CONFLICT && attemptsLeft > 1) {
            return tryCreate(command, attemptsLeft - 1);
          }
          return Future.succeededFuture(new Created(code, answer));
        });
  }

  /** Registers {@code openfloor.sessions.loaded} in {@code meters}. */
  public SessionRegistry measuredIn(MeterRegistry meters) {
    Gauge.builder("openfloor.sessions.loaded", this::loadedCount).description("Sessions loaded on this node")
        .register(meters);
    return this;
  }

  /** A session's code and the answer to its creation. */
  public record Created(String code, Answer answer) {
  }

  public int loadedCount() {
    return hubs.size();
  }

  private Future<SessionHub> hub(String code) {
    return hubs.computeIfAbsent(code, this::load);
  }

  private Future<SessionHub> load(String code) {
    SessionHub hub = new SessionHub(vertx, code, log, fanout, options);
    return hub.load().onFailure(e -> hubs.remove(code)).recover(e -> Future.failedFuture(new LogUnavailable(e)));
  }

  private void forgetIfStillEmpty(String code, SessionHub hub) {
    if (!hub.exists() && hub.appliedSeq() == 0) {
      hubs.remove(code);
      hub.close();
    }
  }

  /** Whether {@code code} is loaded on this node now. */
  public boolean isLoaded(String code) {
    return hubs.containsKey(code);
  }

  /** Stops following {@code code} and forgets its state here; the next use loads it again. */
  public void unload(String code) {
    Future<SessionHub> hub = hubs.remove(code);
    if (hub != null) {
      hub.onSuccess(SessionHub::close);
    }
  }

  /** Unloads {@code code} and removes its whole log: afterwards it is unknown (404). */
  public Future<Void> delete(String code) {
    unload(code);
    return log.delete(code).onSuccess(v -> unload(code));
  }

  /** Every session in the log, loaded or not. */
  public Future<java.util.List<String>> allCodes() {
    return log.sessions();
  }

  /** Closes every session; completes once the snapshots being written have ended. */
  public Future<Void> closeAll() {
    java.util.List<Future<Void>> closing = hubs.values().stream()
        .map(f -> f.compose(SessionHub::close, e -> Future.<Void>succeededFuture())).toList();
    hubs.clear();
    return Future.join(closing).mapEmpty();
  }
}
