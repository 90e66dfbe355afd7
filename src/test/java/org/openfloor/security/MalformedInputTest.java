package org.openfloor.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.testing.Api;
import org.openfloor.testing.BridgeClient;
import org.openfloor.testing.TestServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import static org.openfloor.testing.Await.await;

@ExtendWith(VertxExtension.class)
@DisplayName("Malformed input")
class MalformedInputTest {
  private static final Logger LOG = LoggerFactory.getLogger(MalformedInputTest.class);

  private static final List<String> BAD_JSON = List.of("", "{", "}", "{\"text\":", "{\"text\":\"open", "[1,2",
      "{'text':'single quotes'}", "{text: bare}", "nul", "tru", "{\"text\":\"x\",}", "{\"text\":\"x\"}}",
      "{\"a\":1 \"b\":2}", "\"just a string\"", "42", "[]", "null", "{\"text\":NaN}", "{\"text\":0x10}",
      "{\"text\":\"\\u12\"}", "{\"text\":\"bad \\q escape\"}", "\u0000", "{\"\u0000\":1}", "<xml/>");
  private static final List<Object> WRONG_VALUES = List.of(42, -1, 3.5, true, false, new JsonArray(), new JsonObject(),
      new JsonArray().add("x"), new JsonObject().put("nested", "x"), "", "not-an-id-\u202e");
  private static final List<String> HUGE_NUMBERS = List.of("1e999999", "-1e999999", "123456789012345678901234567890",
      "9223372036854775808", "-9223372036854775809", "1e308", "4.9e-325", "0.0000000000000000000000001",
      "99999999999999999999999999999999999999999999999999.5");
  private static final List<String> COMMAND_TYPES = List.of("ask", "vote", "unvote", "moderate", "join", "updateSession",
      "poll.create", "poll.update", "poll.vote", "poll.hideWord", "queue.request", "queue.withdraw", "queue.next",
      "queue.update", "queue.timer", "queue.clear", "queue.accept", "queue.edit");

  @TempDir
  Path dataDir;

  @Test
  @DisplayName("over 1,000 malformed requests and frames each get an error; the server stays healthy and nothing changes")
  void malformedInputChangesNothing(Vertx vertx, VertxTestContext testContext) {
    TestServer server = await(TestServer.start(vertx, dataDir,
        new JsonObject().put("rateCommandsPerSecond", 1_000_000).put("rateBurst", 1_000_000)
            .put("joinsPerIpPerMinute", 1_000_000)));
    Api api = new Api(vertx, server.port());
    JsonObject created = await(api.createSession("Malformed", "post"));
    String code = created.getString("code");
    String moderator = created.getString("moderatorToken");
    String token = await(api.join(code, "Alice")).getString("token");
    String questionId = await(api.ask(code, token, "A fair question")).getString("id");
    JsonObject before = withoutClock(await(api.snapshot(code, moderator)));

    List<Buffer> bodies = httpBodies();
    io.vertx.ext.web.client.WebClient client = io.vertx.ext.web.client.WebClient.create(vertx);
    List<Future<HttpResponse<Buffer>>> responses = new ArrayList<>();
    for (Buffer body : bodies) {
      for (String path : List.of("/questions", "/questions/" + questionId + "/vote", "/queue", "/polls")) {
        HttpMethod method = path.endsWith("/vote") ? HttpMethod.PUT : HttpMethod.POST;
        responses.add(rawWithToken(client, server.port(), method, "/api/sessions/" + code + path, token, body));
      }
    }
    await(Future.join(responses).otherwiseEmpty());
    long httpErrors = responses.stream().filter(Future::succeeded).map(Future::result)
        .filter(r -> r.statusCode() >= 400 && r.statusCode() < 500 && r.bodyAsJsonObject().getString("error") != null)
        .count();

    BridgeClient socket = await(BridgeClient.connect(vertx, server.port()));
    List<String> rawFrames = rawBridgeFrames(code);
    rawFrames.forEach(socket::sendRaw);
    List<JsonObject> commands = bridgeCommands(code, questionId);
    List<Future<JsonObject>> replies = commands.stream().map(c -> socket.command(c, token)).toList();
    await(Future.all(replies));
    long bridgeRefusals = replies.stream().filter(r -> "err".equals(r.result().getString("type"))).count();
    long frameErrors = socket.errors().size();

    int health = await(api.call(HttpMethod.GET, "/health", null, null)).statusCode();
    JsonObject after = withoutClock(await(api.snapshot(code, moderator)));
    int total = responses.size() + rawFrames.size() + commands.size();
    LOG.info("Malformed input: {} HTTP requests ({} errors), {} raw frames ({} err frames), {} bridge commands "
        + "({} refused); health {}", responses.size(), httpErrors, rawFrames.size(), frameErrors, commands.size(),
        bridgeRefusals, health);
    testContext.verify(() -> {
      assertThat(total).isGreaterThanOrEqualTo(1_000);
      assertThat(httpErrors).isEqualTo(responses.size());
      assertThat(frameErrors).isEqualTo(rawFrames.size());
      assertThat(bridgeRefusals).isEqualTo(commands.size());
      assertThat(health).isEqualTo(200);
      assertThat(after).isEqualTo(before);
    });
    socket.close();
    client.close();
    api.close();
    await(server.stop());
    testContext.completeNow();
  }

