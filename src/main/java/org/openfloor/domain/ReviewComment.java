package org.openfloor.domain;

/** A participant's comment on a draft key message during the review period. */
public record ReviewComment(String id, String text, String authorId, long at) {
}
