package org.openfloor.live;

import java.util.LinkedHashMap;
import java.util.Map;

import org.openfloor.domain.Event;

/**
 * Collects poll tally changes per address until the next flush, keeping one per poll with the seq
 * of its latest vote; the tallies themselves are read from the state when flushed.
 */
final class TallyCoalescer {
  private final Map<String, Map<String, Pending>> pendingByAddress = new LinkedHashMap<>();

  void add(String address, Event.PollTallied tallied, long seq) {
    pendingByAddress.computeIfAbsent(address, a -> new LinkedHashMap<>()).put(tallied.pollId(), new Pending(tallied, seq));
  }

  /** Hands the tallies pending for {@code address}, if any, to {@code sink} and forgets them. */
  void drain(String address, Sink sink) {
    Map<String, Pending> pending = pendingByAddress.remove(address);
    if (pending != null) {
      pending.values().forEach(p -> sink.accept(address, p.event(), p.seq()));
    }
  }

  void drainAll(Sink sink) {
    pendingByAddress.forEach((address, pending) -> pending.values().forEach(p -> sink.accept(address, p.event(), p.seq())));
    pendingByAddress.clear();
  }

  /** Receives one poll's pending tally event on one address, with the seq of its latest vote. */
  interface Sink {
    void accept(String address, Event.PollTallied event, long latestSeq);
  }

  private record Pending(Event.PollTallied event, long seq) {
  }
}
