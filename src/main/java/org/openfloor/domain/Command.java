package org.openfloor.domain;

import java.util.List;
import java.util.Optional;

/** What someone asks a session to do; carried in a log entry and applied in order. */
public sealed interface Command {

  /** Opens a new session; only the first entry of a session's log may be this. */
  record CreateSession(String title, String moderatorTokenHash, Moderation moderation,
                       List<String> serverBlockedWords) implements Command {
    public CreateSession {
      serverBlockedWords = List.copyOf(serverBlockedWords);
    }

    /** A session under no server-wide blocked words. */
    public CreateSession(String title, String moderatorTokenHash, Moderation moderation) {
      this(title, moderatorTokenHash, moderation, List.of());
    }

    /** The same command carrying the server's blocked words as of now (added by the edge). */
    public CreateSession withServerBlockedWords(List<String> words) {
      return new CreateSession(title, moderatorTokenHash, moderation, words);
    }
  }

  /** Changes the session's title, phase, review deadline or moderation mode. */
  record UpdateSession(Optional<String> title, Optional<Phase> phase, Optional<Long> reviewUntil,
                       Optional<Moderation> moderation, Optional<List<String>> blockedWords) implements Command {

    /** A change that leaves the session's blocked words as they are. */
    public UpdateSession(Optional<String> title, Optional<Phase> phase, Optional<Long> reviewUntil,
                         Optional<Moderation> moderation) {
      this(title, phase, reviewUntil, moderation, Optional.empty());
    }
  }

  /** A new participant joins; the token was made at the edge and only its hash travels. */
  record Join(String tokenHash, Optional<String> name, Optional<String> affiliation,
              Optional<Stakeholder> stakeholder, Optional<String> groupId) implements Command {
  }

  /** A participant asks a question. */
  record Ask(String text, boolean anonymous, Optional<String> groupId) implements Command {
  }

  /** A participant upvotes a question, or takes the upvote back. */
  record Vote(String questionId, boolean up) implements Command {
  }

  /** A moderator (or the facilitator of its group) changes a question's status or highlight. */
  record Moderate(String questionId, Optional<QuestionStatus> status, Optional<Boolean> highlighted)
      implements Command {
  }

  /** The polls' commands. */
  sealed interface PollCommand extends Command {
  }

  /** The moderator prepares a poll, as a draft; option labels are only for choice polls. */
  record CreatePoll(String question, PollKind kind, List<String> options, ShowResults showResults,
                    Optional<Integer> maxChoices, Optional<Integer> scale) implements PollCommand {
    public CreatePoll {
      options = List.copyOf(options);
    }
  }

  /** The moderator opens, closes or reopens a poll, or edits a draft. */
  record UpdatePoll(String pollId, Optional<PollState> state, Optional<String> question,
                    Optional<List<String>> options, Optional<ShowResults> showResults,
                    Optional<Integer> maxChoices, Optional<Integer> scale) implements PollCommand {
  }

  /** A participant votes in an open poll, replacing any earlier vote there. */
  record VotePoll(String pollId, Ballot ballot) implements PollCommand {
  }

  /** The moderator hides a word-cloud entry, or shows it again. */
  record HidePollWord(String pollId, String text, boolean hidden) implements PollCommand {
  }

  /** The open-mic queue's commands. */
  sealed interface QueueCommand extends Command {
  }

  /** A participant asks for the floor. */
  record RequestFloor(QueueKind kind, Optional<String> topic, boolean remote) implements QueueCommand {
  }

  /** Its owner withdraws a request, or the moderator removes it. */
  record WithdrawRequest(String entryId) implements QueueCommand {
  }

  /** The moderator ends the current turn and gives the floor to the first in line, or to {@code entryId}. */
  record CallNext(Optional<String> entryId) implements QueueCommand {
  }

  /** The moderator opens or closes the list, reorders it, or changes the speaking time or the ordering policy. */
  record UpdateQueue(Optional<Boolean> open, Optional<java.util.List<String>> order, Optional<Integer> speakingSeconds,
                     Optional<Boolean> firstTimeFirst) implements QueueCommand {
  }

  /** The moderator acts on the current speaker's clock; {@code seconds} is the extension. */
  record RunTimer(TimerAction action, Optional<Integer> seconds) implements QueueCommand {
  }

  /** The moderator empties the list (the current speaker keeps the floor). */
  record ClearQueue() implements QueueCommand {
  }

  /** The moderator accepts a point of order, which goes to the front of the line. */
  record AcceptOrder(String entryId) implements QueueCommand {
  }

  /** The moderator sets the speaking time of one waiting entry or of the current speaker. */
  record SetSpeakingLimit(String entryId, int limitSeconds) implements QueueCommand {
  }
  /** The breakout groups' commands: groups, a participant's choice of group, the notes pads. */
  sealed interface GroupCommand extends Command {
  }

  /** The moderator creates a breakout group; the facilitator token was made at the edge and only its hash travels. */
  record CreateGroup(String name, String facilitatorTokenHash, Optional<String> facilitatorName) implements GroupCommand {
  }

  /** A participant moves to another group, or leaves every group when {@code groupId} is empty. */
  record SwitchGroup(Optional<String> groupId) implements GroupCommand {
  }

  /** A group's facilitator replaces the group's notes pad. */
  record WriteNotes(String groupId, String text) implements GroupCommand {
  }

  /** The key messages' commands. */
  sealed interface MessageCommand extends Command {
  }

  /** The moderator, or a facilitator for their group, writes a key message. */
  record CreateMessage(String text, List<String> questionIds, Optional<String> groupId) implements MessageCommand {
    public CreateMessage {
      questionIds = List.copyOf(questionIds);
    }
  }

  /** The moderator, or the facilitator of its group, edits a key message. */
  record EditMessage(String messageId, Optional<String> text, Optional<List<String>> questionIds)
      implements MessageCommand {
  }

  /** A participant comments on a draft key message during the review period. */
  record CommentMessage(String messageId, String text) implements MessageCommand {
  }

  /**
   * The moderator puts a group's facilitator in the mic queue for a briefing, or every group's
   * facilitator not yet in line when {@code groupId} is empty.
   */
  record RequestBriefing(Optional<String> groupId, Optional<Integer> limitSeconds) implements QueueCommand {
  }
}
