package org.openfloor.domain;

import java.util.Optional;

/** The life cycle of a session: live, then review (comments on the draft report), then closed. */
public enum Phase {
  LIVE, REVIEW, CLOSED;

  public String wire() {
    return WireNames.of(this);
  }

  public static Optional<Phase> fromWire(String value) {
    return WireNames.parse(Phase.class, value);
  }
}
