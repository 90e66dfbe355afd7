package org.openfloor.live;

/** The session code names no session. */
public final class NoSuchSession extends RuntimeException {
  public NoSuchSession(String code) {
    super("no session " + code, null, false, false);
  }
}
