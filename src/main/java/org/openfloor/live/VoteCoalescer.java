package org.openfloor.live;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/** Collects vote-count changes per address until the next flush, keeping only the latest count. */
final class VoteCoalescer {
  private final Map<String, Map<String, Integer>> countsByAddress = new LinkedHashMap<>();
  private long latestSeq;

  void add(String address, String questionId, int votes, long seq) {
    countsByAddress.computeIfAbsent(address, a -> new LinkedHashMap<>()).put(questionId, votes);
    latestSeq = seq;
  }

  boolean isEmpty() {
    return countsByAddress.isEmpty();
  }

  long latestSeq() {
    return latestSeq;
  }

  /** Hands each address's counts to {@code sink} and forgets them. */
  void drain(BiConsumer<String, Map<String, Integer>> sink) {
    countsByAddress.forEach(sink);
    countsByAddress.clear();
  }
}
