package org.openfloor.live.wire;

import io.vertx.core.json.JsonObject;

import org.openfloor.domain.Answered;
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
public final class Replies {
  private static final int OK = 200;
  private static final int CREATED = 201;

  private Replies() {
  }

  public static Answer accepted(Command command, Answered value, long seq, Session session) {
    JsonObject body = bodyOf(value, session).put("seq", seq);
    if (command instanceof Command.Vote vote) {
      body.put("voted", vote.up());
    }
    return new Answer(seq, statusOf(command), body);
  }

  /** 201 for the commands that create something, 200 for the others. */
  private static int statusOf(Command command) {
    return switch (command) {
      case Command.CreateSession _, Command.Join _, Command.Ask _, Command.RequestFloor _, Command.CreatePoll _,
           Command.CreateGroup _, Command.CreateMessage _, Command.CommentMessage _, Command.RequestBriefing _ -> CREATED;
      case Command.UpdateSession _, Command.Vote _, Command.Moderate _, Command.UpdatePoll _, Command.VotePoll _,
           Command.HidePollWord _, Command.WithdrawRequest _, Command.CallNext _, Command.UpdateQueue _,
           Command.RunTimer _, Command.ClearQueue _, Command.AcceptOrder _, Command.SetSpeakingLimit _,
           Command.SwitchGroup _, Command.WriteNotes _, Command.EditMessage _ -> OK;
    };
  }

  private static JsonObject bodyOf(Answered value, Session session) {
    return switch (value) {
      case Question question -> Views.question(question, session);
      case Participant participant -> Views.participant(participant);
      case SessionInfo info -> Views.session(info);
      case Poll poll -> PollViews.poll(poll, true);
      case PollVote vote -> PollViews.vote(vote);
      case QueueEntry entry -> QueueViews.requested(entry, session);
      case MicQueue _ -> QueueViews.queue(session);
      case Group group -> Views.group(group);
      case KeyMessage message -> Views.message(message, session);
      case GroupNotes notes -> Views.notes(notes);
    };
  }
}
