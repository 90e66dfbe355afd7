package org.openfloor.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openfloor.domain.Command.CreatePoll;
import org.openfloor.domain.Command.HidePollWord;
import org.openfloor.domain.Command.UpdatePoll;
import org.openfloor.domain.Command.VotePoll;

/** The polls of a session and the rules that run them; one ballot per participant per poll. */
public final class PollBook {
  private final Map<String, Poll> polls = new LinkedHashMap<>();

  public Optional<Poll> find(String pollId) {
    return Optional.ofNullable(polls.get(pollId));
  }

  /** Every poll, drafts included, in creation order. */
  public List<Poll> all() {
    return List.copyOf(polls.values());
  }

  /** The polls attendees and the screen may see: all but drafts. */
  public List<Poll> visibleToEveryone() {
    return polls.values().stream().filter(p -> p.state() != PollState.DRAFT).toList();
  }

  Outcome apply(Entry entry, Actor actor, Phase phase, Command.PollCommand command) {
    if (command instanceof VotePoll vote) {
      return vote(actor, phase, vote);
    }
    if (!actor.isModerator()) {
      return Outcome.rejected(Rejection.forbidden("only the moderator runs polls"));
    }
    if (phase == Phase.CLOSED) {
      return Outcome.rejected(Rejection.conflict("the session is closed"));
    }
    return switch (command) {
      case VotePoll vote -> vote(actor, phase, vote);
      case CreatePoll create -> create(entry, create);
      case UpdatePoll update -> update(update);
      case HidePollWord hide -> hideWord(hide);
    };
  }

  private Outcome create(Entry entry, CreatePoll create) {
    PollDefinition definition = new PollDefinition(create.question(), create.kind(),
        PollDefinition.optionsOf(create.options()), create.showResults(), create.maxChoices(), create.scale());
    Optional<Rejection> problem = PollRules.definitionProblem(definition, create.options());
    if (problem.isPresent()) {
      return Outcome.rejected(problem.get());
    }
    Poll poll = new Poll("poll" + entry.seq(), entry.seq(), definition);
    polls.put(poll.id(), poll);
    return Outcome.accepted(poll, List.of(new Event.PollChanged(Audience.MODERATORS, poll)));
  }

  private Outcome update(UpdatePoll update) {
    Optional<Poll> found = find(update.pollId());
    if (found.isEmpty()) {
      return Outcome.rejected(Rejection.notFound("no poll " + update.pollId()));
    }
    Poll poll = found.get();
    Optional<PollDefinition> edited = editedDefinition(poll, update);
    Optional<Rejection> problem = updateProblem(poll, update, edited);
    if (problem.isPresent()) {
      return Outcome.rejected(problem.get());
    }
    edited.ifPresent(poll::define);
    update.state().ifPresent(poll::moveTo);
    return Outcome.accepted(poll, changeEvents(poll, update.state().isPresent()));
  }

  private static Optional<PollDefinition> editedDefinition(Poll poll, UpdatePoll update) {
    boolean edits = update.question().isPresent() || update.options().isPresent() || update.showResults().isPresent()
        || update.maxChoices().isPresent() || update.scale().isPresent();
    if (!edits) {
      return Optional.empty();
    }
    PollDefinition old = poll.definition();
    List<String> labels = update.options().orElseGet(() -> old.options().stream().map(PollOption::label).toList());
    return Optional.of(new PollDefinition(update.question().orElse(old.question()), old.kind(),
        PollDefinition.optionsOf(labels), update.showResults().orElse(old.showResults()),
        update.maxChoices().or(old::maxChoices), update.scale().or(old::scale)));
  }

