package org.openfloor.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads vote tallies straight from the bytes of a received frame, without decoding it to a string or
 * parsing its JSON: finds a message whose type (or socket.io event name) is {@code votes}, then reads its
 * {@code {"<question id>": count, …}} object. Works on plain JSON and on the JSON-in-a-string of SockJS
 * frames alike, since question ids and counts need no escaping.
 */
final class TallyScanner {
  private static final byte[] VOTES = "votes".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TYPE = "type".getBytes(StandardCharsets.US_ASCII);

  private final int[] hashes;
  private final int[] indexes;

  /** Receives each question's count that a frame carries. */
  interface Sink {
    void tally(int question, int count);
  }

  TallyScanner(List<String> questionIds) {
    long[] keyed = new long[questionIds.size()];
    for (int i = 0; i < keyed.length; i++) {
      keyed[i] = ((long) questionIds.get(i).hashCode() << 32) | i;
    }
    Arrays.sort(keyed);
    hashes = new int[keyed.length];
    indexes = new int[keyed.length];
    for (int i = 0; i < keyed.length; i++) {
      hashes[i] = (int) (keyed[i] >> 32);
      indexes[i] = (int) keyed[i];
      if (i > 0 && hashes[i] == hashes[i - 1]) {
        throw new IllegalArgumentException("two question ids share a hash: " + questionIds);
      }
    }
  }

  /** Hands the tallies of every votes message in {@code bytes[from, to)} to {@code sink}; returns how many messages. */
  int scan(byte[] bytes, int from, int to, Sink sink) {
    int messages = 0;
    int at = from;
    while ((at = votesMessage(bytes, at, to)) >= 0) {
      messages++;
      at = readCounts(bytes, at, to, sink);
    }
    return messages;
  }

  /** The index just past the opening brace of the next votes object, or -1. */
  private static int votesMessage(byte[] bytes, int from, int to) {
    for (int i = indexOf(bytes, VOTES, from, to); i >= 0; i = indexOf(bytes, VOTES, i + 1, to)) {
      if (isTypeOrEventName(bytes, i, from)) {
        for (int j = i + VOTES.length; j < to; j++) {
          if (bytes[j] == '{') {
            return j + 1;
          }
        }
        return -1;
      }
    }
    return -1;
  }

  /** Whether the word at {@code at} is the value of a {@code type} field, or the event name of {@code ["votes", …]}. */
  private static boolean isTypeOrEventName(byte[] bytes, int at, int from) {
    int i = skipQuotes(bytes, at - 1, from);
    if (i < from) {
      return false;
    }
    if (bytes[i] == '[') {
      return true;
    }
    if (bytes[i] != ':') {
      return false;
    }
    i = skipQuotes(bytes, i - 1, from);
    int start = i - TYPE.length + 1;
    return start >= from && Arrays.equals(bytes, start, i + 1, TYPE, 0, TYPE.length);
  }

  private static int skipQuotes(byte[] bytes, int i, int from) {
    while (i >= from && (bytes[i] == '"' || bytes[i] == '\\' || bytes[i] == ' ')) {
      i--;
    }
    return i;
  }

  /** Reads {@code "id": count} pairs up to the closing brace; returns the index after it. */
  private int readCounts(byte[] bytes, int at, int to, Sink sink) {
    int i = at;
    while (i < to) {
      byte b = bytes[i];
      if (b == '}') {
        return i + 1;
      }
      if (b == '"' || b == '\\' || b == ',' || b == ' ') {
        i++;
        continue;
      }
      int hash = 0;
      while (i < to && bytes[i] != '"' && bytes[i] != '\\') {
        hash = 31 * hash + bytes[i++];
      }
      while (i < to && (bytes[i] < '0' || bytes[i] > '9')) {
        i++;
      }
      int count = 0;
      while (i < to && bytes[i] >= '0' && bytes[i] <= '9') {
        count = count * 10 + (bytes[i++] - '0');
      }
      int question = Arrays.binarySearch(hashes, hash);
      if (question >= 0) {
        sink.tally(indexes[question], count);
      }
    }
    return to;
  }

  private static int indexOf(byte[] bytes, byte[] word, int from, int to) {
    byte first = word[0];
    for (int i = from; i <= to - word.length; i++) {
      if (bytes[i] == first && Arrays.equals(bytes, i, i + word.length, word, 0, word.length)) {
        return i;
      }
    }
    return -1;
  }
}
