package org.openfloor.domain;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Who has spoken so far, per stakeholder group and in the room or remote, from the speaking log. */
public record Balance(Map<Stakeholder, Tally> byStakeholder, Tally unspecified, Tally room, Tally remote, Tally total) {

  /** Distinct speakers, turns taken and total speaking time of one group. */
  public record Tally(int speakers, int turns, long durationMs) {
  }

  public static Balance of(List<Speech> log) {
    Map<Stakeholder, Tally> byStakeholder = new EnumMap<>(Stakeholder.class);
    for (Stakeholder stakeholder : Stakeholder.values()) {
      byStakeholder.put(stakeholder, tally(log, s -> s.stakeholder().filter(stakeholder::equals).isPresent()));
    }
    return new Balance(byStakeholder, tally(log, s -> s.stakeholder().isEmpty()), tally(log, s -> !s.remote()),
        tally(log, Speech::remote), tally(log, s -> true));
  }

  private static Tally tally(List<Speech> log, Predicate<Speech> member) {
    Set<String> speakers = new HashSet<>();
    int turns = 0;
    long duration = 0;
    for (Speech speech : log) {
      if (member.test(speech)) {
        speakers.add(speech.participantId());
        turns++;
        duration += speech.durationMs();
      }
    }
    return new Tally(speakers.size(), turns, duration);
  }
}
