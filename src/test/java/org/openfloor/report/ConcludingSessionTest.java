package org.openfloor.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.testing.Api;
import org.openfloor.testing.TestServer;
import static org.openfloor.testing.Await.await;

@ExtendWith(VertxExtension.class)
@DisplayName("A concluding session from breakout groups to the closed report, through the API")
class ConcludingSessionTest {
  private static final String TITLE = "Forum \"Concluding\" <script>alert('t')</script> & co";
  private static final String SCRIPT = "<script>alert(\"x\")</script>";
  private static final List<String> GROUPS = List.of("Security and safety", "Stability and resilience",
      "Ethics and human rights");
  private static final Set<String> REPORT_TAGS = Set.of("!doctype", "html", "head", "meta", "title", "style", "body",
      "header", "h1", "h2", "h3", "p", "main", "section", "ul", "li", "span", "bdi", "q", "table", "thead", "tbody", "tr",
      "th", "td");

  @TempDir
  Path dataDir;

  private TestServer server;
  private Api api;
  private String code;
  private String moderator;
  private final List<JsonObject> groups = new ArrayList<>();
  private final List<List<JsonObject>> members = new ArrayList<>();

  @BeforeEach
  void start(Vertx vertx) {
    server = await(TestServer.start(vertx, dataDir));
    api = new Api(vertx, server.port());
    JsonObject created = await(api.createSession(TITLE, "post"));
    code = created.getString("code");
    moderator = created.getString("moderatorToken");
  }

  @AfterEach
  void stop() {
    api.close();
    await(server.stop());
  }

  private HttpResponse<Buffer> call(HttpMethod method, String path, String token, JsonObject body) {
    return await(api.call(method, "/api/sessions/" + code + path, token, body));
  }

