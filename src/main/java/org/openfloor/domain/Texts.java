package org.openfloor.domain;

import java.text.Normalizer;
import java.util.Optional;

/** Rules for user-written text: Unicode-normalised, no control characters, bounded length. */
public final class Texts {
  private Texts() {
  }

  /** NFC-normalised, line ends unified, surrounding white space removed. */
  public static String normalise(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n').strip();
  }

  /** Why {@code text} is not acceptable as {@code field} of at most {@code max} characters, if it is not. */
  public static Optional<Rejection> problem(String field, String text, int max, boolean multiline) {
    if (text.isBlank()) {
      return Optional.of(Rejection.badInput(field + " must not be empty"));
    }
    if (text.codePointCount(0, text.length()) > max) {
      return Optional.of(Rejection.badInput(field + " must be at most " + max + " characters"));
    }
    if (text.codePoints().anyMatch(c -> isForbiddenControl(c, multiline))) {
      return Optional.of(Rejection.badInput(field + " must not contain control characters"));
    }
    return Optional.empty();
  }

  public static Optional<Rejection> optionalProblem(String field, Optional<String> text, int max) {
    return text.flatMap(value -> problem(field, value, max, false));
  }

  private static boolean isForbiddenControl(int c, boolean multiline) {
    if (multiline && c == '\n') {
      return false;
    }
    return Character.getType(c) == Character.CONTROL || c == 0x2028 || c == 0x2029;
  }
}
