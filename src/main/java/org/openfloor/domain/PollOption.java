package org.openfloor.domain;

/** One answer a choice poll offers; ids are {@code o1} to {@code o10}, in order. */
public record PollOption(String id, String label) {
}