  private static Future<HttpResponse<Buffer>> rawWithToken(io.vertx.ext.web.client.WebClient client, int port, HttpMethod method,
                                                          String path, String token, Buffer body) {
    return client.request(method, port, "127.0.0.1", path)
        .bearerTokenAuthentication(token).putHeader("content-type", "application/json").sendBuffer(body);
  }

  private static JsonObject withoutClock(JsonObject snapshot) {
    JsonObject copy = snapshot.copy();
    copy.remove("serverTime");
    return copy;
  }

  private static List<Buffer> httpBodies() {
    List<Buffer> bodies = new ArrayList<>();
    BAD_JSON.stream().filter(s -> !s.isEmpty()).forEach(s -> bodies.add(Buffer.buffer(s)));
    for (Object value : WRONG_VALUES) {
      for (String field : List.of("text", "anonymous", "groupId", "kind", "remote", "topic")) {
        bodies.add(new JsonObject().put(field, value).put("unknownField", 1).toBuffer());
      }
    }
    HUGE_NUMBERS.forEach(n -> bodies.add(Buffer.buffer("{\"text\":\"x\",\"anonymous\":" + n + "}")));
    bodies.add(Buffer.buffer(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
    bodies.add(Buffer.buffer(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'}));
    bodies.add(Buffer.buffer(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xED, (byte) 0xA0,
        (byte) 0x80, '"', '}'}));
    bodies.add(Buffer.buffer(new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}));
    bodies.add(Buffer.buffer("{\"text\":\"x\",\"deep\":" + "[".repeat(1_500) + "]".repeat(1_500) + "}"));
    bodies.add(Buffer.buffer("{\"text\":\"x\",\"deep\":" + "[".repeat(200) + "]".repeat(200) + "}"));
    bodies.add(Buffer.buffer("{\"text\":\"x\",\"deep\":" + "{\"a\":".repeat(1_200) + "1" + "}".repeat(1_200) + "}"));
    bodies.add(new JsonObject().put("text", "x".repeat(20_000)).toBuffer());
    return bodies;
  }

  private static List<String> rawBridgeFrames(String code) {
    List<String> frames = new ArrayList<>();
    BAD_JSON.forEach(frames::add);
    for (Object value : WRONG_VALUES) {
      frames.add(new JsonObject().put("type", value).put("address", "openfloor.session." + code).encode());
      frames.add(new JsonObject().put("type", "register").put("address", value).encode());
    }
    for (String type : List.of("publish", "rec", "err", "subscribe", "", "PING", "send ")) {
      frames.add(new JsonObject().put("type", type).put("address", "openfloor.session." + code).encode());
    }
    HUGE_NUMBERS.forEach(n -> frames.add("{\"type\":" + n + ",\"address\":\"x\"}"));
    frames.add("{\"type\":\"register\",\"address\":" + "[".repeat(1_500) + "]".repeat(1_500) + "}");
    frames.add(new JsonObject().put("type", "send").put("address", "openfloor.cmd").encode());
    frames.add(new JsonObject().put("type", "send").put("address", "not.a.command.address").put("replyAddress", "r")
        .encode());
    return frames;
  }

  private static List<JsonObject> bridgeCommands(String code, String questionId) {
    List<JsonObject> commands = new ArrayList<>();
    for (String type : COMMAND_TYPES) {
      for (Object value : WRONG_VALUES) {
        for (String field : List.of("text", "questionId", "pollId", "id", "choices", "open", "status", "kind")) {
          commands.add(new JsonObject().put("type", type).put("session", code).put(field, value)
              .put("definitelyUnknown", true));
        }
      }
      commands.add(new JsonObject().put("type", type).put("session", code).put("questionId", questionId)
          .put("text", "x").put("extra", "unknown field"));
    }
    for (int i = 0; i < 50; i++) {
      commands.add(new JsonObject().put("type", "nonsense." + i).put("session", code));
    }
    for (String number : HUGE_NUMBERS) {
      for (String field : List.of("speakingSeconds", "rating", "seconds", "reviewUntil")) {
        commands.add(new JsonObject().put("type", field.equals("rating") ? "poll.vote" : "queue.update")
            .put("session", code).put(field, new java.math.BigDecimal(number)).put("definitelyUnknown", true));
      }
    }
    commands.add(new JsonObject().put("type", "ask").put("session", code));
    commands.add(new JsonObject().put("type", "vote").put("session", code));
    commands.add(new JsonObject().put("type", "ask").put("session", code).put("requestId", ""));
    commands.add(new JsonObject().put("type", "ask").put("session", code).put("requestId", "r".repeat(101)));
    commands.add(new JsonObject().put("type", "createSession").put("session", code).put("title", "sneaky"));
    return commands;
  }
}