  private static Optional<Rejection> updateProblem(Poll poll, UpdatePoll update, Optional<PollDefinition> edited) {
    if (edited.isEmpty() && update.state().isEmpty()) {
      return Optional.of(Rejection.badInput("nothing to change: give state or a draft's question and options"));
    }
    if (edited.isPresent() && poll.state() != PollState.DRAFT) {
      return Optional.of(Rejection.conflict("only a draft poll can be edited"));
    }
    if (update.state().filter(s -> s == PollState.DRAFT).isPresent()) {
      return Optional.of(Rejection.badInput("a poll cannot go back to draft"));
    }
    if (update.state().filter(s -> s == poll.state()).isPresent()) {
      return Optional.of(Rejection.conflict("the poll is already " + poll.state().wire()));
    }
    if (update.state().filter(s -> s == PollState.CLOSED).isPresent() && poll.state() == PollState.DRAFT) {
      return Optional.of(Rejection.conflict("a draft poll must be opened before it is closed"));
    }
    return edited.flatMap(definition -> PollRules.definitionProblem(definition,
        definition.options().stream().map(PollOption::label).toList()));
  }

  private static List<Event> changeEvents(Poll poll, boolean stateChanged) {
    List<Event> events = new ArrayList<>();
    events.add(new Event.PollChanged(Audience.MODERATORS, poll));
    if (stateChanged) {
      events.add(new Event.PollChanged(Audience.EVERYONE, poll));
    }
    return events;
  }

  private Outcome vote(Actor actor, Phase phase, VotePoll vote) {
    if (!(actor instanceof Actor.Attendee attendee)) {
      return Outcome.rejected(Rejection.forbidden("only participants vote"));
    }
    Optional<Poll> found = find(vote.pollId()).filter(p -> p.state() != PollState.DRAFT);
    if (found.isEmpty()) {
      return Outcome.rejected(Rejection.notFound("no poll " + vote.pollId()));
    }
    Poll poll = found.get();
    Optional<Rejection> problem = voteProblem(poll, phase, vote.ballot());
    if (problem.isPresent()) {
      return Outcome.rejected(problem.get());
    }
    String voterId = attendee.participant().id();
    PollVote recorded = new PollVote(poll.id(), PollRules.tidy(vote.ballot()));
    poll.record(voterId, recorded.ballot());
    List<Event> events = new ArrayList<>();
    events.add(new Event.PollTallied(Audience.MODERATORS, poll.id()));
    if (poll.resultsPublic()) {
      events.add(new Event.PollTallied(Audience.EVERYONE, poll.id()));
    }
    events.add(new Event.OwnPollVoteChanged(Audience.participant(voterId), recorded));
    return Outcome.accepted(recorded, events);
  }

  private static Optional<Rejection> voteProblem(Poll poll, Phase phase, Ballot ballot) {
    if (phase != Phase.LIVE) {
      return Optional.of(Rejection.conflict("voting is closed: the session is " + phase.wire()));
    }
    if (poll.state() != PollState.OPEN) {
      return Optional.of(Rejection.conflict("the poll is " + poll.state().wire()));
    }
    return PollRules.ballotProblem(poll.definition(), ballot);
  }

  private Outcome hideWord(HidePollWord hide) {
    Optional<Poll> found = find(hide.pollId());
    if (found.isEmpty()) {
      return Outcome.rejected(Rejection.notFound("no poll " + hide.pollId()));
    }
    Poll poll = found.get();
    if (poll.definition().kind() != PollKind.WORDS) {
      return Outcome.rejected(Rejection.badInput("only a words poll has entries to hide"));
    }
    if (!poll.knowsWord(hide.text())) {
      return Outcome.rejected(Rejection.notFound("no entry '" + hide.text() + "' in this poll"));
    }
    poll.hideWord(hide.text(), hide.hidden());
    List<Event> events = new ArrayList<>();
    events.add(new Event.PollChanged(Audience.MODERATORS, poll));
    if (poll.resultsPublic() && poll.state() != PollState.DRAFT) {
      events.add(new Event.PollChanged(Audience.EVERYONE, poll));
    }
    return Outcome.accepted(poll, events);
  }

  /** Every poll as saved, in creation order. */
  public List<Poll.Saved> saved() {
    return polls.values().stream().map(Poll::saved).toList();
  }

  /** Restores saved polls into this empty book. */
  public void restore(List<Poll.Saved> saved) {
    if (!polls.isEmpty()) {
      throw new IllegalStateException("the poll book already holds polls");
    }
    saved.forEach(s -> polls.put(s.id(), Poll.restored(s)));
  }
}
