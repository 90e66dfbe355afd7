package org.openfloor.domain;

/** Who may see an event. */
public sealed interface Audience {

  /** Everyone in the session: attendees, the screen, readers. */
  record Everyone() implements Audience {
  }

  /** The moderators: they see everything, including pending and hidden items. */
  record Moderators() implements Audience {
  }

  /** One participant, privately. */
  record Participant(String participantId) implements Audience {
  }

  Audience EVERYONE = new Everyone();
  Audience MODERATORS = new Moderators();

  static Audience participant(String participantId) {
    return new Participant(participantId);
  }
}
