package org.openfloor.domain;

/** Fixed bounds of the meeting rules; every node applies the same ones. */
public final class Limits {
  public static final int TITLE = 200;
  public static final int QUESTION = 500;
  public static final int NAME = 80;
  public static final int AFFILIATION = 120;

  private Limits() {
  }
}
