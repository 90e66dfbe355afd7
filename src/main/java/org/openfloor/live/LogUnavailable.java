package org.openfloor.live;

/** The log could not be reached, so nothing was appended or loaded: the edges answer 503. */
public final class LogUnavailable extends RuntimeException {
  public LogUnavailable(Throwable cause) {
    super("the session log is unavailable, try again shortly", cause, false, false);
  }
}
