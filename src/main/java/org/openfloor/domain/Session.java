package org.openfloor.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openfloor.domain.Command.Ask;
import org.openfloor.domain.Command.CreateSession;
import org.openfloor.domain.Command.Join;
import org.openfloor.domain.Command.Moderate;
import org.openfloor.domain.Command.UpdateSession;
import org.openfloor.domain.Command.Vote;

/**
 * The whole state of one session and the rules that change it. {@link #apply} is deterministic:
 * it reads only the entry and the current state. A rejected entry changes nothing; an accepted one
 * changes the state in place (copying the vote sets on every vote would cost O(voters)).
 */
public final class Session {
  private final String code;
  private SessionInfo info;
  private String moderatorTokenHash;
  private final Map<String, Participant> participants = new LinkedHashMap<>();
  private final Map<String, String> participantByToken = new HashMap<>();
  private final QuestionBoard questions = new QuestionBoard();
  private final PollBook polls = new PollBook();
  private final MicQueue queue = new MicQueue();
  private final FloorRules floor = new FloorRules(this, queue);
  private BlockedWords serverBlockedWords = BlockedWords.NONE;
  private BlockedWords blockedWords = BlockedWords.NONE;
  private Long closedAt;
  private final Breakouts breakouts = new Breakouts();
  private final BreakoutRules breakoutRules = new BreakoutRules(this, breakouts);
  private final MessageRules messageRules = new MessageRules(this, breakouts);

