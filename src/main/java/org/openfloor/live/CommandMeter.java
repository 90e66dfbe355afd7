package org.openfloor.live;

/** Counts the commands submitted, by type and outcome ({@code accepted}, {@code rejected} or {@code failed}). */
public interface CommandMeter {
  void command(String type, String outcome);

  CommandMeter NONE = (type, outcome) -> { };
}
