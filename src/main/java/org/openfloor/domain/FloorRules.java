package org.openfloor.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.openfloor.domain.Command.AcceptOrder;
import org.openfloor.domain.Command.CallNext;
import org.openfloor.domain.Command.ClearQueue;
import org.openfloor.domain.Command.QueueCommand;
import org.openfloor.domain.Command.RequestBriefing;
import org.openfloor.domain.Command.RequestFloor;
import org.openfloor.domain.Command.RunTimer;
import org.openfloor.domain.Command.SetSpeakingLimit;
import org.openfloor.domain.Command.UpdateQueue;
import org.openfloor.domain.Command.WithdrawRequest;

/**
 * The rules of the open-mic queue: checks a queue command completely, then changes the queue and
 * tells everyone the new queue and each participant whose own standing changed.
 */
final class FloorRules {
  private final Session session;
  private final MicQueue queue;

  FloorRules(Session session, MicQueue queue) {
    this.session = session;
    this.queue = queue;
  }

  Outcome apply(Entry entry, Actor actor, QueueCommand command) {
    Optional<Rejection> problem = problem(actor, command);
    if (problem.isPresent()) {
      return Outcome.rejected(problem.get());
    }
    Map<String, QueueStanding> before = queue.standings();
    Answered value = change(entry, actor, command);
    return Outcome.accepted(value, events(before));
  }

  private Optional<Rejection> problem(Actor actor, QueueCommand command) {
    if (session.info().phase() == Phase.CLOSED) {
      return Optional.of(Rejection.conflict("the session is closed"));
    }
    if (command instanceof RequestFloor request) {
      return requestProblem(actor, request);
    }
    if (command instanceof WithdrawRequest withdraw) {
      return withdrawProblem(actor, withdraw);
    }
    if (!actor.isModerator()) {
      return Optional.of(Rejection.forbidden("only the moderator runs the speakers list"));
    }
    return moderatorProblem(command);
  }

  private Optional<Rejection> requestProblem(Actor actor, RequestFloor request) {
    if (!(actor instanceof Actor.Attendee attendee)) {
      return Optional.of(Rejection.forbidden("only participants ask for the floor"));
    }
    Participant participant = attendee.participant();
    if (participant.name().isEmpty()) {
      return Optional.of(Rejection.badInput("asking for the floor needs a name: join with your name first"));
    }
    return Texts.optionalProblem("topic", request.topic(), MicQueue.TOPIC)
        .or(() -> requestConflict(participant, request));
  }

  private Optional<Rejection> requestConflict(Participant participant, RequestFloor request) {
    if (session.info().phase() != Phase.LIVE) {
      return Optional.of(Rejection.conflict("the floor is closed: the session is " + session.info().phase().wire()));
    }
    if (!queue.open() && request.kind() != QueueKind.ORDER) {
      return Optional.of(Rejection.conflict("the speakers list is closed"));
    }
    if (queue.hasOpenRequest(participant.id())) {
      return Optional.of(Rejection.conflict("you already asked for the floor"));
    }
    if (request.kind() == QueueKind.REPLY && queue.current().isEmpty()) {
      return Optional.of(Rejection.conflict("nobody has the floor to reply to"));
    }
    return Optional.empty();
  }

  private Optional<Rejection> withdrawProblem(Actor actor, WithdrawRequest withdraw) {
    if (queue.current().filter(s -> s.entry().id().equals(withdraw.entryId())).isPresent()) {
      return Optional.of(Rejection.conflict("that speaker has the floor: finish the turn instead"));
    }
    Optional<QueueEntry> entry = queue.findOpen(withdraw.entryId());
    if (entry.isEmpty()) {
      return Optional.of(Rejection.notFound("no request " + withdraw.entryId() + " in the queue"));
    }
    boolean owner = actor instanceof Actor.Attendee attendee
        && attendee.participant().id().equals(entry.get().participantId());
    if (!owner && !actor.isModerator()) {
      return Optional.of(Rejection.forbidden("only its owner or the moderator withdraws a request"));
    }
    return Optional.empty();
  }

