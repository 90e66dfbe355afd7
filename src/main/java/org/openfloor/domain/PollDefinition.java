package org.openfloor.domain;

import java.util.List;
import java.util.Optional;

/**
 * What a poll asks and how: options for choice polls, the maximum of choices for a multi choice
 * poll, the scale (5 or 10) for a rating poll, and when attendees see the results.
 */
public record PollDefinition(String question, PollKind kind, List<PollOption> options, ShowResults showResults,
                             Optional<Integer> maxChoices, Optional<Integer> scale) {

  public PollDefinition {
    options = List.copyOf(options);
  }

  /** The options with ids {@code o1}, {@code o2}, … in the order of their labels. */
  static List<PollOption> optionsOf(List<String> labels) {
    return java.util.stream.IntStream.range(0, labels.size())
        .mapToObj(i -> new PollOption("o" + (i + 1), labels.get(i))).toList();
  }

  /** How many options a participant may choose. */
  public int choiceLimit() {
    return kind == PollKind.MULTI ? maxChoices.orElse(options.size()) : 1;
  }

  public int scaleOrDefault() {
    return scale.orElse(PollRules.DEFAULT_SCALE);
  }
}
