package org.openfloor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openfloor.domain.Command.AcceptOrder;
import org.openfloor.domain.Command.CallNext;
import org.openfloor.domain.Command.ClearQueue;
import org.openfloor.domain.Command.CreateSession;
import org.openfloor.domain.Command.Join;
import org.openfloor.domain.Command.RequestFloor;
import org.openfloor.domain.Command.RunTimer;
import org.openfloor.domain.Command.SetSpeakingLimit;
import org.openfloor.domain.Command.UpdateQueue;
import org.openfloor.domain.Command.WithdrawRequest;

@DisplayName("The mic queue of a session")
class MicQueueTest {
  private static final String MODERATOR = "mod-hash";

  private Session session;
  private long seq;
  private long now;

  @BeforeEach
  void openSession() {
    session = new Session("ABC234");
    seq = 0;
    now = 1_000_000;
    apply(null, new CreateSession("Open floor", MODERATOR, Moderation.POST));
  }

  private Outcome apply(String tokenHash, Command command) {
    seq++;
    return session.apply(new Entry(seq, now, tokenHash, command));
  }

  private Outcome at(long timestamp, String tokenHash, Command command) {
    now = timestamp;
    return apply(tokenHash, command);
  }

  private String join(String tokenHash, String name, Stakeholder stakeholder) {
    Outcome outcome = apply(null, new Join(tokenHash, Optional.ofNullable(name), Optional.of("ACME"),
        Optional.ofNullable(stakeholder), Optional.empty()));
    return ((Participant) ((Outcome.Accepted) outcome).value()).id();
  }

  private String join(String tokenHash) {
    return join(tokenHash, "Speaker " + tokenHash, Stakeholder.CIVIL_SOCIETY);
  }

  private String request(String tokenHash, QueueKind kind) {
    Outcome outcome = apply(tokenHash, new RequestFloor(kind, Optional.empty(), false));
    assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
    return ((QueueEntry) ((Outcome.Accepted) outcome).value()).id();
  }

  private String speak(String tokenHash) {
    return request(tokenHash, QueueKind.SPEAK);
  }

  private Outcome moderate(Command command) {
    return apply(MODERATOR, command);
  }

  private Outcome next() {
    return moderate(new CallNext(Optional.empty()));
  }

  private List<String> waitingIds() {
    return session.queue().waiting().stream().map(QueueEntry::id).toList();
  }

  private String currentId() {
    return session.queue().current().map(s -> s.entry().id()).orElse(null);
  }

  private static Rejection.Reason reasonOf(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
    return ((Outcome.Rejected) outcome).rejection().reason();
  }

  private static List<Event> eventsOf(Outcome outcome) {
    return ((Outcome.Accepted) outcome).events();
  }

  @Nested
  @DisplayName("orders the line")
  class Ordering {

    @Test
    @DisplayName("first come first served for speak requests, with ids from the seq")
    void speakRequestsInArrivalOrder() {
      join("a");
      String bob = join("b");
      String a = speak("a");
      String b = speak("b");
      assertThat(a).isEqualTo("s4");
      assertThat(waitingIds()).containsExactly(a, b);
      assertThat(session.queue().standingOf(bob).position()).contains(2);
    }

    @Test
    @DisplayName("puts a direct reply right after the current speaker, after earlier replies")
    void repliesGoRightAfterTheCurrentSpeaker() {
      for (String token : List.of("a", "b", "c", "d", "e")) {
        join(token);
      }
      speak("a");
      String b = speak("b");
      String c = speak("c");
      next();
      String firstReply = request("d", QueueKind.REPLY);
      String secondReply = request("e", QueueKind.REPLY);
      assertThat(waitingIds()).containsExactly(firstReply, secondReply, b, c);
    }

