package org.openfloor.bridge;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;

import org.openfloor.edge.CommandDoor;
import org.openfloor.live.SessionRegistry;

/**
 * The SockJS endpoint at {@code /eventbus}: speaks the Vert.x event-bus bridge wire protocol, so
 * {@code vertx-eventbus.js} clients work, with OpenFloor's own permits and one encoded frame per event.
 */
public final class EventBusBridge {
  private static final long HEARTBEAT_MILLIS = 25_000;

  private final CommandDoor door;
  private final SessionRegistry registry;
  private final SocketRegistry sockets;
  private final BridgeLimits limits;

  /** Commands go through {@code door}; registrations are decided against {@code registry}'s sessions. */
  public EventBusBridge(CommandDoor door, SessionRegistry registry, SocketRegistry sockets, BridgeLimits limits) {
    this.door = door;
    this.registry = registry;
    this.sockets = sockets;
    this.limits = limits;
  }

  public Router router(Vertx vertx) {
    BridgeGuard guard = new BridgeGuard(registry);
    SockJSHandlerOptions options = new SockJSHandlerOptions().setHeartbeatInterval(HEARTBEAT_MILLIS);
    return SockJSHandler.create(vertx, options)
        .socketHandler(socket -> new BridgeConnection(new SockJsBridgeSocket(socket), guard, sockets, door, limits).start());
  }

  /**
   * The same bridge over a plain WebSocket (mounted at {@code /ws}): one bridge message per text frame,
   * the same permits, and pushed frames written as the bytes encoded once for all recipients.
   */
  public io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> plainWebSocket() {
    BridgeGuard guard = new BridgeGuard(registry);
    return ctx -> ctx.request().toWebSocket()
        .onSuccess(ws -> new BridgeConnection(new WebSocketBridgeSocket(ws, ctx, limits.webSocketBytes()), guard, sockets, door,
            limits).start())
        .onFailure(ctx::fail);
  }
}
