package org.openfloor.domain;

import java.util.List;
import java.util.Optional;

import org.openfloor.domain.Command.CreateGroup;
import org.openfloor.domain.Command.GroupCommand;
import org.openfloor.domain.Command.SwitchGroup;
import org.openfloor.domain.Command.WriteNotes;

/**
 * The rules of breakout groups: the moderator creates them, participants move between them, each
 * facilitator keeps their group's notes pad (read by the moderator, not by the room).
 */
final class BreakoutRules {
  private final Session session;
  private final Breakouts breakouts;

  BreakoutRules(Session session, Breakouts breakouts) {
    this.session = session;
    this.breakouts = breakouts;
  }

  Outcome apply(Entry entry, Actor actor, GroupCommand command) {
    if (session.info().phase() == Phase.CLOSED) {
      return Outcome.rejected(Rejection.conflict("the session is closed"));
    }
    if (command instanceof CreateGroup create) {
      return create(entry, actor, create);
    }
    if (command instanceof SwitchGroup change) {
      return switchGroup(actor, change);
    }
    return writeNotes(entry, actor, (WriteNotes) command);
  }

  private Outcome create(Entry entry, Actor actor, CreateGroup create) {
    if (!actor.isModerator()) {
      return Outcome.rejected(Rejection.forbidden("only the moderator creates groups"));
    }
    Optional<Rejection> problem = Texts.problem("name", create.name(), Limits.GROUP_NAME, false)
        .or(() -> Texts.optionalProblem("facilitatorName", create.facilitatorName(), Limits.NAME));
    if (problem.isPresent()) {
      return Outcome.rejected(problem.get());
    }
    Group group = new Group("g" + entry.seq(), create.name(), create.facilitatorTokenHash(), create.facilitatorName(),
        entry.timestamp());
    breakouts.add(group);
    return Outcome.accepted(group, List.of(new Event.GroupChanged(Audience.EVERYONE, group)));
  }

  private Outcome switchGroup(Actor actor, SwitchGroup change) {
    if (!(actor instanceof Actor.Attendee attendee)) {
      return Outcome.rejected(Rejection.forbidden("only participants choose a group"));
    }
    Optional<Rejection> problem = change.groupId().flatMap(this::unknownGroup);
    if (problem.isPresent()) {
      return Outcome.rejected(problem.get());
    }
    Participant moved = attendee.participant().inGroup(change.groupId());
    session.replace(moved);
    return Outcome.accepted(moved, List.of(new Event.ParticipantChanged(Audience.MODERATORS, moved),
        new Event.ParticipantChanged(Audience.participant(moved.id()), moved)));
  }

  private Outcome writeNotes(Entry entry, Actor actor, WriteNotes write) {
    Optional<Rejection> problem = unknownGroup(write.groupId())
        .or(() -> facilitatorOnly(actor, write.groupId()))
        .or(() -> write.text().isEmpty() ? Optional.empty()
            : Texts.problem("text", write.text(), Limits.NOTES, true));
    if (problem.isPresent()) {
      return Outcome.rejected(problem.get());
    }
    GroupNotes notes = new GroupNotes(write.groupId(), write.text(), entry.timestamp());
    breakouts.write(notes);
    return Outcome.accepted(notes, List.of(new Event.NotesChanged(Audience.MODERATORS, notes),
        new Event.NotesChanged(Audience.group(write.groupId()), notes)));
  }

  private Optional<Rejection> unknownGroup(String groupId) {
    return breakouts.find(groupId).isPresent() ? Optional.empty()
        : Optional.of(Rejection.notFound("no group " + groupId));
  }

  private static Optional<Rejection> facilitatorOnly(Actor actor, String groupId) {
    boolean own = actor instanceof Actor.Facilitator facilitator && facilitator.groupId().equals(groupId);
    return own ? Optional.empty() : Optional.of(Rejection.forbidden("only the group's facilitator writes its notes"));
  }
}
