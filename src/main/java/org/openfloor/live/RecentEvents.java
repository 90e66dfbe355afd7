package org.openfloor.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/** A bounded buffer of the latest events pushed per address, for clients that resume. */
final class RecentEvents {
  private final int capacity;
  private final Deque<Item> items = new ArrayDeque<>();
  private long evictedUpTo;

  RecentEvents(int capacity) {
    this.capacity = capacity;
  }

  /** Marks everything up to {@code seq} as not kept here (events replayed at load are not buffered). */
  void startAt(long seq) {
    evictedUpTo = seq;
  }

  /** Forgets every event kept and starts again after {@code seq}: what came before is not here any more. */
  void restartAt(long seq) {
    items.clear();
    evictedUpTo = seq;
  }

  void add(String address, long seq, JsonObject body) {
    items.addLast(new Item(address, seq, body));
    if (items.size() > capacity) {
      evictedUpTo = items.removeFirst().seq();
    }
  }

  /** Whether every event after {@code seq} is still here. */
  boolean covers(long seq) {
    return seq >= evictedUpTo;
  }

  JsonArray after(long seq, Set<String> addresses) {
    JsonArray out = new JsonArray();
    for (Item item : items) {
      if (item.seq() > seq && addresses.contains(item.address())) {
        out.add(new JsonObject().put("address", item.address()).put("body", item.body()));
      }
    }
    return out;
  }

  private record Item(String address, long seq, JsonObject body) {
  }
}
