package org.openfloor.live.wire;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Comparator;
import java.util.List;

import org.openfloor.domain.Group;
import org.openfloor.domain.GroupNotes;
import org.openfloor.domain.KeyMessage;
import org.openfloor.domain.Participant;
import org.openfloor.domain.Question;
import org.openfloor.domain.Session;
import org.openfloor.domain.SessionInfo;
import org.openfloor.domain.Stakeholder;

/** The JSON shapes of the public contract, made from domain values. */
public final class Views {
  private Views() {
  }

  public static JsonObject session(SessionInfo info) {
    return new JsonObject().put("code", info.code()).put("title", info.title()).put("phase", info.phase().wire())
        .put("reviewUntil", info.reviewUntil().orElse(null)).put("moderation", info.moderation().wire())
        .put("createdAt", info.createdAt());
  }

  public static JsonObject question(Question q, Session session) {
    return new JsonObject().put("id", q.id()).put("text", q.text()).put("status", q.status().wire())
        .put("highlighted", q.highlighted()).put("votes", q.votes()).put("groupId", q.groupId().orElse(null))
        .put("askedAt", q.askedAt()).put("author", author(q, session));
  }

  public static JsonObject participant(Participant p) {
    return new JsonObject().put("id", p.id()).put("name", p.name().orElse(null))
        .put("affiliation", p.affiliation().orElse(null))
        .put("stakeholder", p.stakeholder().map(Stakeholder::wire).orElse(null))
        .put("groupId", p.groupId().orElse(null));
  }

  /** The snapshot everyone may see. */
  public static JsonObject publicSnapshot(Session session, long seq) {
    return snapshot(session, seq, session.questions().visibleToEveryone())
        .put("polls", PollViews.polls(session, false));
  }

  /** The snapshot with pending and hidden items, for the moderator. */
  public static JsonObject moderatorSnapshot(Session session, long seq) {
    JsonObject snapshot = snapshot(session, seq, List.copyOf(session.questions().all()));
    JsonArray participants = new JsonArray();
    session.participants().forEach(p -> participants.add(participant(p)));
    return snapshot.put("participants", participants).put("role", "moderator").put("notes", allNotes(session))
        .put("polls", PollViews.polls(session, true))
        .put("blockedWords", new JsonArray(session.blockedWords().words()))
        .put("serverBlockedWords", new JsonArray(session.serverBlockedWords().words()));
  }

  /** The public snapshot plus what one participant may see of their own. */
  public static JsonObject participantSnapshot(Session session, long seq, Participant me) {
    JsonArray own = new JsonArray();
    session.questions().askedBy(me.id()).forEach(q -> own.add(question(q, session)));
    JsonArray votes = new JsonArray(session.questions().votedBy(me.id()).stream().sorted().toList());
    JsonObject mine = participant(me).put("questions", own).put("votes", votes);
    mine.put("queue", QueueViews.standing(session.queue().standingOf(me.id()), session));
    return publicSnapshot(session, seq).put("me", mine).put("role", "participant")
        .put("polls", PollViews.pollsFor(session, me));
  }

  private static JsonObject snapshot(Session session, long seq, List<Question> questions) {
    JsonArray list = new JsonArray();
    questions.stream().sorted(Comparator.comparingLong(Question::seq)).forEach(q -> list.add(question(q, session)));
    return session(session.info()).put("seq", seq).put("questions", list)
        .put("participantCount", session.participantCount()).put("role", "public")
        .put("queue", QueueViews.queue(session))
        .put("groups", groups(session)).put("messages", messages(session));
  }

  private static JsonObject author(Question q, Session session) {
    if (q.anonymous()) {
      return null;
    }
    return session.participant(q.authorId())
        .filter(p -> p.name().isPresent())
        .map(p -> new JsonObject().put("name", p.name().get()).put("affiliation", p.affiliation().orElse(null)))
        .orElse(null);
  }

  /** {@code {id, name, facilitator}}: the facilitator's name, or null. */
  public static JsonObject group(Group group) {
    return new JsonObject().put("id", group.id()).put("name", group.name())
        .put("facilitator", group.facilitatorName().orElse(null));
  }

  /** {@code {id, text, groupId, questionIds, comments: [{id, text, author, at}], createdAt, editedAt}}. */
  public static JsonObject message(KeyMessage message, Session session) {
    JsonArray comments = new JsonArray();
    message.comments().forEach(c -> comments.add(new JsonObject().put("id", c.id()).put("text", c.text())
        .put("author", authorOf(c.authorId(), false, session)).put("at", c.at())));
    return new JsonObject().put("id", message.id()).put("text", message.text())
        .put("groupId", message.groupId().orElse(null)).put("questionIds", new JsonArray(message.questionIds()))
        .put("comments", comments).put("createdAt", message.createdAt()).put("editedAt", message.editedAt());
  }

  /** {@code {groupId, text, editedAt}}. */
  public static JsonObject notes(GroupNotes notes) {
    return new JsonObject().put("groupId", notes.groupId()).put("text", notes.text()).put("editedAt", notes.editedAt());
  }

  /** The public snapshot plus what a facilitator may see of their group: its hidden and pending items and notes. */
  public static JsonObject facilitatorSnapshot(Session session, long seq, String groupId) {
    List<Question> questions = session.questions().all().stream()
        .filter(q -> q.isPublic() || q.groupId().filter(groupId::equals).isPresent()).toList();
    JsonObject notes = session.breakouts().notes(groupId).map(Views::notes)
        .orElse(new JsonObject().put("groupId", groupId).put("text", "").put("editedAt", null));
    return snapshot(session, seq, questions).put("polls", PollViews.polls(session, false)).put("role", "facilitator")
        .put("group", session.breakouts().find(groupId).map(Views::group).orElse(null)).put("notes", notes);
  }

  private static JsonArray groups(Session session) {
    JsonArray groups = new JsonArray();
    session.breakouts().groups().forEach(g -> groups.add(group(g)));
    return groups;
  }

  private static JsonArray messages(Session session) {
    JsonArray messages = new JsonArray();
    session.breakouts().messages().forEach(m -> messages.add(message(m, session)));
    return messages;
  }

  private static JsonObject allNotes(Session session) {
    JsonObject notes = new JsonObject();
    session.breakouts().groups().forEach(g -> session.breakouts().notes(g.id()).ifPresent(n -> notes.put(g.id(), notes(n))));
    return notes;
  }

  private static JsonObject authorOf(String participantId, boolean anonymous, Session session) {
    if (anonymous) {
      return null;
    }
    return session.participant(participantId)
        .filter(p -> p.name().isPresent())
        .map(p -> new JsonObject().put("name", p.name().get()).put("affiliation", p.affiliation().orElse(null)))
        .orElse(null);
  }
}
