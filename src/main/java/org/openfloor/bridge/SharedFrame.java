package org.openfloor.bridge;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;

/**
 * One pushed event as it goes to every socket on an address: the bridge message, and (made on first use, freed
 * by the registry after the last socket) the WebSocket text frame holding it, so every {@code /ws} socket is
 * written the same bytes.
 */
final class SharedFrame implements AutoCloseable {
  private final Buffer message;
  private final WebSocketPush push;
  private ByteBuf webSocketFrame;

  SharedFrame(Buffer message, WebSocketPush push) {
    this.message = message;
    this.push = push;
  }

  Buffer message() {
    return message;
  }

  /** Writes the shared WebSocket frame to {@code target}. */
  void writeTo(WebSocketPush.Target target) {
    if (webSocketFrame == null) {
      webSocketFrame = WebSocketPush.textFrame(message);
    }
    push.write(target, webSocketFrame, message);
  }

  @Override
  public void close() {
    if (webSocketFrame != null) {
      webSocketFrame.release();
      webSocketFrame = null;
    }
  }
}
