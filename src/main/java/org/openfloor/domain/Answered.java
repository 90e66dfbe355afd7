package org.openfloor.domain;

/**
 * What an accepted entry answers its sender with: the object it created or changed. Sealed, so the edge's
 * reply encoder has one case per kind and a new kind does not compile without one.
 */
public sealed interface Answered
    permits Question, Participant, SessionInfo, Poll, PollVote, QueueEntry, MicQueue, Group, KeyMessage, GroupNotes {
}
