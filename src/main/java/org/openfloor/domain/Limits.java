package org.openfloor.domain;

/** Fixed bounds of the meeting rules; every node applies the same ones. */
public final class Limits {
  public static final int TITLE = 200;
  public static final int QUESTION = 500;
  public static final int NAME = 80;
  public static final int AFFILIATION = 120;
  public static final int POLL_QUESTION = 300;
  public static final int POLL_OPTION = 200;
  public static final int POLL_MIN_OPTIONS = 2;
  public static final int POLL_MAX_OPTIONS = 10;
  public static final int POLL_WORD = 40;
  public static final int POLL_WORDS = 3;
  public static final int GROUP_NAME = 120;
  public static final int NOTES = 20_000;
  public static final int MESSAGE = 2_000;
  public static final int MESSAGE_SOURCES = 50;
  public static final int COMMENT = 1_000;
  public static final int BRIEFING_SECONDS = 300;

  private Limits() {
  }
  public static final int BLOCKED_WORD = 50;
  public static final int BLOCKED_WORDS = 200;
}