  private Optional<Rejection> moderatorProblem(QueueCommand command) {
    if (command instanceof CallNext next) {
      return nextProblem(next);
    }
    if (command instanceof UpdateQueue update) {
      return updateProblem(update);
    }
    if (command instanceof RunTimer timer) {
      return TimerRules.problem(queue.current(), timer);
    }
    if (command instanceof AcceptOrder accept && queue.findPendingOrder(accept.entryId()).isEmpty()) {
      return Optional.of(Rejection.notFound("no point of order " + accept.entryId() + " awaits acceptance"));
    }
    if (command instanceof SetSpeakingLimit limit) {
      return limitProblem(limit);
    }
    if (command instanceof RequestBriefing briefing) {
      return briefingProblem(briefing);
    }
    return Optional.empty();
  }

  private Optional<Rejection> briefingProblem(RequestBriefing briefing) {
    if (session.info().phase() != Phase.LIVE) {
      return Optional.of(Rejection.conflict("the floor is closed: the session is " + session.info().phase().wire()));
    }
    Optional<Rejection> limit = briefing.limitSeconds().flatMap(s -> secondsProblem("limitSeconds", s, MicQueue.MIN_SECONDS));
    if (limit.isPresent() || briefing.groupId().isEmpty()) {
      return limit.or(() -> briefingGroups(briefing).isEmpty()
          ? Optional.of(Rejection.conflict("no group's facilitator is left to brief")) : Optional.empty());
    }
    String groupId = briefing.groupId().get();
    if (session.breakouts().find(groupId).isEmpty()) {
      return Optional.of(Rejection.notFound("no group " + groupId));
    }
    if (queue.hasOpenRequest(groupId)) {
      return Optional.of(Rejection.conflict("that group's facilitator is already in the queue"));
    }
    return Optional.empty();
  }

  /** The groups a briefing command puts in line: the one named, or every group not in line yet. */
  private List<Group> briefingGroups(RequestBriefing briefing) {
    return session.breakouts().groups().stream()
        .filter(g -> briefing.groupId().map(g.id()::equals).orElse(true))
        .filter(g -> !queue.hasOpenRequest(g.id()))
        .toList();
  }

  private Optional<Rejection> nextProblem(CallNext next) {
    if (next.entryId().isPresent() && queue.findWaiting(next.entryId().get()).isEmpty()) {
      return Optional.of(Rejection.notFound("no request " + next.entryId().get() + " waits in line"));
    }
    if (queue.waiting().isEmpty() && queue.current().isEmpty()) {
      return Optional.of(Rejection.conflict("nobody is waiting for the floor"));
    }
    return Optional.empty();
  }

  private Optional<Rejection> updateProblem(UpdateQueue update) {
    if (update.open().isEmpty() && update.order().isEmpty() && update.speakingSeconds().isEmpty()
        && update.firstTimeFirst().isEmpty()) {
      return Optional.of(Rejection.badInput("nothing to change: give open, order, speakingSeconds or firstTimeFirst"));
    }
    return update.speakingSeconds().flatMap(s -> secondsProblem("speakingSeconds", s, MicQueue.MIN_SECONDS))
        .or(() -> update.order().flatMap(this::orderProblem));
  }

  private Optional<Rejection> orderProblem(List<String> order) {
    Set<String> waitingIds = new HashSet<>();
    queue.waiting().forEach(e -> waitingIds.add(e.id()));
    if (order.size() != waitingIds.size() || !waitingIds.equals(new HashSet<>(order))) {
      return Optional.of(Rejection.badInput("order must list every waiting request exactly once"));
    }
    return Optional.empty();
  }

  private Optional<Rejection> limitProblem(SetSpeakingLimit limit) {
    boolean speaking = queue.current().filter(s -> s.entry().id().equals(limit.entryId())).isPresent();
    if (!speaking && queue.findOpen(limit.entryId()).isEmpty()) {
      return Optional.of(Rejection.notFound("no request " + limit.entryId() + " in the queue"));
    }
    return secondsProblem("limitSeconds", limit.limitSeconds(), MicQueue.MIN_SECONDS);
  }

  static Optional<Rejection> secondsProblem(String field, int seconds, int min) {
    if (seconds < min || seconds > MicQueue.MAX_SECONDS) {
      return Optional.of(Rejection.badInput(field + " must be between " + min + " and " + MicQueue.MAX_SECONDS));
    }
    return Optional.empty();
  }

