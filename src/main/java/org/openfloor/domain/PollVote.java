package org.openfloor.domain;

/** The vote a participant now has in a poll. */
public record PollVote(String pollId, Ballot ballot) implements Answered {
}
