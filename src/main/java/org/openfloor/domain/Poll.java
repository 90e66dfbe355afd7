package org.openfloor.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** One poll: its definition, state, the ballot of each participant and the tallies they make. */
public final class Poll implements Answered {
  private final String id;
  private final long seq;
  private PollDefinition definition;
  private PollState state = PollState.DRAFT;
  private final Map<String, Ballot> ballots = new HashMap<>();
  private int[] optionCounts;
  private int[] distribution;
  private long ratingSum;
  private final Map<String, WordTally> words = new LinkedHashMap<>();
  private final Set<String> hiddenWords = new HashSet<>();

  Poll(String id, long seq, PollDefinition definition) {
    this.id = id;
    this.seq = seq;
    define(definition);
  }

  public String id() {
    return id;
  }

  public long seq() {
    return seq;
  }

  public PollDefinition definition() {
    return definition;
  }

  public PollState state() {
    return state;
  }

  /** Whether attendees and the screen may see the results now. */
  public boolean resultsPublic() {
    return definition.showResults() == ShowResults.LIVE || state == PollState.CLOSED;
  }

  /** How many participants voted. */
  public int total() {
    return ballots.size();
  }

  public int count(int optionIndex) {
    return optionCounts[optionIndex];
  }

  /** How many ratings of 1, 2, … up to the scale. */
  public List<Integer> distribution() {
    return java.util.Arrays.stream(distribution).boxed().toList();
  }

  /** The mean rating to two decimals; empty without ratings. */
  public Optional<Double> average() {
    if (ballots.isEmpty() || definition.kind() != PollKind.RATING) {
      return Optional.empty();
    }
    return Optional.of(Math.round(ratingSum * 100.0 / ballots.size()) / 100.0);
  }

  /** The word-cloud entries, most sent first, ties in first-seen order; hidden ones flagged. */
  public List<WordCount> words() {
    List<WordCount> list = new ArrayList<>();
    words.forEach((key, tally) -> list.add(new WordCount(tally.text, tally.count, hiddenWords.contains(key))));
    list.sort(Comparator.comparingInt(WordCount::count).reversed());
    return list;
  }

  public boolean knowsWord(String entry) {
    return words.containsKey(WordKeys.of(entry)) || hiddenWords.contains(WordKeys.of(entry));
  }

  public Optional<Ballot> ballotOf(String participantId) {
    return Optional.ofNullable(ballots.get(participantId));
  }

  void define(PollDefinition newDefinition) {
    definition = newDefinition;
    optionCounts = new int[newDefinition.options().size()];
    distribution = new int[newDefinition.kind() == PollKind.RATING ? newDefinition.scaleOrDefault() : 0];
  }

  void moveTo(PollState newState) {
    state = newState;
  }

  void hideWord(String entry, boolean hidden) {
    if (hidden) {
      hiddenWords.add(WordKeys.of(entry));
    } else {
      hiddenWords.remove(WordKeys.of(entry));
    }
  }

  /** Records {@code ballot} as the participant's vote, taking any earlier one out of the tallies. */
  void record(String participantId, Ballot ballot) {
    Ballot previous = ballots.put(participantId, ballot);
    if (previous != null) {
      count(previous, -1);
    }
    count(ballot, 1);
  }

  private void count(Ballot ballot, int delta) {
    if (ballot instanceof Ballot.Choices choices) {
      choices.optionIds().forEach(optionId -> optionCounts[indexOf(optionId)] += delta);
    } else if (ballot instanceof Ballot.Rating rating) {
      distribution[rating.value() - 1] += delta;
      ratingSum += (long) delta * rating.value();
    } else if (ballot instanceof Ballot.Words entries) {
      entries.entries().forEach(entry -> countWord(entry, delta));
    }
  }

  private void countWord(String entry, int delta) {
    String key = WordKeys.of(entry);
    WordTally tally = words.computeIfAbsent(key, k -> new WordTally(entry));
    tally.count += delta;
    if (tally.count == 0) {
      words.remove(key);
    }
  }

  int indexOf(String optionId) {
    List<PollOption> options = definition.options();
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).id().equals(optionId)) {
        return i;
      }
    }
    return -1;
  }

  private static final class WordTally {
    private final String text;
    private int count;

    private WordTally(String text) {
      this.text = text;
    }
  }

  /**
   * A poll as saved: ballots sorted by participant, tallies as counted, word-cloud entries in
   * first-seen order (key, displayed text, count) and hidden word keys sorted.
   */
  public record Saved(String id, long seq, PollDefinition definition, PollState state, Map<String, Ballot> ballots,
                      List<Integer> optionCounts, List<Integer> distribution, long ratingSum, List<SavedWord> words,
                      List<String> hiddenWords) {
  }

  /** One word-cloud entry as saved. */
  public record SavedWord(String key, String text, int count) {
  }

  public Saved saved() {
    List<SavedWord> savedWords = new ArrayList<>();
    words.forEach((key, tally) -> savedWords.add(new SavedWord(key, tally.text, tally.count)));
    return new Saved(id, seq, definition, state, new TreeMap<>(ballots),
        java.util.Arrays.stream(optionCounts).boxed().toList(), distribution(), ratingSum, savedWords,
        hiddenWords.stream().sorted().toList());
  }

  static Poll restored(Saved saved) {
    Poll poll = new Poll(saved.id(), saved.seq(), saved.definition());
    poll.state = saved.state();
    poll.ballots.putAll(saved.ballots());
    poll.optionCounts = saved.optionCounts().stream().mapToInt(Integer::intValue).toArray();
    poll.distribution = saved.distribution().stream().mapToInt(Integer::intValue).toArray();
    poll.ratingSum = saved.ratingSum();
    saved.words().forEach(w -> {
      WordTally tally = new WordTally(w.text());
      tally.count = w.count();
      poll.words.put(w.key(), tally);
    });
    poll.hiddenWords.addAll(saved.hiddenWords());
    return poll;
  }
}
