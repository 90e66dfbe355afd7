package org.openfloor.edge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The commands the door let through, counted by type and outcome ({@code accepted}, {@code rejected} or
 * {@code failed}) as {@code openfloor.commands}. Command types come from clients: past {@link #MAX_SERIES}
 * series, unknown ones are counted as {@code other}.
 */
final class CommandCounts {
  static final int MAX_SERIES = 128;

  private final MeterRegistry registry;
  private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

  CommandCounts(MeterRegistry registry) {
    this.registry = registry;
  }

  void count(String type, String outcome) {
    String key = type + '\n' + outcome;
    if (!counters.containsKey(key) && counters.size() >= MAX_SERIES) {
      count("other", outcome);
      return;
    }
    counters.computeIfAbsent(key, k -> Counter.builder("openfloor.commands")
        .description("Commands submitted, by type and outcome").tags("type", type, "outcome", outcome)
        .register(registry)).increment();
  }
}
