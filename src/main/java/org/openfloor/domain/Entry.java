package org.openfloor.domain;

/**
 * A command as the log ordered it: its sequence number, the timestamp the log assigned and the
 * hash of the token it was sent with (null when sent without one).
 */
public record Entry(long seq, long timestamp, String tokenHash, Command command) {
}
