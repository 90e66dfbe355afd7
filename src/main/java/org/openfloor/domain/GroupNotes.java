package org.openfloor.domain;

/** The notes pad of one breakout group, written by its facilitator. */
public record GroupNotes(String groupId, String text, long editedAt) implements Answered {
}
