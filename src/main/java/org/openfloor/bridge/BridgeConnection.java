package org.openfloor.bridge;

import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openfloor.edge.CommandDoor;
import org.openfloor.edge.Inbound;
import org.openfloor.live.wire.Addresses;
import org.openfloor.live.wire.Answer;
import org.openfloor.live.wire.Errors;
import org.openfloor.edge.RateLimiter;
import org.openfloor.edge.Throttle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client socket speaking the Vert.x event-bus bridge protocol ({@code ping}, {@code register},
 * {@code unregister}, {@code send}); everything not permitted is refused with an {@code err} frame
 * to this socket only. A socket that keeps sending after the rate limits refused it too often is closed
 * (1008 on a plain WebSocket, SockJS's close frame otherwise); its participant's bucket outlives it.
 */
final class BridgeConnection {
  private static final Logger LOG = LoggerFactory.getLogger(BridgeConnection.class);
  private static final int MAX_REPLY_ADDRESS = 100;

  private final BridgeSocket socket;
  private final BridgeGuard guard;
  private final SocketRegistry sockets;
  private final CommandDoor door;
  private final BridgeLimits limits;
  private final Set<String> registrations = new HashSet<>();
  private final RefusalWindow refusals;
  private boolean closed;
  private boolean closing;
  private final RateLimiter.Bucket socketBucket;

  BridgeConnection(BridgeSocket socket, BridgeGuard guard, SocketRegistry sockets, CommandDoor door,
                   BridgeLimits limits) {
    this.socket = socket;
    this.guard = guard;
    this.sockets = sockets;
    this.door = door;
    this.limits = limits;
    this.socketBucket = door.socketBucket();
    this.refusals = new RefusalWindow(limits.maxRefusalsPerSocket(), BridgeLimits.REFUSAL_WINDOW_SECONDS,
        TimeUnit.SECONDS);
  }

  void start() {
    sockets.opened();
    socket.onMessage(this::onFrame);
    socket.onClose(v -> onClose());
    socket.onFailure(this::onFailure);
  }

  private void onFailure(Throwable failure) {
    LOG.debug("Bridge socket failed: {}", failure.toString());
    if (!closing) {
      closing = true;
      socket.close();
    }
  }

  private void onFrame(Buffer frame) {
    if (closing) {
      return;
    }
    if (frame.length() > limits.maxFrameBytes()) {
      sendError(null, "frame_too_large");
      closeWith(WebSocketCloseStatus.MESSAGE_TOO_BIG);
      return;
    }
    Optional<JsonObject> message = parse(frame);
    if (message.isEmpty()) {
      sendError(null, "invalid_json");
      return;
    }
    dispatch(message.get());
  }

  private static Optional<JsonObject> parse(Buffer frame) {
    try {
      Object value = Json.decodeValue(frame);
      return value instanceof JsonObject object ? Optional.of(object) : Optional.empty();
    } catch (DecodeException e) {
      return Optional.empty();
    }
  }

  private void dispatch(JsonObject message) {
    Object type = message.getValue("type");
    Object address = message.getValue("address");
    if (!(type instanceof String) || (address != null && !(address instanceof String))) {
      sendError(null, "invalid_type");
      return;
    }
    switch ((String) type) {
      case "ping" -> { }
      case "register" -> register((String) address, tokenHash(message));
      case "unregister" -> unregister((String) address);
      case "send" -> send((String) address, message);
      case "publish" -> sendError((String) address, "access_denied");
      default -> sendError((String) address, "invalid_type");
    }
  }

  private void register(String address, String tokenHash) {
    Optional<Addresses.Outbound> outbound = Addresses.parseOutbound(address);
    if (outbound.isEmpty()) {
      sendError(address, "access_denied");
      return;
    }
    if (registrations.size() >= limits.maxHandlersPerSocket()) {
      sendError(address, "too_many_handlers");
      return;
    }
    socket.pause();
    guard.mayRegister(outbound.get(), tokenHash).onComplete(ar -> {
      if (ar.succeeded() && ar.result()) {
        listen(address);
      } else {
        sendError(address, "access_denied");
      }
      socket.resume();
    });
  }

  private void listen(String address) {
    if (closed || registrations.size() >= limits.maxHandlersPerSocket()) {
      return;
    }
    if (registrations.add(address)) {
      sockets.register(address, socket);
    }
  }

  private void unregister(String address) {
    if (address != null && registrations.remove(address)) {
      sockets.unregister(address, socket);
    }
  }

  private void send(String address, JsonObject message) {
    Object replyAddress = message.getValue("replyAddress");
    if (!Addresses.COMMANDS.equals(address) || !(replyAddress instanceof String reply) || reply.isEmpty()
        || reply.length() > MAX_REPLY_ADDRESS) {
      sendError(address, "access_denied");
      return;
    }
    Object body = message.getValue("body");
    if (!(body instanceof JsonObject command) || !(command.getValue("type") instanceof String type)
        || !(command.getValue("session") instanceof String code)) {
      replyFailure(reply, Errors.BAD_INPUT, "the body must be an object with type and session");
      return;
    }
    // The message was parsed for this send only: its body, less type and session, is the command's fields.
    command.remove("type");
    command.remove("session");
    if (!socketBucket.tryTake(System.nanoTime())) {
      answer(reply, Throttle.tooMany());
      return;
    }
    door.submit(new Inbound(code, type, command, authorization(message), socket.remoteHost()))
        .onComplete(ar -> {
          if (ar.succeeded()) {
            answer(reply, ar.result());
          } else {
            replyFailure(reply, BridgeFailures.status(ar.cause()), BridgeFailures.message(ar.cause()));
          }
        });
  }

  private void answer(String replyAddress, Answer answer) {
    replyAnswer(replyAddress, answer);
    if (answer.status() == Errors.TOO_MANY && refusals.exceeded(System.nanoTime())) {
      LOG.info("Closing a bridge socket that was refused more than {} times within {} s",
          limits.maxRefusalsPerSocket(), BridgeLimits.REFUSAL_WINDOW_SECONDS);
      closeWith(WebSocketCloseStatus.POLICY_VIOLATION);
    }
  }

  private void closeWith(WebSocketCloseStatus status) {
    if (!closing) {
      closing = true;
      socket.close(status.code(), status.reasonText());
    }
  }

  private void replyAnswer(String replyAddress, Answer answer) {
    if (answer.succeeded()) {
      write(new JsonObject().put("type", "rec").put("address", replyAddress).put("body", answer.body()));
    } else {
      replyFailure(replyAddress, answer.status(), answer.body().getString("message"));
    }
  }

  private void replyFailure(String replyAddress, int status, String message) {
    write(new JsonObject().put("type", "err").put("address", replyAddress).put("failureCode", status)
        .put("failureType", "RECIPIENT_FAILURE").put("message", message).put("body", Errors.body(status, message)));
  }

  private void sendError(String address, String reason) {
    write(new JsonObject().put("type", "err").put("address", address).put("body", reason));
  }

  private void write(JsonObject frame) {
    if (!closed && !closing) {
      socket.write(frame.toBuffer());
    }
  }

  /** The {@code authorization} header a bridge message carries, as sent. */
  private static String authorization(JsonObject message) {
    Object headers = message.getValue("headers");
    return headers instanceof JsonObject map && map.getValue("authorization") instanceof String value ? value : null;
  }

  private static String tokenHash(JsonObject message) {
    return CommandDoor.tokenHash(authorization(message));
  }

  private void onClose() {
    if (!closed) {
      sockets.closed();
    }
    closed = true;
    registrations.forEach(address -> sockets.unregister(address, socket));
    registrations.clear();
  }
}
