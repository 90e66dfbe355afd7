package org.openfloor.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The "town hall" load: attendees connected to one session, voters sending upvotes spread over the
 * questions and new questions, and at each attendee the lag of every tally update received: the age
 * of the oldest vote it newly includes.
 */
final class TownHall {
  private static final int CONNECTS_IN_FLIGHT = 200;
  private static final int PARSE_CACHE = 32;

  private final Vertx vertx;
  private final Wire wire;
  private final List<Integer> ports;
  private final Plan plan;
  private final Session session;
  private final AtomicLongArray[] sentAt;
  private final AtomicInteger[] votesSent;
  private final Recorder lag = new Recorder(3_600_000_000_000L, 3);
  private final LongAdder deliveries = new LongAdder();
  private final LongAdder otherFrames = new LongAdder();
  private final LongAdder replies = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final List<WebSocket> voters = new ArrayList<>();
  private final ThreadLocal<Map<String, Wire.Update>> parsed = ThreadLocal.withInitial(() ->
      new LinkedHashMap<>(PARSE_CACHE * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Wire.Update> eldest) {
          return size() > PARSE_CACHE;
        }
      });
  /** Phones' browsers offer permessage-deflate; so do the attendees unless BENCH_NO_DEFLATE is set. */
  private static final boolean BROWSER_LIKE_DEFLATE = System.getenv("BENCH_NO_DEFLATE") == null;
  private static final boolean DEBUG = System.getenv("BENCH_DEBUG") != null;
  private final AtomicInteger debugged = new AtomicInteger();
  private volatile boolean sending;
  private long votesDue;
  private long asksDue;

  /** What to run: attendees, rates and durations. */
  record Plan(int attendees, int votesPerSecond, int questionsPerSecond, int voters, double warmupSeconds,
              double measureSeconds) {
    int maxVotesPerQuestion(int questions) {
      return (int) Math.ceil(votesPerSecond * (warmupSeconds + measureSeconds + 2) / questions) + 1;
    }
  }

  /** The session set up beforehand: its code, the voted questions' ids and the participants' tokens. */
  record Session(String code, List<String> questionIds, List<String> tokens) {
  }

  /** What the run measured. */
  record Result(int attendees, int opened, int failed, double connectSeconds, long deliveries, double measureSeconds,
                Histogram lag, long votesSent, long otherFrames, long replies, long errors) {
    double deliveriesPerSecond() {
      return deliveries / measureSeconds;
    }

    double connectsPerSecond() {
      return opened / connectSeconds;
    }
  }

  TownHall(Vertx vertx, Wire wire, List<Integer> ports, Plan plan, Session session) {
    this.vertx = vertx;
    this.wire = wire;
    this.ports = ports;
    this.plan = plan;
    this.session = session;
    int questions = session.questionIds().size();
    this.sentAt = new AtomicLongArray[questions];
    this.votesSent = new AtomicInteger[questions];
    for (int q = 0; q < questions; q++) {
      sentAt[q] = new AtomicLongArray(plan.maxVotesPerQuestion(questions));
      votesSent[q] = new AtomicInteger();
    }
  }

  /** Connects the attendees (timed) and the voters; returns the seconds the attendees took. */
  double connect() throws InterruptedException {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(1_000_000)
        .setConnectTimeout(30_000).setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 22)
        .setTryUsePerMessageCompression(BROWSER_LIKE_DEFLATE));
    Semaphore permits = new Semaphore(CONNECTS_IN_FLIGHT);
    CountDownLatch done = new CountDownLatch(plan.attendees());
    Map<String, Integer> indexById = indexById();
    warmUpConnects(client, Math.min(plan.attendees(), 200));
    long start = System.nanoTime();
    for (int i = 0; i < plan.attendees(); i++) {
      permits.acquire();
      int port = ports.get(i % ports.size());
      Attendee attendee = new Attendee(indexById, session.questionIds().size(), () -> {
        permits.release();
        done.countDown();
      });
      client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(wire.uri()))
          .onSuccess(attendee::start)
          .onFailure(e -> attendee.fail());
    }
    if (!done.await(600, TimeUnit.SECONDS)) {
      throw new IllegalStateException("attendees did not connect in time: " + opened.get() + " open");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    for (int i = 0; i < plan.voters(); i++) {
      int port = ports.get(i % ports.size());
      CountDownLatch open = new CountDownLatch(1);
      WebSocket voter = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
          .setURI(wire.uri())).onSuccess(ws -> {
            ws.textMessageHandler(text -> onVoterFrame(ws, text, open));
            if (wire.openOnConnect()) {
              open.countDown();
            }
          }).await();
      if (!open.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("voter did not open");
      }
      voters.add(voter);
    }
    return seconds;
  }

  /** Opens and closes a few sockets first, so the timed connects do not pay for class loading and JIT. */
  private void warmUpConnects(WebSocketClient client, int count) {
    List<io.vertx.core.Future<WebSocket>> sockets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sockets.add(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(ports.get(i % ports.size()))
          .setURI(wire.uri())));
    }
    io.vertx.core.Future.join(sockets).eventually(() -> io.vertx.core.Future.join(sockets.stream()
        .filter(io.vertx.core.Future::succeeded).map(f -> f.result().close()).toList())).await();
  }

  /** Sends votes and questions at the planned rates; measures after the warm-up. */
  Result run(double connectSeconds, Runnable atMeasureStart, Runnable atMeasureEnd) throws InterruptedException {
    sending = true;
    long start = System.nanoTime();
    long timer = vertx.setPeriodic(5, t -> sendDue(start));
    sleep(plan.warmupSeconds());
    lag.getIntervalHistogram();
    deliveries.reset();
    otherFrames.reset();
    long votesAtStart = totalVotesSent();
    atMeasureStart.run();
    long measureStart = System.nanoTime();
    sleep(plan.measureSeconds());
    Histogram histogram = lag.getIntervalHistogram();
    long delivered = deliveries.sum();
    double measured = (System.nanoTime() - measureStart) / 1e9;
    atMeasureEnd.run();
    sending = false;
    vertx.cancelTimer(timer);
    return new Result(plan.attendees(), opened.get(), failed.get(), connectSeconds, delivered, measured, histogram,
        totalVotesSent() - votesAtStart, otherFrames.sum(), replies.sum(), errors.sum());
  }

  private long totalVotesSent() {
    long total = 0;
    for (AtomicInteger sent : votesSent) {
      total += sent.get();
    }
    return total;
  }

  private void sendDue(long start) {
    if (!sending) {
      return;
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long votesTarget = (long) (elapsed * plan.votesPerSecond());
    for (; votesDue < votesTarget; votesDue++) {
      sendVote(votesDue);
    }
    long asksTarget = (long) (elapsed * plan.questionsPerSecond());
    for (; asksDue < asksTarget; asksDue++) {
      String token = session.tokens().get((int) (asksDue % session.tokens().size()));
      voters.get((int) (asksDue % voters.size()))
          .writeTextMessage(wire.ask(session.code(), "Town hall question number " + asksDue + "?", token));
    }
  }

  private void sendVote(long n) {
    int q = (int) (n % sentAt.length);
    int k = votesSent[q].get();
    if (k >= sentAt[q].length() || k >= session.tokens().size()) {
      return;
    }
    sentAt[q].set(k, System.nanoTime());
    votesSent[q].set(k + 1);
    voters.get((int) (n % voters.size()))
        .writeTextMessage(wire.vote(session.code(), session.questionIds().get(q), q, session.tokens().get(k)));
  }

  private void onVoterFrame(WebSocket voter, String text, CountDownLatch open) {
    if (DEBUG && debugged.get() > 1000) {
      System.out.println("VOTER " + text.substring(0, Math.min(300, text.length())));
    }
    String answer = wire.answer(text);
    if (answer != null) {
      voter.writeTextMessage(answer);
    }
    if (wire.opens(text)) {
      open.countDown();
      return;
    }
    Wire.Update update = wire.parse(text, Map.of());
    if (update.kind() == Wire.Update.Kind.REPLY) {
      replies.increment();
    } else if (update.kind() == Wire.Update.Kind.ERROR) {
      errors.increment();
    }
  }

  private Map<String, Integer> indexById() {
    Map<String, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < session.questionIds().size(); i++) {
      index.put(session.questionIds().get(i), i);
    }
    return index;
  }

  /** A cheap look at the head of a frame, so the many question frames are not hashed for the parse cache. */
  private static boolean mayCarryVotes(String text) {
    int head = Math.min(text.length(), 160);
    for (int i = text.indexOf('v'); i >= 0 && i < head; i = text.indexOf('v', i + 1)) {
      if (text.startsWith("votes", i)) {
        return true;
      }
    }
    return false;
  }

  private static void sleep(double seconds) throws InterruptedException {
    Thread.sleep((long) (seconds * 1000));
  }

  /** One attendee's socket: the last count it saw per question, to know which votes an update newly brings. */
  private final class Attendee {
    private final Map<String, Integer> indexById;
    private final int[] seen;
    private final Runnable settled;
    private boolean open;

    Attendee(Map<String, Integer> indexById, int questions, Runnable settled) {
      this.indexById = indexById;
      this.seen = new int[questions];
      this.settled = settled;
    }

    void start(WebSocket socket) {
      socket.textMessageHandler(text -> onText(socket, text));
      socket.closeHandler(v -> {
        if (!open) {
          fail();
        }
      });
      if (wire.openOnConnect()) {
        opened(socket);
      }
    }

    void fail() {
      failed.incrementAndGet();
      settled.run();
    }

    private void opened(WebSocket socket) {
      open = true;
      String subscribe = wire.subscribe(session.code());
      if (subscribe != null) {
        socket.writeTextMessage(subscribe);
      }
      opened.incrementAndGet();
      settled.run();
    }

    private void onText(WebSocket socket, String text) {
      if (DEBUG && debugged.getAndIncrement() < 40) {
        System.out.println("DEBUG " + System.nanoTime() / 1_000_000 + " " + text.substring(0, Math.min(200, text.length())));
      }
      String answer = wire.answer(text);
      if (answer != null) {
        socket.writeTextMessage(answer);
      }
      if (!open) {
        if (wire.opens(text)) {
          opened(socket);
        }
        return;
      }
      if (!mayCarryVotes(text)) {
        otherFrames.increment();
        return;
      }
      Wire.Update update = parsed.get().computeIfAbsent(text, t -> wire.parse(t, indexById));
      if (update.isVotes()) {
        onTallies(update, System.nanoTime());
      } else if (update.kind() == Wire.Update.Kind.OTHER) {
        otherFrames.increment();
      }
    }

    private void onTallies(Wire.Update update, long now) {
      long oldest = Long.MAX_VALUE;
      for (int i = 0; i < update.questions().length; i++) {
        int q = update.questions()[i];
        int count = Math.min(update.counts()[i], sentAt[q].length());
        if (count > seen[q]) {
          oldest = Math.min(oldest, sentAt[q].get(seen[q]));
          seen[q] = count;
        }
      }
      deliveries.increment();
      if (oldest != Long.MAX_VALUE && oldest > 0) {
        lag.recordValue(Math.max(0, now - oldest));
      }
    }
  }
}