    @Test
    @DisplayName("refuses a reply while nobody has the floor")
    void noReplyWithoutSpeaker() {
      join("a");
      assertThat(reasonOf(apply("a", new RequestFloor(QueueKind.REPLY, Optional.empty(), false))))
          .isEqualTo(Rejection.Reason.CONFLICT);
      assertThat(session.queue().waiting()).isEmpty();
    }

    @Test
    @DisplayName("holds a point of order until the moderator accepts it, then puts it at the very front")
    void pointsOfOrderGoToTheFrontOnceAccepted() {
      for (String token : List.of("a", "b", "c", "d")) {
        join(token);
      }
      speak("a");
      String b = speak("b");
      next();
      String reply = request("c", QueueKind.REPLY);
      String order = request("d", QueueKind.ORDER);
      assertThat(waitingIds()).containsExactly(reply, b);
      assertThat(session.queue().pendingOrders()).extracting(QueueEntry::id).containsExactly(order);
      assertThat(session.queue().standingOf(session.queue().pendingOrders().get(0).participantId()).pending()).isTrue();

      assertThat(moderate(new AcceptOrder(order))).isInstanceOf(Outcome.Accepted.class);
      assertThat(waitingIds()).containsExactly(order, reply, b);
      assertThat(session.queue().pendingOrders()).isEmpty();
    }

    @Test
    @DisplayName("lets only the moderator accept a point of order")
    void onlyModeratorAccepts() {
      join("a");
      String order = request("a", QueueKind.ORDER);
      assertThat(reasonOf(apply("a", new AcceptOrder(order)))).isEqualTo(Rejection.Reason.FORBIDDEN);
      assertThat(reasonOf(moderate(new AcceptOrder("s999")))).isEqualTo(Rejection.Reason.NOT_FOUND);
      assertThat(session.queue().pendingOrders()).hasSize(1);
    }

    @Test
    @DisplayName("with first-time speakers first, puts people who have not spoken before the others, stably")
    void firstTimeSpeakersFirst() {
      for (String token : List.of("a", "b", "c", "d")) {
        join(token);
      }
      speak("a");
      speak("b");
      next();
      next();
      next();
      assertThat(session.queue().log()).hasSize(2);
      moderate(new UpdateQueue(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(true)));
      String a = speak("a");
      String c = speak("c");
      String b = speak("b");
      String d = speak("d");
      assertThat(waitingIds()).containsExactly(c, d, a, b);
    }

    @Test
    @DisplayName("switching first-time speakers first on re-sorts the line, keeping order within each group")
    void enablingThePolicyResorts() {
      for (String token : List.of("a", "b", "c")) {
        join(token);
      }
      speak("a");
      next();
      next();
      String a = speak("a");
      String b = speak("b");
      String c = speak("c");
      assertThat(waitingIds()).containsExactly(a, b, c);
      moderate(new UpdateQueue(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(true)));
      assertThat(waitingIds()).containsExactly(b, c, a);
      assertThat(session.queue().firstTimeFirst()).isTrue();
    }

    @Test
    @DisplayName("takes a full permutation of the waiting ids as the new order, and refuses anything else")
    void reorder() {
      for (String token : List.of("a", "b", "c")) {
        join(token);
      }
      String a = speak("a");
      String b = speak("b");
      String c = speak("c");
      Outcome reordered = moderate(new UpdateQueue(Optional.empty(), Optional.of(List.of(c, a, b)), Optional.empty(),
          Optional.empty()));
      assertThat(reordered).isInstanceOf(Outcome.Accepted.class);
      assertThat(waitingIds()).containsExactly(c, a, b);
      for (List<String> bad : List.of(List.of(a, b), List.of(a, b, c, "s99"), List.of(a, a, b), List.of(a, b, "s99"))) {
        assertThat(reasonOf(moderate(new UpdateQueue(Optional.empty(), Optional.of(bad), Optional.empty(),
            Optional.empty())))).isEqualTo(Rejection.Reason.BAD_INPUT);
      }
      assertThat(waitingIds()).containsExactly(c, a, b);
    }

