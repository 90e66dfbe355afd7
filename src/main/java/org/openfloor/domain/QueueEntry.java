package org.openfloor.domain;

import java.util.Optional;

/** One request for the floor; {@code limitSeconds} overrides the session's speaking time when present. */
public record QueueEntry(String id, String participantId, QueueKind kind, Optional<String> topic, boolean remote,
                         long requestedAt, Optional<Integer> limitSeconds) implements Answered {

  public QueueEntry withLimit(int seconds) {
    return new QueueEntry(id, participantId, kind, topic, remote, requestedAt, Optional.of(seconds));
  }
}