  /** Applies a checked command; answers with the entry it created, else with the queue as it now is. */
  private Answered change(Entry entry, Actor actor, QueueCommand command) {
    switch (command) {
      case RequestFloor request -> {
        return request(entry, ((Actor.Attendee) actor).participant(), request);
      }
      case RequestBriefing briefing -> {
        return brief(entry, briefing);
      }
      case WithdrawRequest withdraw -> queue.remove(withdraw.entryId());
      case CallNext next -> callNext(entry.timestamp(), next);
      case UpdateQueue update -> update(update);
      case RunTimer timer -> runTimer(entry.timestamp(), timer);
      case ClearQueue _ -> queue.clear();
      case AcceptOrder accept -> queue.accept(accept.entryId());
      case SetSpeakingLimit limit -> setLimit(limit);
    }
    return queue;
  }

  private QueueEntry request(Entry entry, Participant participant, RequestFloor request) {
    QueueEntry created = new QueueEntry("s" + entry.seq(), participant.id(), request.kind(),
        request.topic(), request.remote(), entry.timestamp(), Optional.empty());
    if (request.kind() == QueueKind.ORDER) {
      queue.awaitAcceptance(created);
    } else {
      queue.enqueue(created);
    }
    return created;
  }

  /** Queues each group's facilitator under the group's id, with the group's name as topic; one entry is the answer. */
  private Answered brief(Entry entry, RequestBriefing briefing) {
    List<Group> groups = briefingGroups(briefing);
    int limit = briefing.limitSeconds().orElse(Limits.BRIEFING_SECONDS);
    List<QueueEntry> created = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      Group group = groups.get(i);
      String id = groups.size() == 1 && briefing.groupId().isPresent() ? "s" + entry.seq() : "s" + entry.seq() + "-" + (i + 1);
      QueueEntry briefingEntry = new QueueEntry(id, group.id(), QueueKind.SPEAK, Optional.of(group.name()), false,
          entry.timestamp(), Optional.of(limit));
      queue.enqueue(briefingEntry);
      created.add(briefingEntry);
    }
    return created.size() == 1 ? created.get(0) : queue;
  }

  private void callNext(long at, CallNext next) {
    if (queue.current().isPresent()) {
      finish(at);
    }
    Optional<String> chosen = next.entryId().or(() -> queue.waiting().stream().findFirst().map(QueueEntry::id));
    chosen.ifPresent(id -> queue.giveFloor(id, at));
  }

  private void finish(long at) {
    String speakerId = queue.current().orElseThrow().entry().participantId();
    queue.finish(at, session.participant(speakerId));
  }

  private void update(UpdateQueue update) {
    update.open().ifPresent(queue::open);
    update.speakingSeconds().ifPresent(queue::speakingSeconds);
    update.order().ifPresent(queue::reorder);
    update.firstTimeFirst().ifPresent(queue::firstTimeFirst);
  }

  private void runTimer(long at, RunTimer timer) {
    if (timer.action() == TimerAction.FINISH) {
      finish(at);
    } else {
      queue.replaceCurrent(TimerRules.next(queue.current().orElseThrow(), timer, at));
    }
  }

  private void setLimit(SetSpeakingLimit limit) {
    Optional<Speaker> speaker = queue.current().filter(s -> s.entry().id().equals(limit.entryId()));
    if (speaker.isPresent()) {
      queue.replaceCurrent(speaker.get().withLimit(limit.limitSeconds()));
    } else {
      queue.replace(queue.findOpen(limit.entryId()).orElseThrow().withLimit(limit.limitSeconds()));
    }
  }

  private List<Event> events(Map<String, QueueStanding> before) {
    List<Event> events = new ArrayList<>();
    events.add(new Event.QueueChanged(Audience.EVERYONE));
    events.add(new Event.QueueChanged(Audience.MODERATORS));
    Map<String, QueueStanding> after = queue.standings();
    Set<String> concerned = new LinkedHashSet<>(after.keySet());
    concerned.addAll(before.keySet());
    for (String participantId : concerned) {
      QueueStanding now = after.getOrDefault(participantId, QueueStanding.NONE);
      boolean participant = session.participant(participantId).isPresent();
      if (participant && !now.equals(before.getOrDefault(participantId, QueueStanding.NONE))) {
        events.add(new Event.OwnQueueChanged(Audience.participant(participantId), now));
      }
    }
    return events;
  }
}
