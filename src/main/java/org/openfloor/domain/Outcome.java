package org.openfloor.domain;

import java.util.List;

/** The result of applying one entry: accepted with a value and events, or rejected. */
public sealed interface Outcome {

  /** The entry changed the state; {@code value} answers the sender. */
  record Accepted(Answered value, List<Event> events) implements Outcome {
  }

  /** The entry was refused and changed nothing. */
  record Rejected(Rejection rejection) implements Outcome {
  }

  static Outcome accepted(Answered value, List<Event> events) {
    return new Accepted(value, List.copyOf(events));
  }

  static Outcome rejected(Rejection rejection) {
    return new Rejected(rejection);
  }
}
