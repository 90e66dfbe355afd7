package org.openfloor.live;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** Delivers an event to the clients registered on an address on this node. */
public interface Fanout {

  /**
   * Pushes {@code body} to every client on {@code address}. {@code frame} is the same event already
   * encoded as a bridge message, written as it is to every socket.
   */
  void push(String address, JsonObject body, Buffer frame);

  /** Whether any client listens on {@code address} here: if not, the event need not be encoded for it. */
  default boolean listens(String address) {
    return true;
  }

  Fanout NONE = (address, body, frame) -> { };
}
