package org.openfloor.live;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.Map;

import org.openfloor.domain.Audience;
import org.openfloor.domain.Event;
import org.openfloor.domain.Session;

/** Events as the JSON bodies pushed to clients, and as whole bridge frames encoded once. */
public final class EventFrames {
  private EventFrames() {
  }

  public static JsonObject body(Event event, long seq, Session session) {
    if (event instanceof Event.SessionChanged e) {
      return typed("session", seq).put("session", Views.session(e.session()));
    }
    if (event instanceof Event.QuestionChanged e) {
      return typed("question", seq).put("question", Views.question(e.question(), session));
    }
    if (event instanceof Event.ParticipantJoined e) {
      return typed("participant", seq).put("participant", Views.participant(e.participant()))
          .put("participantCount", session.participantCount());
    }
    if (event instanceof Event.OwnVoteChanged e) {
      return typed("ownVote", seq).put("questionId", e.questionId()).put("voted", e.voted());
    }
    if (event instanceof Event.VotesChanged e) {
      return votes(seq, Map.of(e.questionId(), e.votes()));
    }
    if (event instanceof Event.PollChanged e) {
      return typed("poll", seq).put("poll", PollViews.poll(e.poll(), e.audience() instanceof Audience.Moderators));
    }
    if (event instanceof Event.PollTallied e) {
      return typed("pollResults", seq).put("poll", PollViews.poll(session.polls().find(e.pollId()).orElseThrow(),
          e.audience() instanceof Audience.Moderators));
    }
    if (event instanceof Event.OwnPollVoteChanged e) {
      return typed("pollVote", seq).mergeIn(PollViews.vote(e.vote()));
    }
    if (event instanceof Event.QueueChanged) {
      return typed("queue", seq).put("queue", QueueViews.queue(session));
    }
    if (event instanceof Event.OwnQueueChanged e) {
      return typed("myQueue", seq).mergeIn(QueueViews.standing(e.standing(), session));
    }
    if (event instanceof Event.GroupChanged e) {
      return typed("group", seq).put("group", Views.group(e.group()));
    }
    if (event instanceof Event.ParticipantChanged e) {
      return typed("participant", seq).put("participant", Views.participant(e.participant()))
          .put("participantCount", session.participantCount());
    }
    if (event instanceof Event.NotesChanged e) {
      return typed("notes", seq).put("notes", Views.notes(e.notes()));
    }
    if (event instanceof Event.MessageChanged e) {
      return typed("message", seq).put("message", Views.message(e.message(), session));
    }
    throw new IllegalArgumentException("no frame for " + event);
  }

  /** Tells clients to reload the snapshot: this node's state jumped to {@code seq} without the events between. */
  public static JsonObject resync(long seq) {
    return typed("resync", seq);
  }

  public static JsonObject votes(long seq, Map<String, Integer> counts) {
    JsonObject votes = new JsonObject();
    counts.forEach(votes::put);
    return typed("votes", seq).put("votes", votes);
  }

  /** The bridge message {@code {type: "rec", address, body}} as bytes. */
  public static Buffer frame(String address, JsonObject body) {
    return new JsonObject().put("type", "rec").put("address", address).put("body", body).toBuffer();
  }

  private static JsonObject typed(String type, long seq) {
    return new JsonObject().put("type", type).put("seq", seq);
  }
}