    @Test
    @DisplayName("lets the moderator pick a specific speaker out of order")
    void pickASpeaker() {
      for (String token : List.of("a", "b", "c")) {
        join(token);
      }
      String a = speak("a");
      String b = speak("b");
      String c = speak("c");
      moderate(new CallNext(Optional.of(c)));
      assertThat(currentId()).isEqualTo(c);
      assertThat(waitingIds()).containsExactly(a, b);
      assertThat(reasonOf(moderate(new CallNext(Optional.of("s999"))))).isEqualTo(Rejection.Reason.NOT_FOUND);
    }
  }

  @Nested
  @DisplayName("keeps the speaker's clock")
  class Timer {
    private String alice;

    @BeforeEach
    void aliceHasTheFloor() {
      alice = join("a", "Alice", Stakeholder.GOVERNMENT);
      speak("a");
      at(10_000, MODERATOR, new CallNext(Optional.empty()));
    }

    private Speaker speaker() {
      return session.queue().current().orElseThrow();
    }

    private Outcome timer(long at, TimerAction action, Integer seconds) {
      return at(at, MODERATOR, new RunTimer(action, Optional.ofNullable(seconds)));
    }

    @Test
    @DisplayName("starts at the entry's timestamp with the session's default limit")
    void startsRunning() {
      assertThat(speaker().startedAt()).isEqualTo(10_000);
      assertThat(speaker().limitSeconds()).isEqualTo(120);
      assertThat(speaker().remainingMs(40_000)).isEqualTo(90_000);
      assertThat(session.queue().standingOf(alice).speaking()).isTrue();
    }

    @Test
    @DisplayName("leaves paused time out of the elapsed time, and counts over time as negative")
    void pauseAndResume() {
      timer(20_000, TimerAction.PAUSE, null);
      assertThat(speaker().isPaused()).isTrue();
      assertThat(speaker().elapsedMs(50_000)).isEqualTo(10_000);
      timer(50_000, TimerAction.RESUME, null);
      assertThat(speaker().pausedMs()).isEqualTo(30_000);
      assertThat(speaker().pausedAt()).isEmpty();
      assertThat(speaker().elapsedMs(60_000)).isEqualTo(20_000);
      assertThat(speaker().remainingMs(170_000)).isEqualTo(-10_000);
    }

    @Test
    @DisplayName("extends by 30 seconds by default or by the seconds given")
    void extend() {
      timer(20_000, TimerAction.EXTEND, null);
      assertThat(speaker().limitSeconds()).isEqualTo(150);
      timer(21_000, TimerAction.EXTEND, 60);
      assertThat(speaker().limitSeconds()).isEqualTo(210);
    }

    @Test
    @DisplayName("restarts the clock from zero on start")
    void restart() {
      timer(20_000, TimerAction.PAUSE, null);
      timer(30_000, TimerAction.START, null);
      assertThat(speaker().startedAt()).isEqualTo(30_000);
      assertThat(speaker().pausedMs()).isZero();
      assertThat(speaker().isPaused()).isFalse();
    }

    @Test
    @DisplayName("logs the turn on finish with its duration excluding pauses, and counts the contribution")
    void finishLogsTheTurn() {
      timer(20_000, TimerAction.PAUSE, null);
      timer(25_000, TimerAction.RESUME, null);
      timer(40_000, TimerAction.PAUSE, null);
      timer(100_000, TimerAction.FINISH, null);
      assertThat(session.queue().current()).isEmpty();
      Speech speech = session.queue().log().get(0);
      assertThat(speech.durationMs()).isEqualTo(25_000);
      assertThat(speech.name()).contains("Alice");
      assertThat(speech.stakeholder()).contains(Stakeholder.GOVERNMENT);
      assertThat(session.queue().contributionsOf(alice)).isEqualTo(1);
      assertThat(session.queue().isFirstTime(alice)).isFalse();
    }