  public Session(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public boolean exists() {
    return info != null;
  }

  public SessionInfo info() {
    return info;
  }

  public QuestionBoard questions() {
    return questions;
  }

  public PollBook polls() {
    return polls;
  }

  public MicQueue queue() {
    return queue;
  }

  /** The breakout groups, their notes pads and the key messages. */
  public Breakouts breakouts() {
    return breakouts;
  }

  public Collection<Participant> participants() {
    return List.copyOf(participants.values());
  }

  public int participantCount() {
    return participants.size();
  }

  public Optional<Participant> participant(String participantId) {
    return Optional.ofNullable(participants.get(participantId));
  }

  /** The server's blocked words as carried in the creation entry. */
  public BlockedWords serverBlockedWords() {
    return serverBlockedWords;
  }

  /** The words the moderator blocked in this session. */
  public BlockedWords blockedWords() {
    return blockedWords;
  }

  /** When the session was closed (the log's time of that entry), if it is closed. */
  public Optional<Long> closedAt() {
    return Optional.ofNullable(closedAt);
  }

  /** Who holds the token with this hash, in this session. */
  public Actor actorOf(String tokenHash) {
    if (tokenHash == null) {
      return new Actor.Nobody(false);
    }
    if (isModeratorHash(tokenHash)) {
      return new Actor.Moderator();
    }
    String participantId = participantByToken.get(tokenHash);
    if (participantId != null) {
      return new Actor.Attendee(participants.get(participantId));
    }
    Optional<String> facilitated = breakouts.groupOfFacilitator(tokenHash);
    if (facilitated.isPresent()) {
      return new Actor.Facilitator(facilitated.get());
    }
    return new Actor.Nobody(true);
  }

  private boolean isModeratorHash(String tokenHash) {
    return moderatorTokenHash != null && java.security.MessageDigest.isEqual(
        tokenHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        moderatorTokenHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  public Outcome apply(Entry entry) {
    Command command = entry.command();
    if (command instanceof CreateSession create) {
      return create(entry, create);
    }
    if (!exists()) {
      return Outcome.rejected(Rejection.notFound("no session " + code));
    }
    Actor actor = actorOf(entry.tokenHash());
    if (command instanceof Join join) {
      return join(entry, join);
    }
    if (actor instanceof Actor.Nobody nobody) {
      return Outcome.rejected(Rejection.unauthenticated(nobody.presentedToken() ? "unknown token" : "token required"));
    }
    return switch (command) {
      case CreateSession _, Join _ -> throw new IllegalStateException("applied above");
      case UpdateSession update -> update(entry, actor, update);
      case Ask ask -> ask(entry, actor, ask);
      case Vote vote -> vote(actor, vote);
      case Moderate moderate -> moderate(actor, moderate);
      case Command.PollCommand poll -> polls.apply(entry, actor, info.phase(), poll);
      case Command.QueueCommand queue -> floor.apply(entry, actor, queue);
      case Command.GroupCommand group -> breakoutRules.apply(entry, actor, group);
      case Command.MessageCommand message -> messageRules.apply(entry, actor, message);
    };
  }

  private Outcome create(Entry entry, CreateSession create) {
    if (exists()) {
      return Outcome.rejected(Rejection.conflict("session " + code + " exists"));
    }
    Optional<Rejection> problem = Texts.problem("title", create.title(), Limits.TITLE, false);
    if (problem.isPresent()) {
      return Outcome.rejected(problem.get());
    }
    info = new SessionInfo(code, create.title(), Phase.LIVE, Optional.empty(), create.moderation(), entry.timestamp());
    moderatorTokenHash = create.moderatorTokenHash();
    serverBlockedWords = BlockedWords.of(create.serverBlockedWords());
    return Outcome.accepted(info, List.of(new Event.SessionChanged(Audience.EVERYONE, info)));
  }

  private Outcome update(Entry entry, Actor actor, UpdateSession update) {
    if (!actor.isModerator()) {
      return Outcome.rejected(Rejection.forbidden("only the moderator changes the session"));
    }
    Optional<Rejection> problem = updateProblem(update);
    if (problem.isPresent()) {
      return Outcome.rejected(problem.get());
    }
    info = new SessionInfo(code, update.title().orElse(info.title()), update.phase().orElse(info.phase()),
        update.reviewUntil().or(info::reviewUntil), update.moderation().orElse(info.moderation()), info.createdAt());
    update.blockedWords().ifPresent(words -> blockedWords = BlockedWords.of(words));
    if (info.phase() == Phase.CLOSED && closedAt == null) {
      closedAt = entry.timestamp();
    }
    return Outcome.accepted(info, List.of(new Event.SessionChanged(Audience.EVERYONE, info)));
  }

  private Optional<Rejection> updateProblem(UpdateSession update) {
    if (info.phase() == Phase.CLOSED) {
      return Optional.of(Rejection.conflict("the session is closed"));
    }
    return Texts.optionalProblem("title", update.title(), Limits.TITLE)
        .or(() -> update.blockedWords().flatMap(BlockedWords::problem));
  }

  private Outcome join(Entry entry, Join join) {
    if (info.phase() == Phase.CLOSED) {
      return Outcome.rejected(Rejection.conflict("the session is closed"));
    }
    if (participantByToken.containsKey(join.tokenHash()) || join.tokenHash().equals(moderatorTokenHash)) {
      return Outcome.rejected(Rejection.conflict("token already in use"));
    }
    Optional<Rejection> problem = Texts.optionalProblem("name", join.name(), Limits.NAME)
        .or(() -> Texts.optionalProblem("affiliation", join.affiliation(), Limits.AFFILIATION))
        .or(() -> join.groupId().flatMap(this::unknownGroup));
    if (problem.isPresent()) {
      return Outcome.rejected(problem.get());
    }
    Participant participant = new Participant(code + "-p" + entry.seq(), join.tokenHash(), join.name(), join.affiliation(),
        join.stakeholder(), join.groupId(), entry.timestamp());
    participants.put(participant.id(), participant);
    participantByToken.put(participant.tokenHash(), participant.id());
    return Outcome.accepted(participant, List.of(new Event.ParticipantJoined(Audience.MODERATORS, participant)));
  }

  private Outcome ask(Entry entry, Actor actor, Ask ask) {
    if (!(actor instanceof Actor.Attendee attendee)) {
      return Outcome.rejected(Rejection.forbidden("only participants ask questions"));
    }
    if (info.phase() != Phase.LIVE) {
      return Outcome.rejected(Rejection.conflict("questions are closed: the session is " + info.phase().wire()));
    }
    Optional<Rejection> problem = Texts.problem("text", ask.text(), Limits.QUESTION, true)
        .or(() -> ask.groupId().flatMap(this::unknownGroup));
    if (problem.isPresent()) {
      return Outcome.rejected(problem.get());
    }
    Participant author = attendee.participant();
    QuestionStatus status = info.moderation() == Moderation.PRE || isBlocked(ask.text())
        ? QuestionStatus.PENDING : QuestionStatus.VISIBLE;
    Question question = new Question("q" + entry.seq(), entry.seq(), ask.text(), author.id(), ask.anonymous(), status,
        false, 0, ask.groupId().or(author::groupId), entry.timestamp());
    questions.put(question);
    return Outcome.accepted(question, QuestionBoard.changeEvents(Optional.empty(), question));
  }

  private boolean isBlocked(String text) {
    return serverBlockedWords.matches(text) || blockedWords.matches(text);
  }

  private Outcome vote(Actor actor, Vote vote) {
    if (!(actor instanceof Actor.Attendee attendee)) {
      return Outcome.rejected(Rejection.forbidden("only participants vote"));
    }
    Optional<Question> question = questions.find(vote.questionId()).filter(Question::isPublic);
    if (question.isEmpty()) {
      return Outcome.rejected(Rejection.notFound("no question " + vote.questionId()));
    }
    Optional<Rejection> problem = voteProblem(attendee.participant().id(), question.get(), vote.up());
    if (problem.isPresent()) {
      return Outcome.rejected(problem.get());
    }
    String voterId = attendee.participant().id();
    Question updated = questions.recordVote(voterId, vote.questionId(), vote.up());
    List<Event> events = new ArrayList<>();
    events.add(new Event.VotesChanged(Audience.EVERYONE, updated.id(), updated.votes()));
    events.add(new Event.VotesChanged(Audience.MODERATORS, updated.id(), updated.votes()));
    events.add(new Event.OwnVoteChanged(Audience.participant(voterId), updated.id(), vote.up()));
    return Outcome.accepted(updated, events);
  }

  private Optional<Rejection> voteProblem(String voterId, Question question, boolean up) {
    if (info.phase() != Phase.LIVE) {
      return Optional.of(Rejection.conflict("voting is closed: the session is " + info.phase().wire()));
    }
    if (question.status() == QuestionStatus.ARCHIVED) {
      return Optional.of(Rejection.conflict("the question is archived"));
    }
    boolean voted = questions.hasVoted(voterId, question.id());
    if (up && voted) {
      return Optional.of(Rejection.conflict("you already voted for this question"));
    }
    if (!up && !voted) {
      return Optional.of(Rejection.conflict("you have not voted for this question"));
    }
    return Optional.empty();
  }

  private Outcome moderate(Actor actor, Moderate moderate) {
    Optional<Question> found = questions.find(moderate.questionId());
    if (found.isEmpty()) {
      return Outcome.rejected(Rejection.notFound("no question " + moderate.questionId()));
    }
    Question before = found.get();
    Optional<Rejection> problem = moderationProblem(actor, before, moderate);
    if (problem.isPresent()) {
      return Outcome.rejected(problem.get());
    }
    Question after = before;
    after = moderate.status().map(after::withStatus).orElse(after);
    after = moderate.highlighted().map(after::withHighlighted).orElse(after);
    questions.put(after);
    return Outcome.accepted(after, QuestionBoard.changeEvents(Optional.of(before), after));
  }

  private Optional<Rejection> moderationProblem(Actor actor, Question question, Moderate moderate) {
    if (!mayModerate(actor, question)) {
      return Optional.of(Rejection.forbidden("you may not moderate this question"));
    }
    if (info.phase() == Phase.CLOSED) {
      return Optional.of(Rejection.conflict("the session is closed"));
    }
    if (moderate.status().filter(s -> s == QuestionStatus.PENDING).isPresent()) {
      return Optional.of(Rejection.badInput("a question cannot be sent back to pending"));
    }
    if (moderate.status().isEmpty() && moderate.highlighted().isEmpty()) {
      return Optional.of(Rejection.badInput("nothing to change: give status or highlighted"));
    }
    return Optional.empty();
  }

  private static boolean mayModerate(Actor actor, Question question) {
    if (actor.isModerator()) {
      return true;
    }
    return actor instanceof Actor.Facilitator facilitator
        && question.groupId().filter(facilitator.groupId()::equals).isPresent();
  }

  private Optional<Rejection> unknownGroup(String groupId) {
    return breakouts.find(groupId).isPresent() ? Optional.empty()
        : Optional.of(Rejection.notFound("no group " + groupId));
  }

  void replace(Participant participant) {
    participants.put(participant.id(), participant);
  }

  /** The session's own part of a saved state: its settings, moderator token hash and participants in join order. */
  public record Core(SessionInfo info, String moderatorTokenHash, List<Participant> participants) {
    public Core {
      participants = List.copyOf(participants);
    }
  }

  public Core core() {
    return new Core(info, moderatorTokenHash, List.copyOf(participants.values()));
  }

  /** Restores the session's own part into a session that has not been created yet. */
  public void restore(Core core) {
    if (exists()) {
      throw new IllegalStateException("session " + code + " already holds state");
    }
    info = core.info();
    moderatorTokenHash = core.moderatorTokenHash();
    core.participants().forEach(p -> {
      participants.put(p.id(), p);
      participantByToken.put(p.tokenHash(), p.id());
    });
  }
}
