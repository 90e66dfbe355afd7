package org.openfloor.bridge;

import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;

/**
 * The bridge over a plain WebSocket at {@code /ws}: each bridge message is one text message, without SockJS's
 * {@code a["…"]} framing and string escaping. Pushed events are written as the one WebSocket frame encoded for
 * all ({@link WebSocketPush}). A message (one frame or several) over {@code maxMessageBytes} closes the socket
 * with 1009 (a frame over the server's frame limit too: {@link ProtocolViolationCloser}).
 */
final class WebSocketBridgeSocket implements BridgeSocket {
  private final ServerWebSocket socket;
  private final int maxMessageBytes;
  private final WebSocketPush.Target pushTarget;

  WebSocketBridgeSocket(ServerWebSocket socket, RoutingContext context, int maxMessageBytes) {
    this.socket = socket;
    this.maxMessageBytes = maxMessageBytes;
    this.pushTarget = WebSocketPush.target(socket, context.request().connection());
  }

  @Override
  public void onMessage(Handler<Buffer> handler) {
    socket.frameHandler(handler == null ? null : new MessageAssembler(maxMessageBytes, handler, this::closeTooBig));
  }

  private void closeTooBig() {
    close(WebSocketCloseStatus.MESSAGE_TOO_BIG.code(), WebSocketCloseStatus.MESSAGE_TOO_BIG.reasonText());
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
    WebSocketPush.viaVertx(socket, message);
  }

  @Override
  public void push(SharedFrame frame) {
    frame.writeTo(pushTarget);
  }

  @Override
  public void close() {
    socket.close();
  }

  @Override
  public void close(int status, String reason) {
    socket.close((short) status, reason);
  }

  @Override
  public String remoteHost() {
    return socket.remoteAddress() == null ? null : socket.remoteAddress().hostAddress();
  }
}
