package org.openfloor.domain;

/** One word-cloud entry: its first-seen spelling, how many participants sent it, and whether it is hidden. */
public record WordCount(String text, int count, boolean hidden) {
}
