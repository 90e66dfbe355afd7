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

  /**
   * The facilitator of one breakout group (and the moderator): that group's items in full, pending and hidden
   * ones included, and its notes pad.
   */
  record Group(String groupId) implements Audience {
  }

  Audience EVERYONE = new Everyone();
  Audience MODERATORS = new Moderators();

  static Audience participant(String participantId) {
    return new Participant(participantId);
  }

  static Audience group(String groupId) {
    return new Group(groupId);
  }
}
