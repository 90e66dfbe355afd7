package org.openfloor.live;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openfloor.domain.Actor;
import org.openfloor.domain.Event;
import org.openfloor.domain.Session;
import org.openfloor.log.CommandLog;
import org.openfloor.log.LogEntry;
import org.openfloor.log.LogSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openfloor.live.wire.Addresses;
import org.openfloor.live.wire.Answer;
import org.openfloor.live.wire.EventFrames;
import org.openfloor.live.wire.Views;

/**
 * One running session: applies its log entries in order on one context, answers the senders
 * waiting for them, keeps recent events for resuming clients and fans events out, with vote
 * counts coalesced.
 */
public final class SessionHub {
  private static final Logger LOG = LoggerFactory.getLogger(SessionHub.class);
  private static final long RELOAD_RETRY_MS = 1_000;

  private final Vertx vertx;
  private final String code;
  private final CommandLog log;
  private final Fanout fanout;
  private final LiveOptions options;
  private final SessionLoader loader;
  private final SnapshotWriter snapshots;
  private Session session;
  private final RecentEvents recent;
  private final VoteCoalescer votes = new VoteCoalescer();
  private final TallyCoalescer tallies = new TallyCoalescer();
  private final Map<Long, Promise<Answer>> waiting = new HashMap<>();
  private final Map<Long, Answer> recentAnswers;
  private RequestLedger requests;
  private final Map<Long, JsonObject> extrasBySeq = new HashMap<>();
  private LogSubscription subscription;
  private long appliedSeq;
  private long snapshotSeq;
  private boolean snapshotting;
  private long flushTimer = -1;
  private long lastFlushNanos;
  private boolean live;
  private boolean reloading;
  private boolean closed;

  SessionHub(Vertx vertx, String code, CommandLog log, Fanout fanout, LiveOptions options) {
    this.vertx = vertx;
    this.code = code;
    this.log = log;
    this.fanout = fanout;
    this.options = options;
    this.loader = new SessionLoader(vertx, log, code, options.rememberedRequests());
    this.snapshots = new SnapshotWriter(vertx, log, code, loader);
    this.recent = new RecentEvents(options.recentEvents());
    this.recentAnswers = bounded(4_096);
  }

  public String code() {
    return code;
  }

  public boolean exists() {
    return session.exists();
  }

  public long appliedSeq() {
    return appliedSeq;
  }

  /** Builds the state off the event loop from the latest snapshot and the log after it, then follows the log. */
  Future<SessionHub> load() {
    return loader.load().map(loaded -> {
      adopt(loaded);
      recent.startAt(appliedSeq);
      live = true;
      subscription = log.follow(code, appliedSeq, this::onEntry);
      snapshotIfDueAfterLoad();
      return this;
    });
  }

  private void adopt(SessionState loaded) {
    session = loaded.session();
    requests = loaded.requests();
    appliedSeq = loaded.appliedSeq();
    snapshotSeq = loaded.restoredSeq();
  }

  /** Stops following the log; completes once a snapshot being written has ended. */
  Future<Void> close() {
    closed = true;
    if (subscription != null) {
      subscription.close();
    }
    if (flushTimer >= 0) {
      vertx.cancelTimer(flushTimer);
    }
    return snapshots.close();
  }

  /** Appends the command and answers once it has been applied (or at once for a repeated request id). */
  public Future<Answer> submit(Submission submission) {
    LogEnvelope envelope = LogEnvelope.of(submission);
    String key = envelope.requestKey();
    if (key != null && requests.knows(key)) {
      return Future.succeededFuture(requests.answerFor(key));
    }
    return log.append(code, envelope.encode())
        .recover(e -> Future.failedFuture(new LogUnavailable(e)))
        .compose(entry -> answerFor(entry.seq(), submission.answerExtra()));
  }

  private Future<Answer> answerFor(long seq, JsonObject extra) {
    if (seq <= appliedSeq) {
      Answer answer = recentAnswers.get(seq);
      return answer == null ? Future.failedFuture("answer for seq " + seq + " no longer known")
          : Future.succeededFuture(withExtra(answer, extra));
    }
    extrasBySeq.put(seq, extra);
    Promise<Answer> promise = Promise.promise();
    waiting.put(seq, promise);
    long timer = vertx.setTimer(options.answerTimeoutMillis(), t -> expire(seq));
    return promise.future().andThen(ar -> vertx.cancelTimer(timer));
  }

  private void expire(long seq) {
    extrasBySeq.remove(seq);
    Promise<Answer> promise = waiting.remove(seq);
    if (promise != null) {
      promise.tryFail("entry " + seq + " of " + code + " was not applied in time");
    }
  }

