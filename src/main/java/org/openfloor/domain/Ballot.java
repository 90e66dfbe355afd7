package org.openfloor.domain;

import java.util.List;

/** One participant's vote in a poll: choices, a rating or words, as the poll's kind asks. */
public sealed interface Ballot {

  /** The chosen option ids of a single or multi choice poll. */
  record Choices(List<String> optionIds) implements Ballot {
    public Choices {
      optionIds = List.copyOf(optionIds);
    }
  }

  /** A rating from 1 to the poll's scale. */
  record Rating(int value) implements Ballot {
  }

  /** Up to three short entries for a word cloud. */
  record Words(List<String> entries) implements Ballot {
    public Words {
      entries = List.copyOf(entries);
    }
  }
}
