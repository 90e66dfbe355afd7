package org.openfloor.domain;

import java.util.Optional;

/** The kinds of poll: one choice, several choices, a rating on a scale, or a word cloud. */
public enum PollKind {
  SINGLE, MULTI, RATING, WORDS;

  public String wire() {
    return WireNames.of(this);
  }

  public static Optional<PollKind> fromWire(String value) {
    return WireNames.parse(PollKind.class, value);
  }
}