    @Test
    @DisplayName("finishes the current speaker when the next one is called")
    void nextFinishesTheCurrent() {
      join("b");
      String b = speak("b");
      at(70_000, MODERATOR, new CallNext(Optional.empty()));
      assertThat(currentId()).isEqualTo(b);
      assertThat(speaker().startedAt()).isEqualTo(70_000);
      assertThat(session.queue().log()).extracting(Speech::durationMs).containsExactly(60_000L);
    }

    @Test
    @DisplayName("uses a per-entry limit for a briefing, set on a waiting entry or on the current speaker")
    void perEntryLimit() {
      join("b");
      String b = speak("b");
      assertThat(moderate(new SetSpeakingLimit(b, 300))).isInstanceOf(Outcome.Accepted.class);
      String current = currentId();
      moderate(new SetSpeakingLimit(current, 60));
      assertThat(speaker().limitSeconds()).isEqualTo(60);
      next();
      assertThat(speaker().limitSeconds()).isEqualTo(300);
      assertThat(reasonOf(moderate(new SetSpeakingLimit(b, 5)))).isEqualTo(Rejection.Reason.BAD_INPUT);
      assertThat(reasonOf(moderate(new SetSpeakingLimit("s999", 60)))).isEqualTo(Rejection.Reason.NOT_FOUND);
    }

    @Test
    @DisplayName("refuses pausing twice, resuming a running clock, seconds on anything but extend, and no speaker")
    void refusals() {
      timer(20_000, TimerAction.PAUSE, null);
      Speaker paused = speaker();
      assertThat(reasonOf(timer(21_000, TimerAction.PAUSE, null))).isEqualTo(Rejection.Reason.CONFLICT);
      timer(22_000, TimerAction.RESUME, null);
      assertThat(reasonOf(timer(23_000, TimerAction.RESUME, null))).isEqualTo(Rejection.Reason.CONFLICT);
      assertThat(reasonOf(timer(23_000, TimerAction.PAUSE, 10))).isEqualTo(Rejection.Reason.BAD_INPUT);
      assertThat(reasonOf(timer(23_000, TimerAction.EXTEND, 0))).isEqualTo(Rejection.Reason.BAD_INPUT);
      assertThat(reasonOf(at(23_000, "a", new RunTimer(TimerAction.EXTEND, Optional.empty()))))
          .isEqualTo(Rejection.Reason.FORBIDDEN);
      assertThat(speaker().pausedMs()).isEqualTo(2_000);
      assertThat(paused.limitSeconds()).isEqualTo(speaker().limitSeconds());
      timer(30_000, TimerAction.FINISH, null);
      assertThat(reasonOf(timer(31_000, TimerAction.START, null))).isEqualTo(Rejection.Reason.CONFLICT);
    }
  }

  @Nested
  @DisplayName("refuses what breaks the rules and changes nothing")
  class Refusals {

    @Test
    @DisplayName("asks for a name before giving the floor")
    void nameRequired() {
      join("anon", null, null);
      Outcome outcome = apply("anon", new RequestFloor(QueueKind.SPEAK, Optional.empty(), false));
      assertThat(reasonOf(outcome)).isEqualTo(Rejection.Reason.BAD_INPUT);
      assertThat(((Outcome.Rejected) outcome).rejection().message()).contains("name");
      assertThat(session.queue().waiting()).isEmpty();
    }

    @Test
    @DisplayName("allows one open request per participant, including while they have the floor")
    void oneRequestPerParticipant() {
      join("a");
      speak("a");
      assertThat(reasonOf(apply("a", new RequestFloor(QueueKind.SPEAK, Optional.empty(), false))))
          .isEqualTo(Rejection.Reason.CONFLICT);
      assertThat(reasonOf(apply("a", new RequestFloor(QueueKind.ORDER, Optional.empty(), false))))
          .isEqualTo(Rejection.Reason.CONFLICT);
      next();
      assertThat(reasonOf(apply("a", new RequestFloor(QueueKind.SPEAK, Optional.empty(), false))))
          .isEqualTo(Rejection.Reason.CONFLICT);
      next();
      speak("a");
      assertThat(session.queue().waiting()).hasSize(1);
    }

