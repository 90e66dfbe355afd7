package org.openfloor.domain;

/** Something that happened in a session, for one audience. */
public sealed interface Event {

  Audience audience();

  /** The session's settings changed. */
  record SessionChanged(Audience audience, SessionInfo session) implements Event {
  }

  /** A question was asked or changed (status, highlight); carries its whole new state. */
  record QuestionChanged(Audience audience, Question question) implements Event {
  }

  /** A question's vote count changed; these are coalesced before they are pushed. */
  record VotesChanged(Audience audience, String questionId, int votes) implements Event {
  }

  /** Someone joined the session. */
  record ParticipantJoined(Audience audience, Participant participant) implements Event {
  }

  /** A participant's own vote on a question was recorded or taken back. */
  record OwnVoteChanged(Audience audience, String questionId, boolean voted) implements Event {
  }

  /** A poll was created, opened, closed or edited; read it when the event is published. */
  record PollChanged(Audience audience, Poll poll) implements Event {
  }

  /** A poll's tallies changed; these are coalesced and rendered from the state when pushed. */
  record PollTallied(Audience audience, String pollId) implements Event {
  }

  /** A participant's own vote in a poll was recorded. */
  record OwnPollVoteChanged(Audience audience, PollVote vote) implements Event {
  }

  /** The mic queue changed; the whole queue as it stands after the entry goes out. */
  record QueueChanged(Audience audience) implements Event {
  }

  /** A participant's own place in the queue changed. */
  record OwnQueueChanged(Audience audience, QueueStanding standing) implements Event {
  }
  /** A breakout group was created. */
  record GroupChanged(Audience audience, Group group) implements Event {
  }

  /** A participant's profile changed (e.g. they moved to another group). */
  record ParticipantChanged(Audience audience, Participant participant) implements Event {
  }

  /** A group's notes pad changed. */
  record NotesChanged(Audience audience, GroupNotes notes) implements Event {
  }

  /** A key message was written, edited or commented; carries its whole new state. */
  record MessageChanged(Audience audience, KeyMessage message) implements Event {
  }
}