  private JsonObject ok(int status, HttpMethod method, String path, String token, JsonObject body) {
    HttpResponse<Buffer> response = call(method, path, token, body);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.bodyAsString()).isEqualTo(status);
    return response.bodyAsJsonObject();
  }

  private int status(HttpMethod method, String path, String token, JsonObject body) {
    return call(method, path, token, body).statusCode();
  }

  private String token(int group, int member) {
    return members.get(group).get(member).getString("token");
  }

  private String facilitator(int group) {
    return groups.get(group).getString("facilitatorToken");
  }

  private String groupId(int group) {
    return groups.get(group).getString("id");
  }

  @Test
  @Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
  @DisplayName("runs groups, highlights, briefings, the open floor, a poll, key messages and review, then reports it in four formats")
  void wholeSession(VertxTestContext testContext) {
    testContext.verify(() -> {
      breakOut();
      List<String> highlighted = discussAndHighlight();
      keepNotes();
      reconveneAndOpenTheFloor();
      runPoll();
      List<String> messageIds = writeKeyMessages(highlighted);
      review(messageIds);
      close(messageIds);
      checkJsonReport();
      checkMarkdownReport();
      checkCsvReport();
      checkHtmlReport();
    });
    testContext.completeNow();
  }

  private void breakOut() {
    String[][] people = {
        {"Amina", "Ministry of Digital Affairs", "government"}, {"O'Brien <img src=x onerror=alert(1)>", "NGO \"Rights\"",
        "civil-society"}, {"Chen", "ChipCo", "private-sector"}, {"Dmitri", "IETF", "technical-community"},
        {"Elena", "University", "academia"}, {"Farid", "ITU", "intergovernmental"}};
    for (int g = 0; g < GROUPS.size(); g++) {
      JsonObject group = ok(201, HttpMethod.POST, "/groups", moderator,
          new JsonObject().put("name", GROUPS.get(g)).put("facilitatorName", "Facilitator <b>" + g + "</b>"));
      assertThat(group.getString("facilitatorToken")).isNotBlank();
      assertThat(group.getJsonObject("links").getString("facilitator"))
          .contains("/facilitate.html?code=" + code).contains("#token=" + group.getString("facilitatorToken"));
      groups.add(group);
      List<JsonObject> joined = new ArrayList<>();
      for (int m = 0; m < 2; m++) {
        String[] person = people[g * 2 + m];
        joined.add(ok(201, HttpMethod.POST, "/participants", null, new JsonObject().put("name", person[0])
            .put("affiliation", person[1]).put("stakeholder", person[2]).put("groupId", group.getString("id"))));
      }
      members.add(joined);
    }
    assertThat(status(HttpMethod.POST, "/groups", facilitator(0), new JsonObject().put("name", "Mine"))).isEqualTo(403);
    assertThat(status(HttpMethod.POST, "/participants", null, new JsonObject().put("groupId", "g999"))).isEqualTo(404);
    JsonObject moved = ok(200, HttpMethod.PATCH, "/participants/me", token(0, 1), new JsonObject().put("groupId", groupId(1)));
    assertThat(moved.getString("groupId")).isEqualTo(groupId(1));
    ok(200, HttpMethod.PATCH, "/participants/me", token(0, 1), new JsonObject().put("groupId", groupId(0)));
    JsonArray snapshotGroups = await(api.snapshot(code, null)).getJsonArray("groups");
    assertThat(snapshotGroups.stream().map(g -> ((JsonObject) g).getString("name")).toList()).isEqualTo(GROUPS);
  }

  /** Each member comments in their group; votes go across; each facilitator highlights their top comment. */
  private List<String> discussAndHighlight() {
    List<String> highlighted = new ArrayList<>();
    for (int g = 0; g < GROUPS.size(); g++) {
      JsonObject first = ok(201, HttpMethod.POST, "/questions", token(g, 0),
          new JsonObject().put("text", "Point from " + GROUPS.get(g) + " " + SCRIPT));
      JsonObject second = ok(201, HttpMethod.POST, "/questions", token(g, 1),
          new JsonObject().put("text", "Anonymous worry in " + GROUPS.get(g)).put("anonymous", true));
      assertThat(first.getString("groupId")).isEqualTo(groupId(g));
      for (int voter = 0; voter < GROUPS.size(); voter++) {
        ok(200, HttpMethod.PUT, "/questions/" + first.getString("id") + "/vote", token(voter, 1), null);
      }
      ok(200, HttpMethod.PUT, "/questions/" + second.getString("id") + "/vote", token(g, 0), null);
      JsonObject marked = ok(200, HttpMethod.PATCH, "/questions/" + first.getString("id"), facilitator(g),
          new JsonObject().put("highlighted", true));
      assertThat(marked.getBoolean("highlighted")).isTrue();
      if (g == 0) {
        ok(200, HttpMethod.PATCH, "/questions/" + second.getString("id"), facilitator(g),
            new JsonObject().put("status", "hidden"));
      } else {
        ok(200, HttpMethod.PATCH, "/questions/" + second.getString("id"), facilitator(g),
            new JsonObject().put("highlighted", true));
        highlighted.add(second.getString("id"));
      }
      int other = (g + 1) % GROUPS.size();
      assertThat(status(HttpMethod.PATCH, "/questions/" + first.getString("id"), facilitator(other),
          new JsonObject().put("status", "hidden"))).isEqualTo(403);
      highlighted.add(0, first.getString("id"));
    }
    JsonObject facilitatorView = await(api.snapshot(code, facilitator(0)));
    assertThat(facilitatorView.getString("role")).isEqualTo("facilitator");
    assertThat(facilitatorView.getJsonObject("group").getString("id")).isEqualTo(groupId(0));
    assertThat(facilitatorView.getJsonArray("questions").stream().map(q -> ((JsonObject) q).getString("status")))
        .contains("hidden");
    return highlighted;
  }

  private void keepNotes() {
    JsonObject notes = ok(200, HttpMethod.PUT, "/groups/" + groupId(0) + "/notes", facilitator(0),
        new JsonObject().put("text", "Audits\nBudgets"));
    assertThat(notes.getString("text")).isEqualTo("Audits\nBudgets");
    assertThat(status(HttpMethod.PUT, "/groups/" + groupId(0) + "/notes", facilitator(1),
        new JsonObject().put("text", "x"))).isEqualTo(403);
    assertThat(await(api.snapshot(code, moderator)).getJsonObject("notes").getJsonObject(groupId(0))
        .getString("text")).isEqualTo("Audits\nBudgets");
    assertThat(await(api.snapshot(code, null)).containsKey("notes")).isFalse();
  }

  private void reconveneAndOpenTheFloor() {
    assertThat(status(HttpMethod.POST, "/queue/briefings", facilitator(0), new JsonObject())).isEqualTo(403);
    ok(201, HttpMethod.POST, "/queue/briefings", moderator, new JsonObject().put("limitSeconds", 300));
    JsonArray waiting = await(api.snapshot(code, null)).getJsonObject("queue").getJsonArray("waiting");
    assertThat(waiting).hasSize(3);
    for (int g = 0; g < GROUPS.size(); g++) {
      JsonObject entry = waiting.getJsonObject(g);
      assertThat(entry.getBoolean("briefing")).isTrue();
      assertThat(entry.getString("groupName")).isEqualTo(GROUPS.get(g));
      assertThat(entry.getString("name")).isEqualTo("Facilitator <b>" + g + "</b>");
      assertThat(entry.getInteger("limitSeconds")).isEqualTo(300);
    }
    for (int g = 0; g < GROUPS.size(); g++) {
      ok(200, HttpMethod.POST, "/queue/next", moderator, null);
    }
    ok(201, HttpMethod.POST, "/queue", token(0, 1), new JsonObject().put("topic", "Funding " + SCRIPT));
    ok(201, HttpMethod.POST, "/queue", token(2, 1), new JsonObject().put("topic", "Capacity"));
    ok(200, HttpMethod.POST, "/queue/next", moderator, null);
    ok(200, HttpMethod.POST, "/queue/next", moderator, null);
    ok(200, HttpMethod.POST, "/queue/timer", moderator, new JsonObject().put("action", "finish"));
  }

  private void runPoll() {
    String pollId = ok(201, HttpMethod.POST, "/polls", moderator, new JsonObject().put("question", "Priority <i>now</i>?")
        .put("kind", "single").put("options", new JsonArray().add("Audits").add("Funding \"now\"")).put("showResults", "closed"))
        .getString("id");
    ok(200, HttpMethod.PATCH, "/polls/" + pollId, moderator, new JsonObject().put("state", "open"));
    for (int g = 0; g < GROUPS.size(); g++) {
      ok(200, HttpMethod.PUT, "/polls/" + pollId + "/vote", token(g, 0),
          new JsonObject().put("choices", new JsonArray().add(g == 0 ? "o2" : "o1")));
    }
    ok(200, HttpMethod.PATCH, "/polls/" + pollId, moderator, new JsonObject().put("state", "closed"));
    ok(201, HttpMethod.POST, "/polls", moderator, new JsonObject().put("question", "Draft never shown")
        .put("kind", "single").put("options", new JsonArray().add("a").add("b")));
  }

  private List<String> writeKeyMessages(List<String> highlighted) {
    List<String> ids = new ArrayList<>();
    for (int g = 0; g < GROUPS.size(); g++) {
      JsonObject message = ok(201, HttpMethod.POST, "/messages", facilitator(g), new JsonObject()
          .put("text", "Key message of " + GROUPS.get(g) + " " + SCRIPT)
          .put("questionIds", new JsonArray().add(highlighted.get(GROUPS.size() - 1 - g))));
      assertThat(message.getString("groupId")).isEqualTo(groupId(g));
      ids.add(message.getString("id"));
    }
    assertThat(status(HttpMethod.POST, "/messages", facilitator(0),
        new JsonObject().put("text", "Not mine").put("groupId", groupId(1)))).isEqualTo(403);
    assertThat(status(HttpMethod.POST, "/messages", token(0, 0), new JsonObject().put("text", "Me too"))).isEqualTo(403);
    ids.add(ok(201, HttpMethod.POST, "/messages", moderator, new JsonObject().put("text", "Plenary: 'follow up'"))
        .getString("id"));
    JsonObject edited = ok(200, HttpMethod.PATCH, "/messages/" + ids.get(0), facilitator(0),
        new JsonObject().put("text", "Independent audits " + SCRIPT));
    assertThat(edited.getString("text")).isEqualTo("Independent audits " + SCRIPT);
    assertThat(status(HttpMethod.PATCH, "/messages/" + ids.get(0), facilitator(1),
        new JsonObject().put("text", "x"))).isEqualTo(403);
    assertThat(status(HttpMethod.POST, "/messages/" + ids.get(0) + "/comments", token(0, 0),
        new JsonObject().put("text", "Too early"))).isEqualTo(409);
    return ids;
  }

  private void review(List<String> messageIds) {
    ok(200, HttpMethod.PATCH, "", moderator, new JsonObject().put("phase", "review").put("reviewUntil", 1_900_000_000_000L));
    assertThat(status(HttpMethod.POST, "/questions", token(0, 0), new JsonObject().put("text", "Late"))).isEqualTo(409);
    ok(201, HttpMethod.POST, "/messages/" + messageIds.get(0) + "/comments", token(1, 0),
        new JsonObject().put("text", "Please add \"funding\" " + SCRIPT));
    JsonObject commented = ok(201, HttpMethod.POST, "/messages/" + messageIds.get(3) + "/comments", token(2, 0),
        new JsonObject().put("text", "Agreed"));
    assertThat(commented.getJsonArray("comments")).hasSize(1);
    ok(200, HttpMethod.PATCH, "/messages/" + messageIds.get(3), moderator, new JsonObject().put("text", "Plenary: follow up yearly"));
  }

  private void close(List<String> messageIds) {
    ok(200, HttpMethod.PATCH, "", moderator, new JsonObject().put("phase", "closed"));
    assertThat(status(HttpMethod.POST, "/messages/" + messageIds.get(0) + "/comments", token(1, 0),
        new JsonObject().put("text", "Too late"))).isEqualTo(409);
    assertThat(status(HttpMethod.PATCH, "/messages/" + messageIds.get(0), moderator,
        new JsonObject().put("text", "Too late"))).isEqualTo(409);
  }

  private HttpResponse<Buffer> report(String query) {
    HttpResponse<Buffer> response = call(HttpMethod.GET, "/report?" + query, null, null);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response;
  }

  private void checkJsonReport() {
    HttpResponse<Buffer> response = report("format=json");
    assertThat(response.getHeader("Content-Disposition"))
        .isEqualTo("attachment; filename=\"openfloor-" + code + "-report.json\"");
    JsonObject json = response.bodyAsJsonObject();
    JsonObject snapshot = await(api.snapshot(code, null));
    assertThat(json.getString("title")).isEqualTo(snapshot.getString("title"));
    assertThat(json.getString("phase")).isEqualTo("closed");
    JsonArray sections = json.getJsonArray("sections");
    assertThat(sections.stream().map(s -> ((JsonObject) s).getString("name")).toList())
        .containsExactly(GROUPS.get(0), GROUPS.get(1), GROUPS.get(2), "");
    for (Object item : snapshot.getJsonArray("messages")) {
      JsonObject message = (JsonObject) item;
      JsonObject reported = messageIn(sections, message.getString("id"));
      assertThat(reported.getString("text")).isEqualTo(message.getString("text"));
      assertThat(reported.getJsonArray("questionIds")).isEqualTo(message.getJsonArray("questionIds"));
      assertThat(reported.getJsonArray("comments").size()).isEqualTo(message.getJsonArray("comments").size());
    }
    Set<String> highlightedInState = snapshot.getJsonArray("questions").stream().map(q -> (JsonObject) q)
        .filter(q -> q.getBoolean("highlighted")).map(q -> q.getString("id")).collect(Collectors.toSet());
    Set<String> highlightedInReport = sections.stream().flatMap(s -> ((JsonObject) s).getJsonArray("highlighted").stream())
        .map(q -> ((JsonObject) q).getString("id")).collect(Collectors.toSet());
    assertThat(highlightedInReport).isEqualTo(highlightedInState).hasSize(5);
    JsonArray floor = json.getJsonArray("floor");
    assertThat(floor.stream().map(s -> ((JsonObject) s).getString("kind")).toList())
        .containsExactly("briefing", "briefing", "briefing", "speak", "speak");
    assertThat(floor.getJsonObject(0).getString("group")).isEqualTo(GROUPS.get(0));
    assertThat(json.getJsonObject("balance").getJsonObject("total").getInteger("turns")).isEqualTo(2);
    assertThat(json.getJsonArray("polls")).hasSize(1);
    assertThat(json.getJsonArray("polls").getJsonObject(0).getInteger("total")).isEqualTo(3);
    assertThat(json.getJsonArray("reviewComments")).hasSize(2);
    assertThat(json.encode()).doesNotContain("Draft never shown").doesNotContain("Anonymous worry in " + GROUPS.get(0));
  }

  private static JsonObject messageIn(JsonArray sections, String id) {
    return sections.stream().flatMap(s -> ((JsonObject) s).getJsonArray("messages").stream()).map(m -> (JsonObject) m)
        .filter(m -> m.getString("id").equals(id)).findFirst().orElseThrow();
  }

  private void checkMarkdownReport() {
    HttpResponse<Buffer> response = report("format=md");
    assertThat(response.getHeader("Content-Type")).startsWith("text/markdown");
    assertThat(response.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"openfloor-" + code + "-report.md\"");
    String markdown = response.bodyAsString();
    GROUPS.forEach(name -> assertThat(markdown).contains("\n## " + name + "\n"));
    assertThat(markdown).contains("\n## Plenary\n", "\n## Open floor\n", "\n## Poll results\n", "\n## Review comments\n",
        "### Key messages", "### Highlighted comments", "Final report");
    assertThat(markdown).doesNotContain("<script>").contains("\\<script\\>");
    assertThat(report("format=md&lang=fr").bodyAsString()).contains("## Messages clés", "## Plénière");
  }

  private void checkCsvReport() {
    HttpResponse<Buffer> response = report("format=csv");
    assertThat(response.getHeader("Content-Type")).startsWith("text/csv");
    List<List<String>> rows = Rfc4180.parse(response.bodyAsString());
    JsonObject json = report("format=json").bodyAsJsonObject();
    int messages = 0;
    int highlighted = 0;
    for (Object section : json.getJsonArray("sections")) {
      messages += ((JsonObject) section).getJsonArray("messages").size();
      highlighted += ((JsonObject) section).getJsonArray("highlighted").size();
    }
    int pollRows = json.getJsonArray("polls").stream().mapToInt(p -> ((JsonObject) p).getJsonArray("results").size()).sum();
    int stakeholders = 2;
    assertThat(rows).hasSize(1 + messages + highlighted + json.getJsonArray("floor").size() + stakeholders + pollRows
        + json.getJsonArray("reviewComments").size());
    assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(rows.get(0).size()));
    assertThat(rows.get(0)).startsWith("section", "group", "kind", "id", "text", "author");
    assertThat(rows).anySatisfy(row -> assertThat(row).containsSequence("review", "", "comment")
        .contains("Please add \"funding\" " + SCRIPT));
    assertThat(rows).anySatisfy(row -> assertThat(row).contains("O'Brien <img src=x onerror=alert(1)>", "NGO \"Rights\""));
  }

  private void checkHtmlReport() {
    HttpResponse<Buffer> response = report("format=html");
    assertThat(response.getHeader("Content-Disposition")).startsWith("inline;");
    assertThat(report("format=html&download=1").getHeader("Content-Disposition"))
        .isEqualTo("attachment; filename=\"openfloor-" + code + "-report.html\"");
    String html = response.bodyAsString();
    assertThat(html).doesNotContain("<script", "<img", "<b>", "<i>", "\"Concluding\"", "\"funding\"");
    assertThat(html).contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;", "Forum &quot;Concluding&quot;",
        "O&#39;Brien &lt;img src=x onerror=alert(1)&gt;", "@media print");
    Matcher tags = Pattern.compile("<(/?)([a-zA-Z0-9!]+)").matcher(html);
    while (tags.find()) {
      assertThat(REPORT_TAGS).contains(tags.group(2).toLowerCase());
    }
    String arabic = report("format=html&lang=ar").bodyAsString();
    assertThat(arabic).contains("dir=\"rtl\"", "lang=\"ar\"", "الرسائل الرئيسية");
    assertThat(call(HttpMethod.GET, "/report?format=pdf", null, null).statusCode()).isEqualTo(400);
  }
}
