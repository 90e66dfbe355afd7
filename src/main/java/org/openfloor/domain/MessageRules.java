package org.openfloor.domain;

import java.util.List;
import java.util.Optional;

import org.openfloor.domain.Command.CommentMessage;
import org.openfloor.domain.Command.CreateMessage;
import org.openfloor.domain.Command.EditMessage;
import org.openfloor.domain.Command.MessageCommand;

/**
 * The rules of key messages: the moderator writes and edits any, a facilitator those of their own
 * group, until the session is closed; participants comment on them only while the session is in review.
 * Key messages are public: everyone sees them, as drafts until the session closes.
 */
final class MessageRules {
  private final Session session;
  private final Breakouts breakouts;

  MessageRules(Session session, Breakouts breakouts) {
    this.session = session;
    this.breakouts = breakouts;
  }

  Outcome apply(Entry entry, Actor actor, MessageCommand command) {
    if (session.info().phase() == Phase.CLOSED) {
      return Outcome.rejected(Rejection.conflict("the session is closed: its report is final"));
    }
    if (command instanceof CreateMessage create) {
      return create(entry, actor, create);
    }
    if (command instanceof EditMessage edit) {
      return edit(entry, actor, edit);
    }
    return comment(entry, actor, (CommentMessage) command);
  }

  private Outcome create(Entry entry, Actor actor, CreateMessage create) {
    Optional<String> groupId = create.groupId().or(() -> facilitatedGroup(actor));
    Optional<Rejection> problem = writerProblem(actor, groupId)
        .or(() -> groupId.flatMap(this::unknownGroup))
        .or(() -> Texts.problem("text", create.text(), Limits.MESSAGE, true))
        .or(() -> sourcesProblem(create.questionIds()));
    if (problem.isPresent()) {
      return Outcome.rejected(problem.get());
    }
    KeyMessage message = new KeyMessage("m" + entry.seq(), entry.seq(), create.text(), groupId,
        create.questionIds(), List.of(), entry.timestamp(), entry.timestamp());
    return store(message);
  }

  private Outcome edit(Entry entry, Actor actor, EditMessage edit) {
    Optional<KeyMessage> found = breakouts.message(edit.messageId());
    if (found.isEmpty()) {
      return Outcome.rejected(Rejection.notFound("no message " + edit.messageId()));
    }
    Optional<Rejection> problem = writerProblem(actor, found.get().groupId())
        .or(() -> edit.text().isEmpty() && edit.questionIds().isEmpty()
            ? Optional.of(Rejection.badInput("nothing to change: give text or questionIds")) : Optional.empty())
        .or(() -> edit.text().flatMap(text -> Texts.problem("text", text, Limits.MESSAGE, true)))
        .or(() -> edit.questionIds().flatMap(this::sourcesProblem));
    if (problem.isPresent()) {
      return Outcome.rejected(problem.get());
    }
    return store(found.get().edited(edit.text(), edit.questionIds(), entry.timestamp()));
  }

  private Outcome comment(Entry entry, Actor actor, CommentMessage comment) {
    if (!(actor instanceof Actor.Attendee attendee)) {
      return Outcome.rejected(Rejection.forbidden("only participants comment on key messages"));
    }
    Optional<KeyMessage> found = breakouts.message(comment.messageId());
    if (found.isEmpty()) {
      return Outcome.rejected(Rejection.notFound("no message " + comment.messageId()));
    }
    if (session.info().phase() != Phase.REVIEW) {
      return Outcome.rejected(Rejection.conflict("comments are taken only during the review period"));
    }
    Optional<Rejection> problem = Texts.problem("text", comment.text(), Limits.COMMENT, true);
    if (problem.isPresent()) {
      return Outcome.rejected(problem.get());
    }
    ReviewComment added = new ReviewComment("c" + entry.seq(), comment.text(), attendee.participant().id(),
        entry.timestamp());
    return store(found.get().withComment(added));
  }

  private Outcome store(KeyMessage message) {
    breakouts.put(message);
    return Outcome.accepted(message, List.of(new Event.MessageChanged(Audience.EVERYONE, message)));
  }

  private static Optional<String> facilitatedGroup(Actor actor) {
    return actor instanceof Actor.Facilitator facilitator ? Optional.of(facilitator.groupId()) : Optional.empty();
  }

  private static Optional<Rejection> writerProblem(Actor actor, Optional<String> groupId) {
    if (actor.isModerator()) {
      return Optional.empty();
    }
    if (actor instanceof Actor.Facilitator facilitator) {
      return groupId.filter(facilitator.groupId()::equals).isPresent() ? Optional.empty()
          : Optional.of(Rejection.forbidden("a facilitator writes the key messages of their own group only"));
    }
    return Optional.of(Rejection.forbidden("only the moderator and facilitators write key messages"));
  }

  private Optional<Rejection> unknownGroup(String groupId) {
    return breakouts.find(groupId).isPresent() ? Optional.empty()
        : Optional.of(Rejection.notFound("no group " + groupId));
  }

  private Optional<Rejection> sourcesProblem(List<String> questionIds) {
    if (questionIds.size() > Limits.MESSAGE_SOURCES) {
      return Optional.of(Rejection.badInput("questionIds must have at most " + Limits.MESSAGE_SOURCES + " items"));
    }
    return questionIds.stream()
        .filter(id -> session.questions().find(id).filter(Question::isPublic).isEmpty())
        .findFirst()
        .map(id -> Rejection.notFound("no question " + id));
  }
}
