package org.openfloor.live;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects vote-count changes per address until the next flush, keeping only the latest count. */
final class VoteCoalescer {
  private final Map<String, Pending> pendingByAddress = new LinkedHashMap<>();

  void add(String address, String questionId, int votes, long seq) {
    Pending pending = pendingByAddress.computeIfAbsent(address, a -> new Pending());
    pending.counts.put(questionId, votes);
    pending.latestSeq = seq;
  }

  boolean isEmpty() {
    return pendingByAddress.isEmpty();
  }

  /** Hands the counts pending for {@code address}, if any, to {@code sink} and forgets them. */
  void drain(String address, Sink sink) {
    Pending pending = pendingByAddress.remove(address);
    if (pending != null) {
      sink.accept(address, pending.latestSeq, pending.counts);
    }
  }

  void drainAll(Sink sink) {
    pendingByAddress.forEach((address, pending) -> sink.accept(address, pending.latestSeq, pending.counts));
    pendingByAddress.clear();
  }

  /** Receives one address's coalesced counts and the seq of the latest vote among them. */
  interface Sink {
    void accept(String address, long latestSeq, Map<String, Integer> counts);
  }

  private static final class Pending {
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private long latestSeq;
  }
}
