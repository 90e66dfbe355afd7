package org.openfloor.domain;

import java.util.Optional;

/** A question or comment from the floor, with its moderation status and vote count. */
public record Question(String id, long seq, String text, String authorId, boolean anonymous, QuestionStatus status,
                       boolean highlighted, int votes, Optional<String> groupId, long askedAt) implements Answered {

  public Question withStatus(QuestionStatus newStatus) {
    return new Question(id, seq, text, authorId, anonymous, newStatus, highlighted, votes, groupId, askedAt);
  }

  public Question withHighlighted(boolean newHighlighted) {
    return new Question(id, seq, text, authorId, anonymous, status, newHighlighted, votes, groupId, askedAt);
  }

  public Question withVotes(int newVotes) {
    return new Question(id, seq, text, authorId, anonymous, status, highlighted, newVotes, groupId, askedAt);
  }

  public boolean isPublic() {
    return status.isPublic();
  }
}
