package org.openfloor.domain;

import java.util.Optional;

/** Where a poll stands: prepared, taking votes, or closed with its final results. */
public enum PollState {
  DRAFT, OPEN, CLOSED;

  public String wire() {
    return WireNames.of(this);
  }

  public static Optional<PollState> fromWire(String value) {
    return WireNames.parse(PollState.class, value);
  }
}
