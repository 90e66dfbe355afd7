package org.openfloor.domain;

import java.util.Optional;

/** A breakout group with its facilitator (known by the hash of their token, and by name if given). */
public record Group(String id, String name, String facilitatorTokenHash, Optional<String> facilitatorName,
                   long createdAt) implements Answered {
}
