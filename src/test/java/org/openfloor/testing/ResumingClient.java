package org.openfloor.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.util.ArrayList;
import java.util.List;

import org.openfloor.live.wire.Addresses;

/**
 * A client that follows a session's public events over SockJS the way the attendee page does: it registers,
 * asks {@code /events?after=<last seq>} for what it may have missed, and when its node goes away it resumes on
 * the next node that answers. Its history is the {@code "seq type"} of every event it took, in order.
 */
public final class ResumingClient {
  private final Vertx vertx;
  private final List<Integer> ports;
  private final String code;
  private final List<String> history = new ArrayList<>();
  private final List<JsonObject> heldBack = new ArrayList<>();
  private final List<Integer> nodes = new ArrayList<>();
  private final List<Boolean> resumesComplete = new ArrayList<>();
  private BridgeClient socket;
  private long lastSeq;
  private long lastPushedOnSocket;
  private boolean catchingUp;
  private boolean stopped;
  private int pushesOutOfOrder;
  private long lostAt;
  private long resumeMillis = -1;

  private ResumingClient(Vertx vertx, List<Integer> ports, String code, long afterSeq) {
    this.vertx = vertx;
    this.ports = ports;
    this.code = code;
    this.lastSeq = afterSeq;
  }

  /** Connects to node {@code node} (an index into {@code ports}) and takes every public event after {@code afterSeq}. */
  public static Future<ResumingClient> start(Vertx vertx, List<Integer> ports, int node, String code, long afterSeq) {
    ResumingClient client = new ResumingClient(vertx, ports, code, afterSeq);
    return client.attach(node).map(client);
  }

  private Future<Void> attach(int node) {
    return BridgeClient.connect(vertx, ports.get(node)).compose(connected -> follow(connected, node));
  }

  private Future<Void> follow(BridgeClient connected, int node) {
    synchronized (this) {
      socket = connected;
      catchingUp = true;
      lastPushedOnSocket = 0;
      nodes.add(node);
    }
    connected.onFrame(this::onFrame);
    connected.closed().onComplete(ar -> onLost(node));
    connected.register(Addresses.publicOf(code), null);
    // Answered only once the register is decided: the server pauses the socket until then.
    return connected.command(new JsonObject().put("type", "sync").put("session", code), null)
        .compose(reply -> missedSince(node))
        .map(missed -> {
          catchUp(missed);
          return null;
        });
  }

  private Future<JsonObject> missedSince(int node) {
    Api api = new Api(vertx, ports.get(node));
    long after;
    synchronized (this) {
      after = lastSeq;
    }
    return api.call(HttpMethod.GET, "/api/sessions/" + code + "/events?after=" + after, null, null)
        .map(HttpResponse::bodyAsJsonObject).eventually(() -> {
          api.close();
          return Future.succeededFuture();
        });
  }

  private synchronized void catchUp(JsonObject missed) {
    resumesComplete.add(missed.getBoolean("complete"));
    missed.getJsonArray("events").stream().map(JsonObject.class::cast)
        .filter(e -> Addresses.publicOf(code).equals(e.getString("address")))
        .forEach(e -> take(e.getJsonObject("body")));
    heldBack.forEach(this::take);
    heldBack.clear();
    catchingUp = false;
    if (lostAt > 0) {
      resumeMillis = (System.nanoTime() - lostAt) / 1_000_000;
    }
  }

  private synchronized void onFrame(JsonObject frame) {
    if (!"rec".equals(frame.getString("type")) || !Addresses.publicOf(code).equals(frame.getString("address"))) {
      return;
    }
    JsonObject body = frame.getJsonObject("body");
    long seq = body.getLong("seq");
    if (seq <= lastPushedOnSocket) {
      pushesOutOfOrder++;
    }
    lastPushedOnSocket = seq;
    if (catchingUp) {
      heldBack.add(body);
    } else {
      take(body);
    }
  }

  /** Takes an event unless it is one already taken (a push that overlaps what {@code /events} returned). */
  private void take(JsonObject body) {
    long seq = body.getLong("seq");
    if (seq > lastSeq) {
      history.add(seq + " " + body.getString("type"));
      lastSeq = seq;
    }
  }

  private void onLost(int node) {
    synchronized (this) {
      if (stopped) {
        return;
      }
      lostAt = System.nanoTime();
    }
    resumeAfter(node, ports.size() - 1);
  }

  private void resumeAfter(int failed, int attemptsLeft) {
    int next = (failed + 1) % ports.size();
    attach(next).onFailure(e -> {
      if (attemptsLeft > 1) {
        resumeAfter(next, attemptsLeft - 1);
      }
    });
  }

  /** The {@code "seq type"} of every event taken, in order. */
  public synchronized List<String> history() {
    return List.copyOf(history);
  }

  public synchronized long lastSeq() {
    return lastSeq;
  }

  /** The nodes this client was connected to, in order. */
  public synchronized List<Integer> nodes() {
    return List.copyOf(nodes);
  }

  /** Whether each {@code /events} answer covered everything after the seq asked for. */
  public synchronized List<Boolean> resumesComplete() {
    return List.copyOf(resumesComplete);
  }

  /** Pushes on one socket whose seq was not above the previous push's (a node pushing twice or out of order). */
  public synchronized int pushesOutOfOrder() {
    return pushesOutOfOrder;
  }

  /** From losing the connection to having caught up on another node; -1 if it never lost one. */
  public synchronized long resumeMillis() {
    return resumeMillis;
  }

  public Future<Void> stop() {
    BridgeClient current;
    synchronized (this) {
      stopped = true;
      current = socket;
    }
    return current == null ? Future.succeededFuture() : current.close().otherwiseEmpty().mapEmpty();
  }
}
