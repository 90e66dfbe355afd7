package org.openfloor.bridge;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;

/**
 * A client socket that speaks the event-bus bridge protocol, whatever carries it: SockJS at {@code /eventbus}
 * ({@link SockJsBridgeSocket}) or a plain WebSocket at {@code /ws} ({@link WebSocketBridgeSocket}).
 * {@link BridgeConnection} and {@link SocketRegistry} see only this; each transport does its own framing.
 */
sealed interface BridgeSocket permits SockJsBridgeSocket, WebSocketBridgeSocket {

  /** Each whole bridge message the client sends (a JSON object as bytes). */
  void onMessage(Handler<Buffer> handler);

  void onClose(Handler<Void> handler);

  void onFailure(Handler<Throwable> handler);

  /** Stops reading the client's messages until {@link #resume()}. */
  void pause();

  void resume();

  /** Writes one bridge message to this client (a reply or an error). */
  void write(Buffer message);

  /** Writes one pushed event, encoded once for every listener ({@code frame}), in this transport's framing. */
  void push(SharedFrame frame);

  void close();

  /** Closes with a status: a WebSocket close frame on {@code /ws}, SockJS's close frame on {@code /eventbus}. */
  void close(int status, String reason);

  /** The client's address as the server sees it, or null. */
  String remoteHost();
}
