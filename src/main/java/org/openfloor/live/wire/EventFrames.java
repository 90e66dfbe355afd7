package org.openfloor.live.wire;

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

  /** The pushed body of {@code event}: one case per event type, so a new event does not compile without one. */
  public static JsonObject body(Event event, long seq, Session session) {
    return switch (event) {
      case Event.SessionChanged e -> typed("session", seq).put("session", Views.session(e.session()));
      case Event.QuestionChanged e -> typed("question", seq).put("question", Views.question(e.question(), session));
      case Event.ParticipantJoined e -> typed("participant", seq).put("participant", Views.participant(e.participant()))
          .put("participantCount", session.participantCount());
      case Event.OwnVoteChanged e -> typed("ownVote", seq).put("questionId", e.questionId()).put("voted", e.voted());
      case Event.VotesChanged e -> votes(seq, Map.of(e.questionId(), e.votes()));
      case Event.PollChanged e -> typed("poll", seq)
          .put("poll", PollViews.poll(e.poll(), e.audience() instanceof Audience.Moderators));
      case Event.PollTallied e -> typed("pollResults", seq).put("poll", PollViews.poll(
          session.polls().find(e.pollId()).orElseThrow(), e.audience() instanceof Audience.Moderators));
      case Event.OwnPollVoteChanged e -> typed("pollVote", seq).mergeIn(PollViews.vote(e.vote()));
      case Event.QueueChanged _ -> typed("queue", seq).put("queue", QueueViews.queue(session));
      case Event.OwnQueueChanged e -> typed("myQueue", seq).mergeIn(QueueViews.standing(e.standing(), session));
      case Event.GroupChanged e -> typed("group", seq).put("group", Views.group(e.group()));
      case Event.ParticipantChanged e -> typed("participant", seq).put("participant", Views.participant(e.participant()))
          .put("participantCount", session.participantCount());
      case Event.NotesChanged e -> typed("notes", seq).put("notes", Views.notes(e.notes()));
      case Event.MessageChanged e -> typed("message", seq).put("message", Views.message(e.message(), session));
    };
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
