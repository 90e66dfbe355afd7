package org.openfloor.domain;

import java.util.Optional;

/** What the moderator does with the current speaker's clock. */
public enum TimerAction {
  START, PAUSE, RESUME, EXTEND, FINISH;

  public String wire() {
    return WireNames.of(this);
  }

  public static Optional<TimerAction> fromWire(String value) {
    return WireNames.parse(TimerAction.class, value);
  }
}
