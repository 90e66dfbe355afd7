package org.openfloor.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import static org.openfloor.testing.Await.await;

/**
 * The "town hall" load: attendees connected to one session ({@link Attendees}, in this JVM or in generator
 * processes) and a few voter sockets sending upvotes spread over the questions and new questions; at each
 * attendee, the lag of every tally update received: the age of the oldest vote it newly includes.
 */
final class TownHall {
  private static final boolean PROGRESS = System.getenv("BENCH_PROGRESS") != null;

  private final Vertx vertx;
  private final Wire wire;
  private final List<Integer> ports;
  private final Plan plan;
  private final Session session;
  private final SentTimes sent;
  private final Attendees attendees;
  private final AtomicIntegerArray votesSent;
  private final LongAdder replies = new LongAdder();
  /** Held for as long as the voters' sockets (see {@link Audience}: a collected client closes its sockets). */
  private WebSocketClient voterClient;
  private final LongAdder errors = new LongAdder();
  private final List<WebSocket> voters = new ArrayList<>();
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

  /** The attendees in this JVM, on two of {@code vertx}'s event loops. */
  TownHall(Vertx vertx, Wire wire, List<Integer> ports, Plan plan, Session session) {
    this(vertx, wire, ports, plan, session, inMemory(plan, session), 2);
  }

  private TownHall(Vertx vertx, Wire wire, List<Integer> ports, Plan plan, Session session, SentTimes sent,
                   int threads) {
    this(vertx, wire, ports, plan, session, sent, new Audience(vertx, threads, wire, ports, plan.attendees(), 0,
        session.code(), session.questionIds(), sent));
  }

  /** The attendees given, reading vote send times from {@code sent}, which this town hall fills. */
  TownHall(Vertx vertx, Wire wire, List<Integer> ports, Plan plan, Session session, SentTimes sent,
           Attendees attendees) {
    this.vertx = vertx;
    this.wire = wire;
    this.ports = ports;
    this.plan = plan;
    this.session = session;
    this.sent = sent;
    this.attendees = attendees;
    this.votesSent = new AtomicIntegerArray(session.questionIds().size());
  }

  static SentTimes inMemory(Plan plan, Session session) {
    int questions = session.questionIds().size();
    return SentTimes.inMemory(questions, plan.maxVotesPerQuestion(questions));
  }

  /** Connects the attendees (timed) and the voters; returns the seconds the attendees took. */
  double connect() throws Exception {
    double seconds = attendees.connect();
    voterClient = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20)
        .setMaxMessageSize(1 << 22));
    for (int i = 0; i < plan.voters(); i++) {
      int port = ports.get(i % ports.size());
      CountDownLatch open = new CountDownLatch(1);
      WebSocket voter = await(voterClient.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
          .setURI(wire.uri())).onSuccess(ws -> {
            ws.textMessageHandler(text -> onVoterFrame(ws, text, open));
            if (wire.openOnConnect()) {
              open.countDown();
            }
          }));
      if (!open.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("voter did not open");
      }
      voters.add(voter);
    }
    return seconds;
  }

  /** Sends votes and questions at the planned rates; measures after the warm-up. */
  Result run(double connectSeconds, Runnable atMeasureStart, Runnable atMeasureEnd) throws Exception {
    sending = true;
    long start = System.nanoTime();
    long timer = vertx.setPeriodic(5, t -> sendDue(start));
    long progress = PROGRESS ? vertx.setPeriodic(1000, t -> System.out.printf("progress t=%.1f votes sent=%d %s%n",
        (System.nanoTime() - start) / 1e9, totalVotesSent(), attendees)) : -1;
    try {
      sleep(plan.warmupSeconds());
      attendees.startMeasuring();
      long votesAtStart = totalVotesSent();
      atMeasureStart.run();
      long measureStart = System.nanoTime();
      sleep(plan.measureSeconds());
      Attendees.Received received = attendees.stopMeasuring();
      double measured = (System.nanoTime() - measureStart) / 1e9;
      atMeasureEnd.run();
      return new Result(plan.attendees(), attendees.opened(), attendees.failed(), connectSeconds,
          received.deliveries(), measured, received.lag(), totalVotesSent() - votesAtStart, received.otherFrames(),
          replies.sum(), errors.sum());
    } finally {
      sending = false;
      vertx.cancelTimer(timer);
      vertx.cancelTimer(progress);
      attendees.close();
    }
  }

  private long totalVotesSent() {
    long total = 0;
    for (int q = 0; q < votesSent.length(); q++) {
      total += votesSent.get(q);
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
    int q = (int) (n % votesSent.length());
    int k = votesSent.get(q);
    if (k >= sent.perQuestion() || k >= session.tokens().size()) {
      return;
    }
    sent.set(q, k, System.nanoTime());
    votesSent.set(q, k + 1);
    voters.get((int) (n % voters.size()))
        .writeTextMessage(wire.vote(session.code(), session.questionIds().get(q), q, session.tokens().get(k)));
  }

  private void onVoterFrame(WebSocket voter, String text, CountDownLatch open) {
    String answer = wire.answer(text);
    if (answer != null) {
      voter.writeTextMessage(answer);
    }
    if (wire.opens(text)) {
      open.countDown();
      return;
    }
    Wire.Reply reply = wire.reply(text);
    if (reply == Wire.Reply.ANSWER) {
      replies.increment();
    } else if (reply == Wire.Reply.ERROR) {
      errors.increment();
    }
  }

  private static void sleep(double seconds) throws InterruptedException {
    Thread.sleep((long) (seconds * 1000));
  }
}
