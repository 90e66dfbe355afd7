package org.openfloor.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openfloor.testing.Await.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.live.wire.CommandCodec;
import org.openfloor.testing.Api;
import org.openfloor.testing.BridgeClient;
import org.openfloor.testing.RawWebSocket;
import org.openfloor.testing.TestServer;

/**
 * Every command type, sent over REST, the SockJS bridge and the plain {@code /ws} bridge, passes the same door:
 * it is answered the same way on all three (without a token, and as an attendee), and it draws on the same
 * per-participant bucket, so the rate limit refuses it on any transport once the others have spent it.
 */
@DisplayName("One door for every command")
class OneDoorTest {
  private static final int BURST = 2;
  private static final String ID = "x1";

  /** Each client command type's REST route, and the field its path's id fills. */
  private static final Map<String, Route> ROUTES = routes();

  @TempDir
  static Path roomyDir;
  @TempDir
  static Path strictDir;

  private static Vertx vertx;
  private static Side roomy;
  private static Side strict;

  /** A server and a session on it. */
  private record Side(TestServer server, Api api, String code) {
    static Side start(Path dataDir, JsonObject limits) {
      TestServer server = await(TestServer.start(vertx, dataDir, limits.put("joinsPerIpPerMinute", 100_000)));
      Api api = new Api(vertx, server.port());
      return new Side(server, api, await(api.createSession("One door", "post")).getString("code"));
    }

    void stop() {
      api.close();
      await(server.stop());
    }
  }

  private record Route(HttpMethod method, String path, String idField) { }

  private record Outcome(int status, String error) {
    static Outcome ok() {
      return new Outcome(200, "ok");
    }
  }

