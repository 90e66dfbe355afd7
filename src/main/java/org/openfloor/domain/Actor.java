package org.openfloor.domain;

/** Who sent an entry, as resolved from the hash of its token. */
public sealed interface Actor {

  /** Holds the session's moderator token. */
  record Moderator() implements Actor {
  }

  /** Holds the facilitator token of one breakout group. */
  record Facilitator(String groupId) implements Actor {
  }

  /** A participant who joined the session. */
  record Attendee(Participant participant) implements Actor {
  }

  /** No token, or one this session does not know. */
  record Nobody(boolean presentedToken) implements Actor {
  }

  default boolean isModerator() {
    return this instanceof Moderator;
  }
}
