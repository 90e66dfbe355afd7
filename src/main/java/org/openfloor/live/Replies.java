package org.openfloor.live;

import io.vertx.core.json.JsonObject;

import org.openfloor.domain.Command;
import org.openfloor.domain.Group;
import org.openfloor.domain.GroupNotes;
import org.openfloor.domain.KeyMessage;
import org.openfloor.domain.MicQueue;
import org.openfloor.domain.Participant;
import org.openfloor.domain.Poll;
import org.openfloor.domain.PollVote;
import org.openfloor.domain.Question;
import org.openfloor.domain.QueueEntry;
import org.openfloor.domain.Session;
import org.openfloor.domain.SessionInfo;

/** The body of a successful answer: the created or changed object, with the entry's seq. */
final class Replies {
  private static final int OK = 200;
  private static final int CREATED = 201;

  private Replies() {
  }

  static Answer accepted(Command command, Object value, long seq, Session session) {
    JsonObject body = bodyOf(value, session).put("seq", seq);
    if (command instanceof Command.Vote vote) {
      body.put("voted", vote.up());
    }
    return new Answer(seq, statusOf(command), body);
  }

  private static int statusOf(Command command) {
    boolean creates = command instanceof Command.CreateSession || command instanceof Command.Join
        || command instanceof Command.Ask || command instanceof Command.RequestFloor
        || command instanceof Command.CreatePoll || command instanceof Command.CreateGroup
        || command instanceof Command.CreateMessage || command instanceof Command.CommentMessage
        || command instanceof Command.RequestBriefing;
    return creates ? CREATED : OK;
  }

  private static JsonObject bodyOf(Object value, Session session) {
    if (value instanceof Question question) {
      return Views.question(question, session);
    }
    if (value instanceof Participant participant) {
      return Views.participant(participant);
    }
    if (value instanceof SessionInfo info) {
      return Views.session(info);
    }
    if (value instanceof Poll poll) {
      return PollViews.poll(poll, true);
    }
    if (value instanceof PollVote vote) {
      return PollViews.vote(vote);
    }
    if (value instanceof QueueEntry entry) {
      return QueueViews.requested(entry, session);
    }
    if (value instanceof MicQueue) {
      return QueueViews.queue(session);
    }
    if (value instanceof Group group) {
      return Views.group(group);
    }
    if (value instanceof KeyMessage message) {
      return Views.message(message, session);
    }
    if (value instanceof GroupNotes notes) {
      return Views.notes(notes);
    }
    throw new IllegalArgumentException("no reply body for " + value);
  }
}
