package org.openfloor.live.wire;

import java.util.Optional;

import org.openfloor.domain.Audience;

/**
 * Every event-bus address of the bridge, in one place.
 *
 * <ul>
 *   <li>{@code openfloor.session.<code>}: outbound only; public events of a session, each
 *       {@code {type, seq, …}}: {@code session {session}}, {@code question {question}},
 *       {@code votes {votes: {questionId: count}}} (coalesced), {@code queue {queue}} (the whole mic
 *       queue after every change, one per entry; a phone may find itself in it by {@code participantId}),
 *       {@code poll {poll}} when a poll opens, closes or reopens or a word-cloud entry is hidden
 *       (results left out while the poll hides them; drafts never), {@code pollResults {poll}} with the
 *       whole poll when its tallies change (coalesced per poll, at most one per coalescing window;
 *       only while the poll shows results live), {@code group {group}} when a breakout group is created
 *       ({@code {id, name, facilitator}}), {@code message {message}} when a key message is written, edited or
 *       commented in review (the whole message with its comments). A briefing in {@code queue} is an entry with
 *       {@code briefing: true, groupId, groupName} whose {@code participantId} is the group's id and whose
 *       {@code name} is the facilitator's. Facilitators have no address of their own: they listen here and
 *       read their group's hidden and pending items from their snapshot and from their group's address.
 *       {@code resync} (no more fields) when this node had to reload the session because the log was trimmed
 *       past it: its state jumped to {@code seq} without the events in between, so clients reload the
 *       snapshot (every page listens here).</li>
 *   <li>{@code openfloor.session.<code>.group.<groupId>}: outbound only, that group's facilitator token (or the
 *       moderator's) in the register headers; every change of that group's questions in full, pending and hidden
 *       ones included, as {@code question {question}}, and {@code notes {notes}} ({@code {groupId, text, editedAt}})
 *       when its facilitator changes the notes pad. Vote counts stay on the public address. Resuming with the
 *       facilitator token ({@code /events?after=}) covers this address and the public one.</li>
 *   <li>{@code openfloor.session.<code>.mod}: outbound only, moderator token in the register
 *       headers; the moderator's view of the same events (including {@code queue}) plus
 *       {@code participant {participant}}, pending and hidden questions, {@code poll {poll}} also for
 *       drafts and edits, with results always and hidden words flagged, and {@code pollResults {poll}}
 *       for every tally change (coalesced), {@code participant {participant}} also when a participant changes
 *       group, {@code notes {notes}} ({@code {groupId, text, editedAt}}) when a facilitator changes their
 *       group's notes pad.</li>
 *   <li>{@code openfloor.participant.<participantId>}: outbound only, that participant's token
 *       in the register headers; {@code question {question}} for their own questions whatever
 *       their status, {@code ownVote {questionId, voted}}, {@code myQueue {entry, position, next, speaking,
 *       pending}} whenever their own place in the mic queue changes (position 1-based, 0 while they have
 *       the floor, null while a point of order awaits acceptance or once they have left the queue),
 *       {@code pollVote {pollId, myVote}} with their current vote in a poll ({@code {choices}},
 *       {@code {rating}} or {@code {words}}), {@code participant {participant}} when they change group.</li>
 *   <li>{@code openfloor.cmd}: inbound request/reply; body {@code {type, session, requestId?, …}}
 *       with the same fields as the REST body, token in the {@code authorization} header; the reply
 *       body is the REST response body, a failure carries the HTTP status as its code.</li>
 * </ul>
 */
public final class Addresses {
  public static final String COMMANDS = "openfloor.cmd";
  private static final String SESSION_PREFIX = "openfloor.session.";
  private static final String MODERATOR_SUFFIX = ".mod";
  private static final String PARTICIPANT_PREFIX = "openfloor.participant.";
  private static final String GROUP_INFIX = ".group.";

  private Addresses() {
  }

  public static String publicOf(String code) {
    return SESSION_PREFIX + code;
  }

  public static String moderatorsOf(String code) {
    return SESSION_PREFIX + code + MODERATOR_SUFFIX;
  }

  public static String participant(String participantId) {
    return PARTICIPANT_PREFIX + participantId;
  }

  public static String groupOf(String code, String groupId) {
    return SESSION_PREFIX + code + GROUP_INFIX + groupId;
  }

  public static String of(String code, Audience audience) {
    if (audience instanceof Audience.Participant p) {
      return participant(p.participantId());
    }
    if (audience instanceof Audience.Group g) {
      return groupOf(code, g.groupId());
    }
    return audience instanceof Audience.Moderators ? moderatorsOf(code) : publicOf(code);
  }

  /** An address a client may register on, parsed; empty for anything else. */
  public static Optional<Outbound> parseOutbound(String address) {
    if (address == null || address.length() > 80) {
      return Optional.empty();
    }
    if (address.startsWith(PARTICIPANT_PREFIX)) {
      String id = address.substring(PARTICIPANT_PREFIX.length());
      return isParticipantId(id) ? Optional.of(new Outbound.ToParticipant(id)) : Optional.empty();
    }
    if (!address.startsWith(SESSION_PREFIX)) {
      return Optional.empty();
    }
    String rest = address.substring(SESSION_PREFIX.length());
    if (rest.contains(GROUP_INFIX)) {
      return parseGroup(rest);
    }
    boolean moderators = rest.endsWith(MODERATOR_SUFFIX);
    String code = moderators ? rest.substring(0, rest.length() - MODERATOR_SUFFIX.length()) : rest;
    if (!SessionCodes.isWellFormed(code)) {
      return Optional.empty();
    }
    return Optional.of(moderators ? new Outbound.ToModerators(code) : new Outbound.ToSession(code));
  }

  private static Optional<Outbound> parseGroup(String rest) {
    int infix = rest.indexOf(GROUP_INFIX);
    String code = rest.substring(0, infix);
    String groupId = rest.substring(infix + GROUP_INFIX.length());
    return SessionCodes.isWellFormed(code) && isGroupId(groupId) ? Optional.of(new Outbound.ToGroup(code, groupId))
        : Optional.empty();
  }

  /** Group ids are {@code g<seq>}, unique within their session. */
  public static boolean isGroupId(String id) {
    return id.length() > 1 && id.length() < 20 && id.charAt(0) == 'g' && id.substring(1).chars().allMatch(Character::isDigit);
  }

  /** Participant ids are {@code <code>-p<seq>}, unique across sessions. */
  public static boolean isParticipantId(String id) {
    int dash = id.indexOf("-p");
    return dash > 0 && SessionCodes.isWellFormed(id.substring(0, dash)) && id.length() > dash + 2
        && id.length() < dash + 20 && id.substring(dash + 2).chars().allMatch(Character::isDigit);
  }

  /** The session code inside a well-formed participant id. */
  public static String sessionOfParticipant(String participantId) {
    return participantId.substring(0, participantId.indexOf("-p"));
  }

  /** The outbound addresses, typed. */
  public sealed interface Outbound {
    /** Public events of a session. */
    record ToSession(String code) implements Outbound {
    }

    /** Moderator events of a session. */
    record ToModerators(String code) implements Outbound {
    }

    /** Private events of one participant (whose session the token decides). */
    record ToParticipant(String participantId) implements Outbound {
    }

    /** Events of one breakout group, pending and hidden items included, for its facilitator and the moderator. */
    record ToGroup(String code, String groupId) implements Outbound {
    }
  }
}
