package org.openfloor.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.UUID;

/**
 * How the generator speaks to each server under test: where attendees connect, what they send once
 * open, how a vote and a question are sent, and how a received text frame reads as a tally update.
 */
enum Wire {
  /** OpenFloor's SockJS event-bus bridge over WebSocket, as the pages use it. */
  OPENFLOOR_SOCKJS,
  /** OpenFloor's plain WebSocket bridge at {@code /ws}: the same bridge JSON, no SockJS framing. */
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

  /** The tallies a text frame carries, by question index; null when it carries none. */
  Update parse(String text, Map<String, Integer> indexById) {
    return switch (this) {
      case OPENFLOOR_SOCKJS -> text.startsWith("a[") ? sockJs(text, indexById) : Update.NONE;
      case OPENFLOOR_WS -> bridgeMessage(new JsonObject(text), indexById);
      case BARE -> text.startsWith("{\"type\":\"votes\"") ? tallies(new JsonObject(text).getJsonObject("votes"), null)
          : Update.OTHER;
      case SOCKET_IO -> text.startsWith("42[\"votes\"")
          ? tallies(new JsonArray(text.substring(2)).getJsonObject(1), null)
          : text.startsWith("42") ? Update.OTHER : Update.NONE;
    };
  }

  private static Update sockJs(String text, Map<String, Integer> indexById) {
    JsonArray messages = new JsonArray(text.substring(1));
    Update result = Update.NONE;
    for (int i = 0; i < messages.size(); i++) {
      Update update = bridgeMessage(new JsonObject(messages.getString(i)), indexById);
      result = update.isVotes() || result == Update.NONE ? update : result;
    }
    return result;
  }

  private static Update bridgeMessage(JsonObject message, Map<String, Integer> indexById) {
    if ("err".equals(message.getString("type"))) {
      return Update.ERROR;
    }
    if (!"rec".equals(message.getString("type"))) {
      return Update.NONE;
    }
    if ("r".equals(message.getString("address"))) {
      return Update.REPLY;
    }
    JsonObject body = message.getJsonObject("body");
    return "votes".equals(body.getString("type")) ? tallies(body.getJsonObject("votes"), indexById) : Update.OTHER;
  }

  private static Update tallies(JsonObject votes, Map<String, Integer> indexById) {
    int[] questions = new int[votes.size()];
    int[] counts = new int[votes.size()];
    int n = 0;
    for (Map.Entry<String, Object> entry : votes) {
      Integer index = indexById == null ? Integer.valueOf(entry.getKey()) : indexById.get(entry.getKey());
      if (index != null) {
        questions[n] = index;
        counts[n++] = ((Number) entry.getValue()).intValue();
      }
    }
    return new Update(java.util.Arrays.copyOf(questions, n), java.util.Arrays.copyOf(counts, n), Update.Kind.VOTES);
  }

  /** What one received frame meant to the generator. */
  record Update(int[] questions, int[] counts, Kind kind) {
    enum Kind { VOTES, OTHER, REPLY, ERROR, NONE }

    static final Update OTHER = new Update(new int[0], new int[0], Kind.OTHER);
    static final Update REPLY = new Update(new int[0], new int[0], Kind.REPLY);
    static final Update ERROR = new Update(new int[0], new int[0], Kind.ERROR);
    static final Update NONE = new Update(new int[0], new int[0], Kind.NONE);

    boolean isVotes() {
      return kind == Kind.VOTES;
    }
  }
}
