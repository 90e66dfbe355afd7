package org.openfloor.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;

import java.nio.file.Path;
import java.util.List;

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

/** The bridge firewall on a breakout group's address: its facilitator and the moderator only. */
@ExtendWith(VertxExtension.class)
@DisplayName("The bridge firewall on a group's address")
class GroupAddressFirewallTest {
  @TempDir
  Path dataDir;

  private TestServer server;
  private Api api;
  private String code;
  private String moderatorToken;
  private JsonObject groupA;
  private JsonObject groupB;
  private JsonObject alice;
  private BridgeClient socket;

  @BeforeEach
  void start(Vertx vertx) {
    server = await(TestServer.start(vertx, dataDir, new JsonObject().put("maxHandlersPerSocket", 4)));
    api = new Api(vertx, server.port());
    JsonObject created = await(api.createSession("Groups", "pre"));
    code = created.getString("code");
    moderatorToken = created.getString("moderatorToken");
    groupA = post("/groups", moderatorToken, new JsonObject().put("name", "Security"));
    groupB = post("/groups", moderatorToken, new JsonObject().put("name", "Ethics"));
    alice = post("/participants", null, new JsonObject().put("name", "Alice").put("groupId", groupA.getString("id")));
    socket = await(BridgeClient.connect(vertx, server.port()));
  }

  @AfterEach
  void stop() {
    socket.close();
    api.close();
    await(server.stop());
  }

  private JsonObject post(String path, String token, JsonObject body) {
    HttpResponse<?> response = await(api.call(HttpMethod.POST, "/api/sessions/" + code + path, token, body));
    assertThat(response.statusCode()).as(response.bodyAsString()).isBetween(200, 299);
    return response.bodyAsJsonObject();
  }

  private String address(JsonObject group) {
    return Addresses.groupOf(code, group.getString("id"));
  }

  private void sync() {
    await(socket.command(new JsonObject().put("type", "sync").put("session", code), null));
  }

  /** Alice asks in group A (pending, pre-moderated), the moderator hides it; the id of the question. */
  private String askAndHideInGroupA() {
    String id = post("/questions", alice.getString("token"), new JsonObject().put("text", "Who audits the auditors?"))
        .getString("id");
    await(api.moderate(code, moderatorToken, id, new JsonObject().put("status", "hidden")));
    sync();
    return id;
  }

  private List<String> statusesOn(String address, String questionId) {
    return socket.bodiesOn(address).stream().filter(b -> b.getJsonObject("question") != null
        && questionId.equals(b.getJsonObject("question").getString("id")))
        .map(b -> b.getJsonObject("question").getString("status")).toList();
  }

  private long deniedCount() {
    return socket.errors().stream().filter(e -> "access_denied".equals(e.getValue("body"))).count();
  }

  @Test
  @DisplayName("lets group A's facilitator listen on A's address: pending and hidden items and notes arrive live")
  void facilitatorPermittedOnOwnGroup(VertxTestContext testContext) {
    String facilitator = groupA.getString("facilitatorToken");
    socket.register(address(groupA), facilitator);
    sync();
    String id = askAndHideInGroupA();
    await(api.call(HttpMethod.PUT, "/api/sessions/" + code + "/groups/" + groupA.getString("id") + "/notes", facilitator,
        new JsonObject().put("text", "Three points so far")));
    sync();
    testContext.verify(() -> {
      assertThat(deniedCount()).isZero();
      assertThat(statusesOn(address(groupA), id)).containsExactly("pending", "hidden");
      assertThat(socket.bodiesOn(address(groupA))).filteredOn(b -> "notes".equals(b.getString("type")))
          .extracting(b -> b.getJsonObject("notes").getString("text")).containsExactly("Three points so far");
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("lets the moderator listen on any group's address")
  void moderatorPermitted(VertxTestContext testContext) {
    socket.register(address(groupA), moderatorToken);
    sync();
    String id = askAndHideInGroupA();
    testContext.verify(() -> {
      assertThat(deniedCount()).isZero();
      assertThat(statusesOn(address(groupA), id)).containsExactly("pending", "hidden");
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("refuses A's address to B's facilitator, an attendee of A and no token")
  void othersRefused(VertxTestContext testContext) {
    socket.register(address(groupA), groupB.getString("facilitatorToken"));
    socket.register(address(groupA), alice.getString("token"));
    socket.register(address(groupA), null);
    sync();
    String id = askAndHideInGroupA();
    testContext.verify(() -> {
      assertThat(deniedCount()).isEqualTo(3);
      assertThat(statusesOn(address(groupA), id)).isEmpty();
    });
    testContext.completeNow();
  }

  @Test
  @DisplayName("refuses malformed group addresses and the address of a group in an unknown session")
  void malformedRefused(VertxTestContext testContext) {
    String facilitator = groupA.getString("facilitatorToken");
    socket.register(Addresses.publicOf(code) + ".group.", facilitator);
    socket.register(Addresses.publicOf(code) + ".group.x1", facilitator);
    socket.register(address(groupA) + ".mod", facilitator);
    socket.register(Addresses.groupOf("ZZZZZZ", groupA.getString("id")), facilitator);
    sync();
    testContext.verify(() -> assertThat(deniedCount()).isEqualTo(4));
    testContext.completeNow();
  }

  @Test
  @DisplayName("a facilitator resuming with their token gets what they missed on their group's address")
  void resumeCoversGroupAddress(VertxTestContext testContext) {
    long before = await(api.snapshot(code, moderatorToken)).getLong("seq");
    String id = askAndHideInGroupA();
    JsonArray forA = events(groupA.getString("facilitatorToken"), before);
    JsonArray forB = events(groupB.getString("facilitatorToken"), before);
    testContext.verify(() -> {
      assertThat(forA.stream().map(e -> ((JsonObject) e).getString("address")).distinct())
          .containsExactly(address(groupA));
      assertThat(forA.stream().map(e -> ((JsonObject) e).getJsonObject("body").getJsonObject("question"))
          .map(q -> q.getString("id") + " " + q.getString("status"))).containsExactly(id + " pending", id + " hidden");
      assertThat(forB).isEmpty();
    });
    testContext.completeNow();
  }

  private JsonArray events(String token, long after) {
    return await(api.call(HttpMethod.GET, "/api/sessions/" + code + "/events?after=" + after, token, null))
        .bodyAsJsonObject().getJsonArray("events");
  }
}
