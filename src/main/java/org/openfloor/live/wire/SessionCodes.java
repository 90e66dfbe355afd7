package org.openfloor.live.wire;

import java.security.SecureRandom;

/** Session codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
public final class SessionCodes {
  static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  private static final int LENGTH = 6;
  private static final SecureRandom RANDOM = new SecureRandom();

  private SessionCodes() {
  }

  public static String next() {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  public static boolean isWellFormed(String code) {
    return code != null && code.length() == LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
  }

  /** Upper-cases what a person typed, so "abc234" finds "ABC234". */
  public static String canonical(String typed) {
    return typed == null ? null : typed.trim().toUpperCase(java.util.Locale.ROOT);
  }
}
