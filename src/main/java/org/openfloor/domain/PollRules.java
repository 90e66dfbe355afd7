package org.openfloor.domain;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What makes a poll definition or a ballot acceptable. */
final class PollRules {
  static final int DEFAULT_SCALE = 5;
  private static final Set<Integer> SCALES = Set.of(5, 10);

  private PollRules() {
  }

  static Optional<Rejection> definitionProblem(PollDefinition definition, List<String> labels) {
    return Texts.problem("question", definition.question(), Limits.POLL_QUESTION, false)
        .or(() -> isChoice(definition.kind()) ? choiceProblem(definition, labels) : noOptionsProblem(definition, labels))
        .or(() -> scaleProblem(definition));
  }

  private static Optional<Rejection> choiceProblem(PollDefinition definition, List<String> labels) {
    if (labels.size() < Limits.POLL_MIN_OPTIONS || labels.size() > Limits.POLL_MAX_OPTIONS) {
      return bad("a " + definition.kind().wire() + " poll needs " + Limits.POLL_MIN_OPTIONS + " to "
          + Limits.POLL_MAX_OPTIONS + " options");
    }
    Optional<Rejection> labelProblem = labels.stream()
        .map(label -> Texts.problem("option", label, Limits.POLL_OPTION, false))
        .flatMap(Optional::stream).findFirst();
    if (labelProblem.isPresent()) {
      return labelProblem;
    }
    return maxChoicesProblem(definition, labels.size());
  }

  private static Optional<Rejection> maxChoicesProblem(PollDefinition definition, int optionCount) {
    if (definition.maxChoices().isEmpty()) {
      return Optional.empty();
    }
    if (definition.kind() != PollKind.MULTI) {
      return bad("maxChoices is only for multi polls");
    }
    int max = definition.maxChoices().get();
    return max < 1 || max > optionCount ? bad("maxChoices must be from 1 to the number of options") : Optional.empty();
  }

  private static Optional<Rejection> noOptionsProblem(PollDefinition definition, List<String> labels) {
    if (!labels.isEmpty()) {
      return bad("a " + definition.kind().wire() + " poll has no options");
    }
    return definition.maxChoices().isPresent() ? bad("maxChoices is only for multi polls") : Optional.empty();
  }

  private static Optional<Rejection> scaleProblem(PollDefinition definition) {
    if (definition.scale().isEmpty()) {
      return Optional.empty();
    }
    if (definition.kind() != PollKind.RATING) {
      return bad("scale is only for rating polls");
    }
    return SCALES.contains(definition.scale().get()) ? Optional.empty() : bad("scale must be 5 or 10");
  }

  /** The ballot as counted: word entries tidied and each counted once. */
  static Ballot tidy(Ballot ballot) {
    if (!(ballot instanceof Ballot.Words words)) {
      return ballot;
    }
    Map<String, String> byKey = new LinkedHashMap<>();
    words.entries().forEach(entry -> byKey.putIfAbsent(WordKeys.of(entry), WordKeys.tidy(entry)));
    return new Ballot.Words(List.copyOf(byKey.values()));
  }

  static Optional<Rejection> ballotProblem(PollDefinition definition, Ballot ballot) {
    if (ballot instanceof Ballot.Choices choices && isChoice(definition.kind())) {
      return choicesProblem(definition, choices.optionIds());
    }
    if (ballot instanceof Ballot.Rating rating && definition.kind() == PollKind.RATING) {
      int scale = definition.scaleOrDefault();
      return rating.value() < 1 || rating.value() > scale ? bad("rating must be from 1 to " + scale) : Optional.empty();
    }
    if (ballot instanceof Ballot.Words words && definition.kind() == PollKind.WORDS) {
      return wordsProblem(words.entries());
    }
    return bad("a " + definition.kind().wire() + " poll takes " + expectedField(definition.kind()));
  }

  private static Optional<Rejection> choicesProblem(PollDefinition definition, List<String> optionIds) {
    if (optionIds.isEmpty()) {
      return bad("choose at least one option");
    }
    if (new HashSet<>(optionIds).size() != optionIds.size()) {
      return bad("each option may be chosen once");
    }
    Set<String> known = new HashSet<>();
    definition.options().forEach(option -> known.add(option.id()));
    Optional<String> unknown = optionIds.stream().filter(id -> !known.contains(id)).findFirst();
    if (unknown.isPresent()) {
      return bad("no option " + unknown.get() + " in this poll");
    }
    int limit = definition.choiceLimit();
    return optionIds.size() > limit ? bad("choose at most " + limit + (limit == 1 ? " option" : " options"))
        : Optional.empty();
  }

  private static Optional<Rejection> wordsProblem(List<String> entries) {
    if (entries.isEmpty()) {
      return bad("send at least one word");
    }
    if (entries.size() > Limits.POLL_WORDS) {
      return bad("send at most " + Limits.POLL_WORDS + " entries");
    }
    return entries.stream().map(entry -> Texts.problem("word", WordKeys.tidy(entry), Limits.POLL_WORD, false))
        .flatMap(Optional::stream).findFirst();
  }

  private static String expectedField(PollKind kind) {
    return switch (kind) {
      case SINGLE, MULTI -> "choices";
      case RATING -> "a rating";
      case WORDS -> "words";
    };
  }

  static boolean isChoice(PollKind kind) {
    return kind == PollKind.SINGLE || kind == PollKind.MULTI;
  }

  private static Optional<Rejection> bad(String message) {
    return Optional.of(Rejection.badInput(message));
  }
}
