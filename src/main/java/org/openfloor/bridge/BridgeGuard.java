package org.openfloor.bridge;

import io.vertx.core.Future;

import org.openfloor.domain.Actor;
import org.openfloor.live.wire.Addresses;
import org.openfloor.live.wire.Addresses.Outbound;
import org.openfloor.live.SessionRegistry;

/**
 * The one place that decides who may listen where: anyone on a session's public address, the
 * moderator on its moderator address, a participant on their own address only, a group's facilitator
 * (or the moderator) on that group's address.
 */
final class BridgeGuard {
  private final SessionRegistry registry;

  BridgeGuard(SessionRegistry registry) {
    this.registry = registry;
  }

  /** Whether the holder of {@code tokenHash} may register on {@code address}; fails for unknown sessions. */
  Future<Boolean> mayRegister(Outbound address, String tokenHash) {
    if (address instanceof Outbound.ToSession session) {
      return registry.existing(session.code()).map(hub -> true);
    }
    if (address instanceof Outbound.ToModerators moderators) {
      return registry.existing(moderators.code()).map(hub -> hub.actorOf(tokenHash).isModerator());
    }
    if (address instanceof Outbound.ToGroup group) {
      return registry.existing(group.code()).map(hub -> isFacilitatorOrModerator(hub.actorOf(tokenHash), group.groupId()));
    }
    Outbound.ToParticipant participant = (Outbound.ToParticipant) address;
    String code = Addresses.sessionOfParticipant(participant.participantId());
    return registry.existing(code).map(hub -> isParticipant(hub.actorOf(tokenHash), participant.participantId()));
  }

  private static boolean isFacilitatorOrModerator(Actor actor, String groupId) {
    return actor.isModerator() || actor instanceof Actor.Facilitator facilitator && facilitator.groupId().equals(groupId);
  }

  private static boolean isParticipant(Actor actor, String participantId) {
    return actor instanceof Actor.Attendee attendee && attendee.participant().id().equals(participantId);
  }
}
