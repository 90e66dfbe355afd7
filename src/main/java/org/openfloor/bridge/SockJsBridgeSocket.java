package org.openfloor.bridge;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

/** The bridge over SockJS at {@code /eventbus}: SockJS frames each message ({@code a["…"]}) itself. */
final class SockJsBridgeSocket implements BridgeSocket {
  private final SockJSSocket socket;

  SockJsBridgeSocket(SockJSSocket socket) {
    this.socket = socket;
  }

  @Override
  public void onMessage(Handler<Buffer> handler) {
    socket.handler(handler);
  }

  @Override
  public void onClose(Handler<Void> handler) {
    socket.closeHandler(handler);
  }

  @Override
  public void onFailure(Handler<Throwable> handler) {
    socket.exceptionHandler(handler);
  }

  @Override
  public void pause() {
    socket.pause();
  }

  @Override
  public void resume() {
    socket.resume();
  }

  @Override
  public void write(Buffer message) {
    socket.write(message);
  }

  @Override
  public void push(SharedFrame frame) {
    socket.write(frame.message());
  }

  @Override
  public void close() {
    socket.close();
  }

  @Override
  public void close(int status, String reason) {
    socket.close(status, reason);
  }

  @Override
  public String remoteHost() {
    return socket.remoteAddress() == null ? null : socket.remoteAddress().hostAddress();
  }
}
