package org.openfloor.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The questions of a session and who upvoted which; one vote per participant per question. */
public final class QuestionBoard {
  private final Map<String, Question> questions = new LinkedHashMap<>();
  private final Map<String, Set<String>> votersByQuestion = new HashMap<>();
  private final Map<String, Set<String>> votesByParticipant = new HashMap<>();

  public Optional<Question> find(String questionId) {
    return Optional.ofNullable(questions.get(questionId));
  }

  public Collection<Question> all() {
    return List.copyOf(questions.values());
  }

  public List<Question> visibleToEveryone() {
    return questions.values().stream().filter(Question::isPublic).toList();
  }

  public List<Question> askedBy(String participantId) {
    return questions.values().stream().filter(q -> q.authorId().equals(participantId)).toList();
  }

  public Set<String> votedBy(String participantId) {
    return Set.copyOf(votesByParticipant.getOrDefault(participantId, Set.of()));
  }

  public boolean hasVoted(String participantId, String questionId) {
    return votersByQuestion.getOrDefault(questionId, Set.of()).contains(participantId);
  }

  public int size() {
    return questions.size();
  }

  void put(Question question) {
    questions.put(question.id(), question);
  }

  Question recordVote(String participantId, String questionId, boolean up) {
    Set<String> voters = votersByQuestion.computeIfAbsent(questionId, id -> new HashSet<>());
    Set<String> own = votesByParticipant.computeIfAbsent(participantId, id -> new HashSet<>());
    if (up) {
      voters.add(participantId);
      own.add(questionId);
    } else {
      voters.remove(participantId);
      own.remove(questionId);
    }
    Question updated = questions.get(questionId).withVotes(voters.size());
    questions.put(questionId, updated);
    return updated;
  }

  static List<Event> changeEvents(Optional<Question> before, Question after) {
    List<Event> events = new ArrayList<>();
    events.add(new Event.QuestionChanged(Audience.MODERATORS, after));
    if (after.isPublic() || before.map(Question::isPublic).orElse(false)) {
      events.add(new Event.QuestionChanged(Audience.EVERYONE, after));
    }
    events.add(new Event.QuestionChanged(Audience.participant(after.authorId()), after));
    after.groupId().ifPresent(groupId -> events.add(new Event.QuestionChanged(Audience.group(groupId), after)));
    return events;
  }

  /** The board as saved: questions in order and each question's voters, sorted. */
  public record Saved(List<Question> questions, Map<String, List<String>> votersByQuestion) {
  }

  public Saved saved() {
    Map<String, List<String>> voters = new TreeMap<>();
    votersByQuestion.forEach((questionId, ids) -> {
      if (!ids.isEmpty()) {
        voters.put(questionId, ids.stream().sorted().toList());
      }
    });
    return new Saved(List.copyOf(questions.values()), voters);
  }

  /** Restores a saved board into this empty one. */
  public void restore(Saved saved) {
    if (!questions.isEmpty()) {
      throw new IllegalStateException("the board already holds questions");
    }
    saved.questions().forEach(this::put);
    saved.votersByQuestion().forEach((questionId, ids) -> ids.forEach(voterId -> {
      votersByQuestion.computeIfAbsent(questionId, id -> new HashSet<>()).add(voterId);
      votesByParticipant.computeIfAbsent(voterId, id -> new HashSet<>()).add(questionId);
    }));
  }
}
