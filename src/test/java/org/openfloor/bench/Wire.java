package org.openfloor.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * How the generator speaks to each server under test: where attendees connect, what they send once
 * open, how a vote and a question are sent, and how a voter reads the answers to its commands (attendees
 * read tallies with {@link TallyScanner}).
 */
enum Wire {
  /** OpenFloor's SockJS event-bus bridge over WebSocket: the pages' fallback when a plain WebSocket cannot open. */
  OPENFLOOR_SOCKJS,
  /** OpenFloor's plain WebSocket bridge at {@code /ws}, as the pages use it: the same bridge JSON, no SockJS framing. */
  OPENFLOOR_WS,
  /** The bare Vert.x ceiling of {@link BareServer}. */
  BARE,
  /** A socket.io 4 server, spoken to as Engine.IO v4 over WebSocket. */
  SOCKET_IO;

  String uri() {
    return switch (this) {
      case OPENFLOOR_SOCKJS -> "/eventbus/" + (int) (Math.random() * 999) + "/"
          + UUID.randomUUID().toString().substring(0, 8) + "/websocket";
      case OPENFLOOR_WS -> "/ws";
      case BARE -> "/ws";
      case SOCKET_IO -> "/socket.io/?EIO=4&transport=websocket";
    };
  }

  boolean isOpenFloor() {
    return this == OPENFLOOR_SOCKJS || this == OPENFLOOR_WS;
  }

  /** Whether the connection counts as open as soon as the WebSocket is (else it waits for {@link #opens}). */
  boolean openOnConnect() {
    return this == OPENFLOOR_WS || this == BARE;
  }

  /** Whether {@code text} completes the protocol's opening handshake. */
  boolean opens(String text) {
    return switch (this) {
      case OPENFLOOR_SOCKJS -> text.equals("o");
      case SOCKET_IO -> text.startsWith("40");
      default -> true;
    };
  }

  /** What to answer to a protocol-level frame (handshake, ping), or null. */
  String answer(String text) {
    if (this == SOCKET_IO) {
      if (text.startsWith("0{")) {
        return "40";
      }
      if (text.equals("2")) {
        return "3";
      }
    }
    return null;
  }

  /** What an attendee sends once open to hear the session's public events, or null. */
  String subscribe(String code) {
    if (!isOpenFloor()) {
      return null;
    }
    return bridge(new JsonObject().put("type", "register").put("address", "openfloor.session." + code));
  }

  String vote(String code, String questionId, int questionIndex, String token) {
    return switch (this) {
      case OPENFLOOR_SOCKJS, OPENFLOOR_WS -> command(new JsonObject().put("type", "vote").put("session", code)
          .put("questionId", questionId), token);
      case BARE -> "v" + questionIndex;
      case SOCKET_IO -> "42[\"vote\"," + questionIndex + "]";
    };
  }

  String ask(String code, String text, String token) {
    return switch (this) {
      case OPENFLOOR_SOCKJS, OPENFLOOR_WS -> command(new JsonObject().put("type", "ask").put("session", code)
          .put("text", text), token);
      case BARE -> "a" + text;
      case SOCKET_IO -> "42[\"ask\"," + new JsonArray().add(text).encode().substring(1);
    };
  }

  private String command(JsonObject body, String token) {
    return bridge(new JsonObject().put("type", "send").put("address", "openfloor.cmd").put("body", body)
        .put("replyAddress", "r").put("headers", new JsonObject().put("authorization", "Bearer " + token)));
  }

  private String bridge(JsonObject message) {
    return this == OPENFLOOR_SOCKJS ? new JsonArray().add(message.encode()).encode() : message.encode();
  }

  /** What a frame received by a voter says about its commands: a reply, an error, or neither. */
  Reply reply(String text) {
    return switch (this) {
      case OPENFLOOR_SOCKJS -> text.startsWith("a[") ? sockJs(text) : Reply.NONE;
      case OPENFLOOR_WS -> text.startsWith("{") ? bridgeMessage(new JsonObject(text)) : Reply.NONE;
      default -> Reply.NONE;
    };
  }

  private static Reply sockJs(String text) {
    JsonArray messages = new JsonArray(text.substring(1));
    Reply result = Reply.NONE;
    for (int i = 0; i < messages.size(); i++) {
      Reply reply = bridgeMessage(new JsonObject(messages.getString(i)));
      result = reply == Reply.NONE ? result : reply;
    }
    return result;
  }

  private static Reply bridgeMessage(JsonObject message) {
    if ("err".equals(message.getString("type"))) {
      return Reply.ERROR;
    }
    return "rec".equals(message.getString("type")) && "r".equals(message.getString("address")) ? Reply.ANSWER
        : Reply.NONE;
  }

  /** A voter's view of a frame. */
  enum Reply { ANSWER, ERROR, NONE }
}