    @Test
    @DisplayName("keeps topics to 140 characters")
    void topicLength() {
      join("a");
      String longTopic = "x".repeat(141);
      assertThat(reasonOf(apply("a", new RequestFloor(QueueKind.SPEAK, Optional.of(longTopic), false))))
          .isEqualTo(Rejection.Reason.BAD_INPUT);
      assertThat(apply("a", new RequestFloor(QueueKind.SPEAK, Optional.of("y".repeat(140)), true)))
          .isInstanceOf(Outcome.Accepted.class);
      assertThat(session.queue().waiting().get(0).remote()).isTrue();
    }

    @Test
    @DisplayName("takes no speak requests while the list is closed, but still takes points of order")
    void closedList() {
      join("a");
      join("b");
      moderate(new UpdateQueue(Optional.of(false), Optional.empty(), Optional.empty(), Optional.empty()));
      assertThat(reasonOf(apply("a", new RequestFloor(QueueKind.SPEAK, Optional.empty(), false))))
          .isEqualTo(Rejection.Reason.CONFLICT);
      request("b", QueueKind.ORDER);
      moderate(new UpdateQueue(Optional.of(true), Optional.empty(), Optional.empty(), Optional.empty()));
      speak("a");
      assertThat(session.queue().waiting()).hasSize(1);
    }

    @Test
    @DisplayName("lets only the owner or the moderator withdraw a request")
    void withdrawal() {
      join("a");
      join("b");
      String a = speak("a");
      String b = speak("b");
      assertThat(reasonOf(apply("b", new WithdrawRequest(a)))).isEqualTo(Rejection.Reason.FORBIDDEN);
      assertThat(waitingIds()).containsExactly(a, b);
      assertThat(apply("a", new WithdrawRequest(a))).isInstanceOf(Outcome.Accepted.class);
      assertThat(moderate(new WithdrawRequest(b))).isInstanceOf(Outcome.Accepted.class);
      assertThat(waitingIds()).isEmpty();
      assertThat(reasonOf(apply("a", new WithdrawRequest(a)))).isEqualTo(Rejection.Reason.NOT_FOUND);
      speak("a");
    }

    @Test
    @DisplayName("lets only the moderator call, reorder, clear, open, close and set times")
    void moderatorOnly() {
      join("a");
      String a = speak("a");
      List<Command> moderatorCommands = List.of(new CallNext(Optional.empty()), new ClearQueue(),
          new UpdateQueue(Optional.of(false), Optional.empty(), Optional.empty(), Optional.empty()),
          new SetSpeakingLimit(a, 300));
      for (Command command : moderatorCommands) {
        assertThat(reasonOf(apply("a", command))).isEqualTo(Rejection.Reason.FORBIDDEN);
        assertThat(reasonOf(apply(null, command))).isEqualTo(Rejection.Reason.UNAUTHENTICATED);
      }
      assertThat(waitingIds()).containsExactly(a);
      assertThat(session.queue().open()).isTrue();
      assertThat(session.queue().current()).isEmpty();
    }

    @Test
    @DisplayName("refuses calling next with nobody waiting and speaking times out of range")
    void emptyAndRange() {
      assertThat(reasonOf(next())).isEqualTo(Rejection.Reason.CONFLICT);
      assertThat(reasonOf(moderate(new UpdateQueue(Optional.empty(), Optional.empty(), Optional.of(5),
          Optional.empty())))).isEqualTo(Rejection.Reason.BAD_INPUT);
      assertThat(reasonOf(moderate(new UpdateQueue(Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty())))).isEqualTo(Rejection.Reason.BAD_INPUT);
      assertThat(session.queue().speakingSeconds()).isEqualTo(120);
    }