  private static Answer withExtra(Answer answer, JsonObject extra) {
    return extra == null || extra.isEmpty() || !answer.succeeded() ? answer : answer.with(extra);
  }

  private void onEntry(LogEntry entry) {
    if (reloading || entry.seq() <= appliedSeq) {
      return;
    }
    if (entry.seq() != appliedSeq + 1) {
      reloadAfterGap(entry.seq());
      return;
    }
    Applied applied = applyEntry(entry);
    appliedSeq = entry.seq();
    Promise<Answer> promise = waiting.remove(entry.seq());
    JsonObject extra = promise == null ? null : extrasBySeq.remove(entry.seq());
    if (promise != null) {
      promise.tryComplete(withExtra(applied.answer(), extra));
    }
    if (applied.answer() != null) {
      recentAnswers.put(entry.seq(), applied.answer());
    }
    if (applied.requestKey() != null) {
      requests.record(applied.requestKey(), applied.answer(), extra);
    }
    snapshotIfDue();
  }

  /**
   * The log was trimmed past this hub (it lagged behind two snapshots): entries it never applied are gone.
   * Stops following, builds the state again from the latest snapshot and the log after it (off the event
   * loop, as a load does), takes it over and follows on from there; clients are told to reload the snapshot.
   */
  private void reloadAfterGap(long arrivedSeq) {
    LOG.warn("Session {} skips from seq {} to {}: the log was trimmed past this node; reloading it from the latest "
        + "snapshot", code, appliedSeq, arrivedSeq);
    reloading = true;
    subscription.close();
    flushVotes();
    reload();
  }

  private void reload() {
    loader.load().onComplete(result -> {
      if (closed) {
        return;
      }
      if (result.succeeded() && !result.result().skippedEntries()) {
        takeOverReloaded(result.result());
        return;
      }
      LOG.warn("Reloading session {} failed, trying again in {} ms: {}", code, RELOAD_RETRY_MS,
          result.failed() ? result.cause().toString() : "the log was trimmed again meanwhile");
      vertx.setTimer(RELOAD_RETRY_MS, t -> reload());
    });
  }

  private void takeOverReloaded(SessionState reloaded) {
    long before = appliedSeq;
    adopt(reloaded);
    reloading = false;
    failAnswersLostInReload();
    recent.restartAt(appliedSeq);
    JsonObject resync = EventFrames.resync(appliedSeq);
    String address = Addresses.publicOf(code);
    fanout.push(address, EventFrames.frame(address, resync));
    LOG.info("Session {} reloaded at seq {} (it had applied up to {}); clients told to resync", code, appliedSeq, before);
    subscription = log.follow(code, appliedSeq, this::onEntry);
    snapshotIfDueAfterLoad();
  }

  /** Senders whose entries the reload applied get no answer from it: a 503, retried with their request id. */
  private void failAnswersLostInReload() {
    List<Promise<Answer>> lost = new ArrayList<>();
    waiting.entrySet().removeIf(waiter -> {
      if (waiter.getKey() > appliedSeq) {
        return false;
      }
      extrasBySeq.remove(waiter.getKey());
      lost.add(waiter.getValue());
      return true;
    });
    lost.forEach(promise -> promise.tryFail(new LogUnavailable(new IllegalStateException("the entry was applied "
        + "while this node reloaded session " + code + "; retry with the same request id"))));
  }

  private Applied applyEntry(LogEntry logEntry) {
    Applied applied = Applied.apply(logEntry, session, requests, live);
    publish(applied.events(), logEntry.seq());
    return applied;
  }

  private void publish(List<Event> events, long seq) {
    if (!live) {
      return;
    }
    for (Event event : events) {
      String address = Addresses.of(code, event.audience());
      if (event instanceof Event.VotesChanged change) {
        votes.add(address, change.questionId(), change.votes(), seq);
        scheduleFlush();
      } else if (event instanceof Event.PollTallied tallied) {
        tallies.add(address, tallied, seq);
        scheduleFlush();
      } else {
        // Pending vote counts wait for the window (a question every 50 ms must not flush them early,
        // tripling the frames per socket); they go out with the seq applied by then, so seqs still rise.
        tallies.drain(address, this::emitTally);
        emit(address, EventFrames.body(event, seq, session), seq);
      }
    }
  }

  private void scheduleFlush() {
    if (flushTimer < 0) {
      flushTimer = vertx.setTimer(flushDelayMillis(), t -> {
        flushTimer = -1;
        lastFlushNanos = System.nanoTime();
        flushVotes();
      });
    }
  }

