package org.openfloor.bridge;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;

/**
 * Joins the frames of WebSocket messages (a text or binary frame, then continuations up to a final one)
 * and hands on each whole message, or reports one that grows beyond {@code maxBytes} and then ignores every
 * frame after it (the socket is being closed).
 */
final class MessageAssembler implements Handler<WebSocketFrame> {
  private final int maxBytes;
  private final Handler<Buffer> onMessage;
  private final Runnable onTooBig;
  private Buffer pending;
  private boolean inMessage;
  private boolean tooBig;

  MessageAssembler(int maxBytes, Handler<Buffer> onMessage, Runnable onTooBig) {
    this.maxBytes = maxBytes;
    this.onMessage = onMessage;
    this.onTooBig = onTooBig;
  }

  @Override
  public void handle(WebSocketFrame frame) {
    if (tooBig || !belongsToMessage(frame)) {
      return;
    }
    Buffer data = frame.binaryData();
    if (size() + data.length() > maxBytes) {
      pending = null;
      tooBig = true;
      onTooBig.run();
    } else if (frame.isFinal()) {
      deliver(data);
    } else {
      pending = pending == null ? Buffer.buffer(data.length() * 2).appendBuffer(data) : pending.appendBuffer(data);
    }
  }

  private boolean belongsToMessage(WebSocketFrame frame) {
    if (frame.isText() || frame.isBinary()) {
      pending = null;
      inMessage = true;
      return true;
    }
    return frame.isContinuation() && inMessage;
  }

  private void deliver(Buffer last) {
    Buffer message = pending == null ? last : pending.appendBuffer(last);
    pending = null;
    inMessage = false;
    onMessage.handle(message);
  }

  private int size() {
    return pending == null ? 0 : pending.length();
  }
}
