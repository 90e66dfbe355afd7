package org.openfloor.domain;

import java.util.Optional;

/** Why someone asks for the floor: to speak, to reply directly to the current speaker, or on a point of order. */
public enum QueueKind {
  SPEAK, REPLY, ORDER;

  public String wire() {
    return WireNames.of(this);
  }

  public static Optional<QueueKind> fromWire(String value) {
    return WireNames.parse(QueueKind.class, value);
  }
}
