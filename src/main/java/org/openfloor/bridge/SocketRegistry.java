package org.openfloor.bridge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.buffer.Buffer;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.openfloor.live.Fanout;

/**
 * Which sockets of this node listen on which address; pushes one encoded frame to all of them: plain WebSockets
 * get the very same WebSocket frame bytes ({@link WebSocketPush}), SockJS sockets the bridge message to frame.
 */
public final class SocketRegistry implements Fanout {
  private final Map<String, Set<BridgeSocket>> socketsByAddress = new HashMap<>();
  private final WebSocketPush webSocketPush = new WebSocketPush();
  private final Counter framesPushed;
  private int openSockets;

  /** Counts into {@code meters}: frames written ({@code openfloor.updates.pushed}), open sockets. */
  public SocketRegistry(MeterRegistry meters) {
    this.framesPushed = Counter.builder("openfloor.updates.pushed").description("Frames written to client sockets")
        .register(meters);
    Gauge.builder("openfloor.bridge.connections", this::openSockets).description("Open bridge sockets").register(meters);
  }

  void register(String address, BridgeSocket socket) {
    socketsByAddress.computeIfAbsent(address, a -> new LinkedHashSet<>()).add(socket);
  }

  void unregister(String address, BridgeSocket socket) {
    Set<BridgeSocket> sockets = socketsByAddress.get(address);
    if (sockets != null && sockets.remove(socket) && sockets.isEmpty()) {
      socketsByAddress.remove(address);
    }
  }

  @Override
  public void push(String address, Buffer frame) {
    Set<BridgeSocket> sockets = socketsByAddress.get(address);
    if (sockets == null) {
      return;
    }
    framesPushed.increment(sockets.size());
    try (SharedFrame shared = new SharedFrame(frame, webSocketPush)) {
      for (BridgeSocket socket : sockets) {
        socket.push(shared);
      }
    }
  }

  @Override
  public boolean listens(String address) {
    return socketsByAddress.containsKey(address);
  }

  /** Sockets of this node listening on {@code address}. */
  public int connectionsOn(String address) {
    return socketsByAddress.getOrDefault(address, Set.of()).size();
  }

  void opened() {
    openSockets++;
  }

  void closed() {
    openSockets--;
  }

  /** Bridge sockets open on this node now. */
  public int openSockets() {
    return openSockets;
  }
}