  private enum Transport { REST, SOCKJS, WEBSOCKET }

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    // Senders without a token share their address's bucket: the roomy server never refuses them.
    roomy = Side.start(roomyDir, new JsonObject().put("rateCommandsPerSecond", 100_000).put("rateBurst", 100_000));
    // The slowest refill there is (one a second): a try that took longer than that is tried again.
    strict = Side.start(strictDir, new JsonObject().put("rateCommandsPerSecond", 1).put("rateBurst", BURST));
  }

  @AfterAll
  static void stop() {
    for (Side side : new Side[] {roomy, strict}) {
      if (side != null) {
        side.stop();
      }
    }
    await(vertx.close());
  }

  @Test
  @DisplayName("the REST table names every command type a client may send")
  void everyTypeHasARoute() throws IllegalAccessException {
    List<String> types = new ArrayList<>();
    for (Field field : CommandCodec.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        types.add((String) field.get(null));
      }
    }
    types.remove(CommandCodec.CREATE_SESSION);
    assertThat(ROUTES.keySet()).containsExactlyInAnyOrderElementsOf(types);
  }

  @Test
  @DisplayName("each command is answered the same over REST, SockJS and /ws: without a token and as an attendee")
  void answeredTheSame() {
    for (String type : ROUTES.keySet()) {
      Map<Transport, Outcome> anonymous = new LinkedHashMap<>();
      Map<Transport, Outcome> attendee = new LinkedHashMap<>();
      for (Transport transport : Transport.values()) {
        anonymous.put(transport, send(roomy, transport, type, null));
        attendee.put(transport, send(roomy, transport, type, freshAttendee(roomy)));
      }
      assertThat(anonymous.values()).as("%s without a token: %s", type, anonymous).containsOnly(anonymous.get(Transport.REST));
      assertThat(attendee.values()).as("%s as an attendee: %s", type, attendee).containsOnly(attendee.get(Transport.REST));
      assertThat(anonymous.get(Transport.REST).status()).as("%s without a token: %s", type, anonymous).isNotEqualTo(429);
    }
  }

  @Test
  @DisplayName("each command is rate-limited on every transport, from one bucket per participant")
  void rateLimitedEverywhere() {
    for (String type : ROUTES.keySet()) {
      if (type.equals(CommandCodec.JOIN)) {
        continue; // joins are counted per address, not per participant
      }
      for (Transport last : Transport.values()) {
        Outcome refused = null;
        for (int attempt = 0; attempt < 3 && refused == null; attempt++) {
          refused = spendThenSend(type, last);
        }
        assertThat(refused).as("%s over %s once the burst is spent (three tries within a second)", type, last)
            .isEqualTo(new Outcome(429, "too_many_requests"));
      }
    }
  }

  /** A fresh attendee spends the burst over the other transports, then sends over {@code last}; null if too slow. */
  private static Outcome spendThenSend(String type, Transport last) {
    String token = freshAttendee(strict);
    List<Transport> others = new ArrayList<>(List.of(Transport.values()));
    others.remove(last);
    long started = System.nanoTime();
    for (int i = 0; i < BURST; i++) {
      assertThat(send(strict, others.get(i % others.size()), type, token).status()).as("%s within the burst", type)
          .isNotEqualTo(429);
    }
    Outcome outcome = send(strict, last, type, token);
    return System.nanoTime() - started < 900_000_000L ? outcome : null;
  }

  private static String freshAttendee(Side side) {
    return await(side.api().join(side.code(), "Attendee")).getString("token");
  }

  private static Outcome send(Side side, Transport transport, String type, String token) {
    Route route = ROUTES.get(type);
    int port = side.server().port();
    return switch (transport) {
      case REST -> {
        HttpResponse<Buffer> response = await(side.api().call(route.method(), "/api" + route.path()
            .replace("{code}", side.code()).replace("{id}", ID), token, new JsonObject()));
        yield response.statusCode() / 100 == 2 ? Outcome.ok()
            : new Outcome(response.statusCode(), response.bodyAsJsonObject().getString("error"));
      }
      case SOCKJS -> overBridge(BridgeClient.connect(vertx, port), c -> c.command(bridgeBody(side, type, route), token),
          BridgeClient::close);
      case WEBSOCKET -> overBridge(RawWebSocket.plain(vertx, port), c -> c.command(bridgeBody(side, type, route), token),
          RawWebSocket::close);
    };
  }

  /** A socket of its own for each command: its socket bucket stays full, so only the participant's counts. */
  private static <C> Outcome overBridge(Future<C> connecting, Function<C, Future<JsonObject>> command,
                                        Function<C, Future<Void>> close) {
    C client = await(connecting);
    try {
      JsonObject reply = await(command.apply(client));
      return "rec".equals(reply.getString("type")) ? Outcome.ok()
          : new Outcome(reply.getInteger("failureCode"), reply.getJsonObject("body").getString("error"));
    } finally {
      await(close.apply(client));
    }
  }

  private static JsonObject bridgeBody(Side side, String type, Route route) {
    JsonObject body = new JsonObject().put("type", type).put("session", side.code());
    if (route.idField() != null) {
      body.put(route.idField(), ID);
    }
    return body;
  }

  private static Map<String, Route> routes() {
    Map<String, Route> r = new LinkedHashMap<>();
    String s = "/sessions/{code}";
    r.put(CommandCodec.UPDATE_SESSION, new Route(HttpMethod.PATCH, s, null));
    r.put(CommandCodec.JOIN, new Route(HttpMethod.POST, s + "/participants", null));
    r.put(CommandCodec.ASK, new Route(HttpMethod.POST, s + "/questions", null));
    r.put(CommandCodec.VOTE, new Route(HttpMethod.PUT, s + "/questions/{id}/vote", "questionId"));
    r.put(CommandCodec.UNVOTE, new Route(HttpMethod.DELETE, s + "/questions/{id}/vote", "questionId"));
    r.put(CommandCodec.MODERATE, new Route(HttpMethod.PATCH, s + "/questions/{id}", "questionId"));
    r.put(CommandCodec.POLL_CREATE, new Route(HttpMethod.POST, s + "/polls", null));
    r.put(CommandCodec.POLL_UPDATE, new Route(HttpMethod.PATCH, s + "/polls/{id}", "pollId"));
    r.put(CommandCodec.POLL_VOTE, new Route(HttpMethod.PUT, s + "/polls/{id}/vote", "pollId"));
    r.put(CommandCodec.POLL_HIDE_WORD, new Route(HttpMethod.PATCH, s + "/polls/{id}/words", "pollId"));
    r.put(CommandCodec.QUEUE_REQUEST, new Route(HttpMethod.POST, s + "/queue", null));
    r.put(CommandCodec.QUEUE_WITHDRAW, new Route(HttpMethod.DELETE, s + "/queue/{id}", "id"));
    r.put(CommandCodec.QUEUE_NEXT, new Route(HttpMethod.POST, s + "/queue/next", null));
    r.put(CommandCodec.QUEUE_UPDATE, new Route(HttpMethod.PATCH, s + "/queue", null));
    r.put(CommandCodec.QUEUE_TIMER, new Route(HttpMethod.POST, s + "/queue/timer", null));
    r.put(CommandCodec.QUEUE_CLEAR, new Route(HttpMethod.POST, s + "/queue/clear", null));
    r.put(CommandCodec.QUEUE_ACCEPT, new Route(HttpMethod.POST, s + "/queue/{id}/accept", "id"));
    r.put(CommandCodec.QUEUE_EDIT, new Route(HttpMethod.PATCH, s + "/queue/{id}", "id"));
    r.put(CommandCodec.QUEUE_BRIEFING, new Route(HttpMethod.POST, s + "/queue/briefings", null));
    r.put(CommandCodec.GROUP_CREATE, new Route(HttpMethod.POST, s + "/groups", null));
    r.put(CommandCodec.GROUP_SWITCH, new Route(HttpMethod.PATCH, s + "/participants/me", null));
    r.put(CommandCodec.GROUP_NOTES, new Route(HttpMethod.PUT, s + "/groups/{id}/notes", "groupId"));
    r.put(CommandCodec.MESSAGE_CREATE, new Route(HttpMethod.POST, s + "/messages", null));
    r.put(CommandCodec.MESSAGE_EDIT, new Route(HttpMethod.PATCH, s + "/messages/{id}", "messageId"));
    r.put(CommandCodec.MESSAGE_COMMENT, new Route(HttpMethod.POST, s + "/messages/{id}/comments", "messageId"));
    return r;
  }
}
