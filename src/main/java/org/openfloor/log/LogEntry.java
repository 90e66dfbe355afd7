package org.openfloor.log;

/**
 * One durable entry of a session's log: its dense per-session sequence number (1, 2, 3, …),
 * the time the log assigned when it was appended (epoch milliseconds, never decreasing within
 * a session) and the opaque payload the caller appended.
 */
public record LogEntry(String session, long seq, long timestamp, String payload) {
}
