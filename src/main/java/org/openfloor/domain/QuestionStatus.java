package org.openfloor.domain;

import java.util.Optional;

/** Where a question stands in moderation. */
public enum QuestionStatus {
  PENDING, VISIBLE, HIDDEN, ANSWERED, ARCHIVED;

  public String wire() {
    return WireNames.of(this);
  }

  /** Whether attendees and the screen may see a question in this status. */
  public boolean isPublic() {
    return this == VISIBLE || this == ANSWERED || this == ARCHIVED;
  }

  public static Optional<QuestionStatus> fromWire(String value) {
    return WireNames.parse(QuestionStatus.class, value);
  }
}
