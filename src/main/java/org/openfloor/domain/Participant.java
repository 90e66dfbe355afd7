package org.openfloor.domain;

import java.util.Optional;

/** Someone who joined a session from a device; name and affiliation are optional. */
public record Participant(String id, String tokenHash, Optional<String> name, Optional<String> affiliation,
                          Optional<Stakeholder> stakeholder, Optional<String> groupId, long joinedAt) implements Answered {

  public Participant inGroup(Optional<String> newGroupId) {
    return new Participant(id, tokenHash, name, affiliation, stakeholder, newGroupId, joinedAt);
  }
}
