package org.openfloor.domain;

import java.util.Optional;

/** When attendees and the screen see a poll's results: live, or only once it is closed. */
public enum ShowResults {
  LIVE, CLOSED;

  public String wire() {
    return WireNames.of(this);
  }

  public static Optional<ShowResults> fromWire(String value) {
    return WireNames.parse(ShowResults.class, value);
  }
}
