package org.openfloor.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A key message for the report: of one group or of the whole session, drawn from some questions, commented in review. */
public record KeyMessage(String id, long seq, String text, Optional<String> groupId, List<String> questionIds,
                         List<ReviewComment> comments, long createdAt, long editedAt) implements Answered {

  public KeyMessage {
    questionIds = List.copyOf(questionIds);
    comments = List.copyOf(comments);
  }

  public KeyMessage edited(Optional<String> newText, Optional<List<String>> newQuestionIds, long at) {
    return new KeyMessage(id, seq, newText.orElse(text), groupId, newQuestionIds.orElse(questionIds), comments,
        createdAt, at);
  }

  public KeyMessage withComment(ReviewComment comment) {
    List<ReviewComment> more = new ArrayList<>(comments);
    more.add(comment);
    return new KeyMessage(id, seq, text, groupId, questionIds, more, createdAt, editedAt);
  }
}
