package org.openfloor.bridge;

import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.auth.User;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

/**
 * A plain WebSocket seen as a bridge socket, so {@link BridgeConnection} and {@link BridgeGuard} serve it
 * unchanged: each bridge message is one text frame, without SockJS's {@code a["…"]} framing and string
 * escaping. Pushed events reach it through {@link SocketRegistry} as one WebSocket frame encoded for all. A
 * message (one frame or several) over {@code maxMessageBytes} closes the socket with 1009 (a frame over the
 * server's frame limit too: {@link ProtocolViolationCloser}).
 */
final class PlainWebSocket implements SockJSSocket {
  private final ServerWebSocket socket;
  private final RoutingContext context;
  private final int maxMessageBytes;
  private final WebSocketPush.Target pushTarget;

  PlainWebSocket(ServerWebSocket socket, RoutingContext context, int maxMessageBytes) {
    this.socket = socket;
    this.context = context;
    this.maxMessageBytes = maxMessageBytes;
    this.pushTarget = WebSocketPush.target(socket, context.request().connection());
  }

  WebSocketPush.Target pushTarget() {
    return pushTarget;
  }

  @Override
  public Future<Void> write(Buffer data) {
    return WebSocketPush.viaVertx(socket, data);
  }

  @Override
  public SockJSSocket handler(Handler<Buffer> handler) {
    socket.frameHandler(handler == null ? null : new MessageAssembler(maxMessageBytes, handler, this::closeTooBig));
    return this;
  }

  private void closeTooBig() {
    close(WebSocketCloseStatus.MESSAGE_TOO_BIG.code(), WebSocketCloseStatus.MESSAGE_TOO_BIG.reasonText());
  }

  @Override
  public SockJSSocket exceptionHandler(Handler<Throwable> handler) {
    socket.exceptionHandler(handler);
    return this;
  }

  @Override
  public SockJSSocket pause() {
    socket.pause();
    return this;
  }

  @Override
  public SockJSSocket resume() {
    socket.resume();
    return this;
  }

  @Override
  public SockJSSocket fetch(long amount) {
    socket.fetch(amount);
    return this;
  }

  @Override
  public SockJSSocket endHandler(Handler<Void> handler) {
    socket.endHandler(handler);
    return this;
  }

  @Override
  public SockJSSocket closeHandler(Handler<Void> handler) {
    socket.closeHandler(handler);
    return this;
  }

  @Override
  public SockJSSocket setWriteQueueMaxSize(int maxSize) {
    socket.setWriteQueueMaxSize(maxSize);
    return this;
  }

  @Override
  public boolean writeQueueFull() {
    return socket.writeQueueFull();
  }

  @Override
  public SockJSSocket drainHandler(Handler<Void> handler) {
    socket.drainHandler(handler);
    return this;
  }

  @Override
  public String writeHandlerID() {
    return socket.textHandlerID();
  }

  @Override
  public Future<Void> end() {
    return socket.close();
  }

  @Override
  public void close() {
    socket.close();
  }

  @Override
  public void close(int statusCode, String reason) {
    socket.close((short) statusCode, reason);
  }

  @Override
  public SocketAddress remoteAddress() {
    return socket.remoteAddress();
  }

  @Override
  public SocketAddress localAddress() {
    return socket.localAddress();
  }

  @Override
  public MultiMap headers() {
    return socket.headers();
  }

  @Override
  public String uri() {
    return socket.uri();
  }

  @Override
  public RoutingContext routingContext() {
    return context;
  }

  @Override
  public Session webSession() {
    return null;
  }

  @Override
  public User webUser() {
    return null;
  }
}
