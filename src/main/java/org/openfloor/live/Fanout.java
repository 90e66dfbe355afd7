package org.openfloor.live;

import io.vertx.core.buffer.Buffer;

/** Delivers an event to the clients registered on an address on this node. */
public interface Fanout {

  /** Pushes {@code frame}, an event encoded once as a bridge message, to every client on {@code address}. */
  void push(String address, Buffer frame);

  /** Whether any client listens on {@code address} here: if not, the event need not be encoded for it. */
  default boolean listens(String address) {
    return true;
  }

  Fanout NONE = (address, frame) -> { };
}
