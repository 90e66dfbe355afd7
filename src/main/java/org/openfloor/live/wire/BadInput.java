package org.openfloor.live.wire;

/** Input that cannot become a command: wrong JSON shape, unknown field, wrong type. */
public final class BadInput extends RuntimeException {
  public BadInput(String message) {
    super(message, null, false, false);
  }
}