    @Test
    @DisplayName("empties the list on clear but leaves the speaker on the floor")
    void clear() {
      join("a");
      join("b");
      join("c");
      speak("a");
      speak("b");
      request("c", QueueKind.ORDER);
      next();
      moderate(new ClearQueue());
      assertThat(session.queue().waiting()).isEmpty();
      assertThat(session.queue().pendingOrders()).isEmpty();
      assertThat(session.queue().current()).isPresent();
    }
  }

  @Nested
  @DisplayName("tells people what changed")
  class Events {

    @Test
    @DisplayName("sends one queue event to everyone and the moderators, and a private one to each participant who moved")
    void oneEventPerAudience() {
      String a = join("a");
      String b = join("b");
      String c = join("c");
      speak("a");
      speak("b");
      speak("c");
      List<Event> events = eventsOf(next());
      assertThat(events).filteredOn(e -> e instanceof Event.QueueChanged).extracting(Event::audience)
          .containsExactly(Audience.EVERYONE, Audience.MODERATORS);
      assertThat(events).filteredOn(e -> e instanceof Event.OwnQueueChanged).extracting(Event::audience)
          .containsExactly(Audience.participant(a), Audience.participant(b), Audience.participant(c));
      assertThat(events).extracting(Event::audience).doesNotHaveDuplicates();
      Event.OwnQueueChanged toB = (Event.OwnQueueChanged) events.get(3);
      assertThat(toB.standing().next()).isTrue();
    }

    @Test
    @DisplayName("tells the requester alone when a request joins the end of the line")
    void requestTellsOnlyTheRequester() {
      String a = join("a");
      join("b");
      speak("b");
      List<Event> events = eventsOf(apply("a", new RequestFloor(QueueKind.SPEAK, Optional.empty(), false)));
      assertThat(events).filteredOn(e -> e instanceof Event.OwnQueueChanged).extracting(Event::audience)
          .containsExactly(Audience.participant(a));
    }
  }

  @Nested
  @DisplayName("keeps a balance of who spoke")
  class BalanceView {

    @Test
    @DisplayName("counts speakers, turns and time per stakeholder group and in the room or remote")
    void balance() {
      String gov = join("g", "Gabriela", Stakeholder.GOVERNMENT);
      join("c", "Chen", Stakeholder.CIVIL_SOCIETY);
      at(0, "g", new RequestFloor(QueueKind.SPEAK, Optional.empty(), true));
      at(0, "c", new RequestFloor(QueueKind.SPEAK, Optional.empty(), false));
      at(10_000, MODERATOR, new CallNext(Optional.empty()));
      at(70_000, MODERATOR, new CallNext(Optional.empty()));
      at(100_000, "g", new RequestFloor(QueueKind.SPEAK, Optional.empty(), true));
      at(110_000, MODERATOR, new CallNext(Optional.empty()));
      at(130_000, MODERATOR, new CallNext(Optional.empty()));
      Balance balance = session.queue().balance();
      assertThat(balance.byStakeholder().get(Stakeholder.GOVERNMENT)).isEqualTo(new Balance.Tally(1, 2, 80_000));
      assertThat(balance.byStakeholder().get(Stakeholder.CIVIL_SOCIETY)).isEqualTo(new Balance.Tally(1, 1, 40_000));
      assertThat(balance.byStakeholder().get(Stakeholder.ACADEMIA)).isEqualTo(new Balance.Tally(0, 0, 0));
      assertThat(balance.remote()).isEqualTo(new Balance.Tally(1, 2, 80_000));
      assertThat(balance.room()).isEqualTo(new Balance.Tally(1, 1, 40_000));
      assertThat(balance.total()).isEqualTo(new Balance.Tally(2, 3, 120_000));
      assertThat(session.queue().contributionsOf(gov)).isEqualTo(2);
    }
  }
}
