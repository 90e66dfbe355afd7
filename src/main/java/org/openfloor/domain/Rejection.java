package org.openfloor.domain;

/** Why a command was refused; nothing changed. */
public record Rejection(Reason reason, String message) {

  /** The kind of refusal, which the edges map to their status codes. */
  public enum Reason {
    BAD_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT
  }

  public static Rejection badInput(String message) {
    return new Rejection(Reason.BAD_INPUT, message);
  }

  public static Rejection unauthenticated(String message) {
    return new Rejection(Reason.UNAUTHENTICATED, message);
  }

  public static Rejection forbidden(String message) {
    return new Rejection(Reason.FORBIDDEN, message);
  }

  public static Rejection notFound(String message) {
    return new Rejection(Reason.NOT_FOUND, message);
  }

  public static Rejection conflict(String message) {
    return new Rejection(Reason.CONFLICT, message);
  }
}
