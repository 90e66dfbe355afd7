package org.openfloor.domain;

import java.util.Optional;

/** What someone asks a session to do; carried in a log entry and applied in order. */
public sealed interface Command {

  /** Opens a new session; only the first entry of a session's log may be this. */
  record CreateSession(String title, String moderatorTokenHash, Moderation moderation) implements Command {
  }

  /** Changes the session's title, phase, review deadline or moderation mode. */
  record UpdateSession(Optional<String> title, Optional<Phase> phase, Optional<Long> reviewUntil,
                       Optional<Moderation> moderation) implements Command {
  }

  /** A new participant joins; the token was made at the edge and only its hash travels. */
  record Join(String tokenHash, Optional<String> name, Optional<String> affiliation,
              Optional<Stakeholder> stakeholder, Optional<String> groupId) implements Command {
  }

  /** A participant asks a question. */
  record Ask(String text, boolean anonymous, Optional<String> groupId) implements Command {
  }

  /** A participant upvotes a question, or takes the upvote back. */
  record Vote(String questionId, boolean up) implements Command {
  }

  /** A moderator (or the facilitator of its group) changes a question's status or highlight. */
  record Moderate(String questionId, Optional<QuestionStatus> status, Optional<Boolean> highlighted)
      implements Command {
  }
}
