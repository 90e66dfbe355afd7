package org.openfloor.domain;

import java.util.Optional;

/** One line of the speaking log: who spoke, as their profile read when they finished, and for how long. */
public record Speech(String entryId, String participantId, Optional<String> name, Optional<String> affiliation,
                     Optional<Stakeholder> stakeholder, QueueKind kind, Optional<String> topic, boolean remote,
                     long startedAt, long durationMs) {
}
