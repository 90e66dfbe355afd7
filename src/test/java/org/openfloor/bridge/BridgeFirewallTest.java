package org.openfloor.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;

import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.live.wire.Addresses;
import org.openfloor.testing.Api;
import org.openfloor.testing.BridgeClient;
import org.openfloor.testing.TestServer;
import static org.openfloor.testing.Await.await;

@ExtendWith(VertxExtension.class)
@DisplayName("The bridge firewall")
class BridgeFirewallTest {
  @TempDir
  Path dataDir;

  private TestServer server;
  private Api api;
  private String code;
  private String moderatorToken;
  private JsonObject alice;
  private JsonObject bob;
  private BridgeClient socket;

  @BeforeEach
  void start(Vertx vertx) {
    server = await(TestServer.start(vertx, dataDir, new JsonObject().put("maxHandlersPerSocket", 4)));
    api = new Api(vertx, server.port());
    JsonObject created = await(api.createSession("Firewall", "post"));
    code = created.getString("code");
    moderatorToken = created.getString("moderatorToken");
    alice = await(api.join(code, "Alice"));
    bob = await(api.join(code, "Bob"));
    socket = await(BridgeClient.connect(vertx, server.port()));
  }

  @AfterEach
  void stop() {
    socket.close();
    api.close();
    await(server.stop());
  }

  /** Waits until every frame sent so far has been handled, by a command round trip. */
  private void sync() {
    await(socket.command(new JsonObject().put("type", "sync").put("session", code), null));
  }

  /** Asks a visible question and waits until the public push for it has reached the socket, or not. */
  private boolean receivesQuestionOn(String address) {
    String token = alice.getString("token");
    String id = await(api.ask(code, token, "Probe " + ThreadLocalRandom.current().nextInt())).getString("id");
    await(api.moderate(code, moderatorToken, id, new JsonObject().put("highlighted", true)));
    sync();
    return socket.bodiesOn(address).stream().anyMatch(b -> b.getJsonObject("question") != null
        && id.equals(b.getJsonObject("question").getString("id")));
  }

  private long deniedCount() {
    return socket.errors().stream().filter(e -> "access_denied".equals(e.getValue("body"))).count();
  }