  /** One window after the previous flush, not after the first change since: a steady cadence of one update per window. */
  private long flushDelayMillis() {
    long sinceLast = (System.nanoTime() - lastFlushNanos) / 1_000_000;
    boolean withinWindow = sinceLast >= 0 && sinceLast < options.coalesceMillis();
    return withinWindow ? Math.max(1, options.coalesceMillis() - sinceLast) : options.coalesceMillis();
  }

  private void flushVotes() {
    tallies.drainAll(this::emitTally);
    votes.drainAll((address, latestSeq, counts) -> emitVotes(address, Math.max(latestSeq, appliedSeq), counts));
  }

  private void emitTally(String address, Event.PollTallied tallied, long latestSeq) {
    emit(address, EventFrames.body(tallied, latestSeq, session), latestSeq);
  }

  private void emitVotes(String address, long latestSeq, Map<String, Integer> counts) {
    emit(address, EventFrames.votes(latestSeq, counts), latestSeq);
  }

  private void emit(String address, JsonObject body, long seq) {
    recent.add(address, seq, body);
    if (fanout.listens(address)) {
      fanout.push(address, EventFrames.frame(address, body));
    }
  }

  /** What the holder of {@code tokenHash} may see now, with the server's clock ({@code serverTime}, epoch ms). */
  public JsonObject snapshot(String tokenHash) {
    return viewFor(session.actorOf(tokenHash)).put("serverTime", System.currentTimeMillis());
  }

  private JsonObject viewFor(Actor actor) {
    if (actor.isModerator()) {
      return Views.moderatorSnapshot(session, appliedSeq);
    }
    if (actor instanceof Actor.Attendee attendee) {
      return Views.participantSnapshot(session, appliedSeq, attendee.participant());
    }
    if (actor instanceof Actor.Facilitator facilitator) {
      return Views.facilitatorSnapshot(session, appliedSeq, facilitator.groupId());
    }
    return Views.publicSnapshot(session, appliedSeq);
  }

  /** The events after {@code seq} that the holder of {@code tokenHash} may see. */
  public JsonObject eventsAfter(long seq, String tokenHash) {
    Set<String> addresses = addressesFor(session.actorOf(tokenHash));
    return new JsonObject().put("seq", appliedSeq).put("complete", recent.covers(seq))
        .put("events", recent.after(seq, addresses));
  }

  /** When the session was closed (log time, epoch ms), if it is closed. */
  public java.util.Optional<Long> closedAt() {
    return session.closedAt();
  }

  /** Reads the session's current state, with the seq it reflects; on the hub's context only. */
  public <T> T read(java.util.function.BiFunction<Session, Long, T> reader) {
    return reader.apply(session, appliedSeq);
  }

  public Actor actorOf(String tokenHash) {
    return session.actorOf(tokenHash);
  }

  private Set<String> addressesFor(Actor actor) {
    if (actor.isModerator()) {
      return Set.of(Addresses.moderatorsOf(code));
    }
    if (actor instanceof Actor.Attendee attendee) {
      return Set.of(Addresses.publicOf(code), Addresses.participant(attendee.participant().id()));
    }
    if (actor instanceof Actor.Facilitator facilitator) {
      return Set.of(Addresses.publicOf(code), Addresses.groupOf(code, facilitator.groupId()));
    }
    return Set.of(Addresses.publicOf(code));
  }

  private static <K, V> Map<K, V> bounded(int capacity) {
    return new LinkedHashMap<>() {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  /** This session's state as a snapshot at the applied seq, built on this context (for tests and tools). */
  public String snapshotState() {
    return SessionSnapshots.toJson(session, appliedSeq, requests).encode();
  }

  private void snapshotIfDue() {
    if (live && options.snapshotEvery() > 0 && appliedSeq % options.snapshotEvery() == 0) {
      writeSnapshot();
    }
  }

  private void snapshotIfDueAfterLoad() {
    if (options.snapshotEvery() > 0 && appliedSeq - snapshotSeq >= options.snapshotEvery()) {
      writeSnapshot();
    }
  }

  /** Has the snapshot at the applied seq written off this context, then the log trimmed up to the previous one. */
  private void writeSnapshot() {
    if (!session.exists() || snapshotting) {
      return;
    }
    snapshotting = true;
    long seq = appliedSeq;
    long previous = snapshotSeq;
    snapshots.write(seq, options.trimAfterSnapshot() ? previous : 0)
        .onComplete(result -> {
          snapshotting = false;
          if (result.succeeded()) {
            snapshotSeq = Math.max(snapshotSeq, seq);
          } else {
            LOG.warn("Snapshot of session {} at seq {} not stored: {}", code, seq, result.cause().toString());
          }
        });
  }
}