  @Test
  @DisplayName("lets anyone listen to a session's public address")
  void publicPermitted(VertxTestContext testContext) {
    socket.register(Addresses.publicOf(code), null);
    sync();
    testContext.verify(() -> {
      assertThat(receivesQuestionOn(Addresses.publicOf(code))).isTrue();
      assertThat(deniedCount()).isZero();
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("refuses the public address of a session that does not exist")
  void publicOfUnknownRefused(VertxTestContext testContext) {
    socket.register(Addresses.publicOf("ZZZZZZ"), null);
    sync();
    testContext.verify(() -> assertThat(deniedCount()).isEqualTo(1));
    testContext.completeNow();
  }

  @Test
  @DisplayName("lets the moderator token listen on the moderator address")
  void moderatorPermitted(VertxTestContext testContext) {
    socket.register(Addresses.moderatorsOf(code), moderatorToken);
    sync();
    testContext.verify(() -> {
      assertThat(receivesQuestionOn(Addresses.moderatorsOf(code))).isTrue();
      assertThat(deniedCount()).isZero();
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("refuses the moderator address to an attendee's token and to no token")
  void moderatorRefused(VertxTestContext testContext) {
    socket.register(Addresses.moderatorsOf(code), alice.getString("token"));
    socket.register(Addresses.moderatorsOf(code), null);
    sync();
    testContext.verify(() -> {
      assertThat(deniedCount()).isEqualTo(2);
      assertThat(receivesQuestionOn(Addresses.moderatorsOf(code))).isFalse();
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("lets a participant listen on their own address")
  void ownParticipantAddressPermitted(VertxTestContext testContext) {
    String address = Addresses.participant(alice.getString("id"));
    socket.register(address, alice.getString("token"));
    sync();
    testContext.verify(() -> {
      assertThat(receivesQuestionOn(address)).isTrue();
      assertThat(deniedCount()).isZero();
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("refuses another participant's address")
  void otherParticipantAddressRefused(VertxTestContext testContext) {
    String address = Addresses.participant(alice.getString("id"));
    socket.register(address, bob.getString("token"));
    socket.register(address, moderatorToken);
    sync();
    testContext.verify(() -> {
      assertThat(deniedCount()).isEqualTo(2);
      assertThat(receivesQuestionOn(address)).isFalse();
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("answers commands sent to openfloor.cmd with a reply")
  void commandsPermitted(VertxTestContext testContext) {
    JsonObject reply = await(socket.command(new JsonObject().put("type", "ask").put("session", code).put("text", "Via bridge"),
        alice.getString("token")));
    testContext.verify(() -> {
      assertThat(reply.getString("type")).isEqualTo("rec");
      assertThat(reply.getJsonObject("body").getString("status")).isEqualTo("visible");
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("answers a refused command with its HTTP status, to the sender only")
  void commandErrors(VertxTestContext testContext) {
    String questionId = await(api.ask(code, bob.getString("token"), "Bob's")).getString("id");
    JsonObject reply = await(socket.command(new JsonObject().put("type", "moderate").put("session", code)
        .put("questionId", questionId).put("status", "hidden"), alice.getString("token")));
    testContext.verify(() -> {
      assertThat(reply.getString("type")).isEqualTo("err");
      assertThat(reply.getInteger("failureCode")).isEqualTo(403);
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("refuses sends and publishes to any other address, 200 random ones and an over-long one")
  void otherAddressesRefused(VertxTestContext testContext) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int attempts = 0;
    for (int i = 0; i < 200; i++) {
      String address = random.nextBoolean() ? "openfloor." + Long.toHexString(random.nextLong()) : "x" + i;
      socket.sendRaw(new JsonObject().put("type", i % 2 == 0 ? "send" : "publish").put("address", address)
          .put("body", new JsonObject()).encode());
      socket.register(address, null);
      attempts += 2;
    }
    socket.sendRaw(new JsonObject().put("type", "publish").put("address", Addresses.publicOf(code))
        .put("body", new JsonObject().put("type", "question")).encode());
    socket.sendRaw(new JsonObject().put("type", "send").put("address", Addresses.moderatorsOf(code))
        .put("replyAddress", "r").put("body", new JsonObject()).encode());
    socket.register("openfloor.session." + "A".repeat(500), null);
    attempts += 3;
    sync();
    int expected = attempts;
    testContext.verify(() -> assertThat(deniedCount()).isEqualTo(expected));
    testContext.completeNow();
  }

  @Test
  @DisplayName("caps the handlers one socket may hold")
  void handlerCap(VertxTestContext testContext) {
    for (int i = 0; i < 6; i++) {
      socket.register(Addresses.publicOf(code), null);
      socket.register(Addresses.participant(alice.getString("id")), alice.getString("token"));
      socket.register(Addresses.moderatorsOf(code), moderatorToken);
    }
    String other = await(api.createSession("Other", "post")).getString("code");
    socket.register(Addresses.publicOf(other), null);
    String third = await(api.createSession("Third", "post")).getString("code");
    socket.register(Addresses.publicOf(third), null);
    sync();
    testContext.verify(() -> assertThat(socket.errors()).extracting(e -> e.getValue("body"))
        .containsExactly("too_many_handlers"));
    testContext.completeNow();
  }

  @Test
  @DisplayName("answers malformed frames with an error and stays usable")
  void malformedFrames(VertxTestContext testContext) {
    socket.sendRaw("{not json");
    socket.sendRaw("[1,2,3]");
    socket.sendRaw(new JsonObject().put("type", 7).encode());
    socket.sendRaw(new JsonObject().put("type", "teleport").encode());
    JsonObject reply = await(socket.command(new JsonObject().put("type", "ask").put("session", code).put("text", "Still here"),
        alice.getString("token")));
    testContext.verify(() -> {
      assertThat(socket.errors()).extracting(e -> e.getValue("body"))
          .containsExactly("invalid_json", "invalid_json", "invalid_type", "invalid_type");
      assertThat(reply.getString("type")).isEqualTo("rec");
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("tells a socket that sends an oversized frame why, then closes it")
  void oversizedFrame(VertxTestContext testContext) {
    socket.sendRaw(new JsonObject().put("type", "ping").put("pad", "x".repeat(40_000)).encode());
    await(socket.closed());
    testContext.verify(() -> assertThat(socket.errors()).extracting(e -> e.getValue("body"))
        .containsExactly("frame_too_large"));
    testContext.completeNow();
  }
}
