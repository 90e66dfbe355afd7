package org.openfloor.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openfloor.testing.Await.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.live.wire.Addresses;
import org.openfloor.pages.Browsers;
import org.openfloor.testing.Api;
import org.openfloor.testing.RawWebSocket;
import org.openfloor.testing.ServerProcess;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The packaged jar, run the way the README says: {@code java -jar target/openfloor.jar} in an empty directory
 * with nothing but environment variables. What the tests on the classpath cannot see (a dependency left out of
 * the jar, static files read from the source tree, a warning at start) shows here.
 */
@DisplayName("java -jar target/openfloor.jar")
class JarIT {
  private static final Duration LIVE = Duration.ofSeconds(30);
  private static Vertx vertx;

  @TempDir
  Path work;

  @BeforeAll
  static void vertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void close() {
    await(vertx.close());
  }

  @Test
  @DisplayName("from an empty directory: healthy with version and commit, REST and /ws work, /metrics answers, "
      + "the log is clean")
  void servesFromAnEmptyDirectory() throws Exception {
    Path run = work.resolve("empty");
    int port = ServerProcess.freePort();
    Api api = new Api(vertx, port);
    try (JarProcess server = JarProcess.serve(run, port, Map.of())) {
      JsonObject health = get(api, "/health").bodyAsJsonObject();
      assertThat(health.getString("status")).isEqualTo("ready");
      assertThat(health.getString("log")).isEqualTo("sqlite");
      assertThat(health.getString("version")).isEqualTo(System.getProperty("openfloor.version"));
      assertThat(health.getString("commit")).as("the commit the jar was built from").matches("[0-9a-f]{12}(-dirty)?");

      RawWebSocket ws = await(RawWebSocket.plain(vertx, port));
      String code = await(api.createSession("From the jar", "post")).getString("code");
      ws.register(Addresses.publicOf(code));
      await(ws.command(new JsonObject().put("type", "sync").put("session", code), null));
      String token = await(api.join(code, "Amina")).getString("token");
      JsonObject asked = await(api.ask(code, token, "Does the jar carry everything it needs?"));
      String questionId = asked.getString("id");
      assertThat(questionId).as("the ask's answer: %s", asked).isNotBlank();
      assertThat(await(api.vote(code, token, questionId)).statusCode()).isBetween(200, 299);

      JsonObject pushed = pushed(ws, b -> "question".equals(b.getString("type")));
      assertThat(pushed.getJsonObject("question").getString("text")).isEqualTo("Does the jar carry everything it needs?");
      JsonObject votes = pushed(ws, b -> "votes".equals(b.getString("type"))
          && b.getJsonObject("votes").containsKey(questionId));
      assertThat(votes.getJsonObject("votes").getInteger(questionId)).isEqualTo(1);
      await(ws.close());

      HttpResponse<Buffer> metrics = get(api, "/metrics");
      assertThat(metrics.bodyAsString()).contains("openfloor_commands", "vertx_http_server", "jvm_memory_used_bytes");
      assertThat(run.resolve("data").resolve("openfloor.db")).as("the embedded log under the working directory")
          .isRegularFile();
      server.close();
      assertClean(server.output());
    } finally {
      api.close();
    }
  }

  @Test
  @DisplayName("SIGKILL and a restart on the same data directory keep every acknowledged entry")
  void keepsAcknowledgedEntriesAcrossSigkill() throws Exception {
    Path run = work.resolve("killed");
    int port = ServerProcess.freePort();
    Api api = new Api(vertx, port);
    List<String> acked = new ArrayList<>();
    String code;
    try {
      try (JarProcess server = JarProcess.serve(run, port, Map.of())) {
        code = await(api.createSession("Killed", "post")).getString("code");
        for (int writer = 0; writer < 5; writer++) {
          String token = await(api.join(code, "Writer " + writer)).getString("token");
          for (int i = 0; i < 5; i++) {
            String text = "Acknowledged question " + i + " of writer " + writer;
            HttpResponse<Buffer> answer = await(api.call(HttpMethod.POST, "/api/sessions/" + code + "/questions",
                token, new JsonObject().put("text", text)));
            assertThat(answer.statusCode()).as("ask %s: %s", text, answer.bodyAsString()).isEqualTo(201);
            acked.add(text);
          }
        }
        assertThat(server.kill()).as("exit status after SIGKILL").isEqualTo(137);
      }
      try (JarProcess restarted = JarProcess.serve(run, port, Map.of())) {
        JsonObject snapshot = await(api.snapshot(code, null));
        List<String> texts = snapshot.getJsonArray("questions").stream()
            .map(q -> ((JsonObject) q).getString("text")).toList();
        assertThat(texts).containsExactlyInAnyOrderElementsOf(acked);
        assertThat(restarted.isAlive()).isTrue();
      }
    } finally {
      api.close();
    }
  }

  @Test
  @DisplayName("the landing page and the attendee page load in headless Chromium, served from the jar")
  void pagesLoadFromTheJar() throws Exception {
    Browsers.checkInstalled();
    Path run = work.resolve("pages");
    int port = ServerProcess.freePort();
    Api api = new Api(vertx, port);
    try (JarProcess server = JarProcess.serve(run, port, Map.of())) {
      assertThat(run.resolve("webroot")).as("no static files in the working directory").doesNotExist();
      WebDriver laptop = Browsers.shared().laptop();
      laptop.get("http://127.0.0.1:" + port + "/?lang=en");
      Browsers.waitFor(laptop, LIVE).until(ExpectedConditions.textToBe(By.id("join-heading"), "Join a session"));
      Browsers.screenshot(laptop, "jar-landing");

      String code = await(api.createSession("Pages from the jar", "post")).getString("code");
      WebDriver phone = Browsers.shared().phone();
      phone.get("http://127.0.0.1:" + port + "/attend.html?code=" + code + "&lang=en");
      Browsers.waitFor(phone, LIVE).until(ExpectedConditions.visibilityOfElementLocated(By.id("join-form")));
      phone.findElement(By.id("join-name")).sendKeys("Amina Diallo");
      phone.findElement(By.id("join-submit")).click();
      Browsers.waitFor(phone, LIVE).until(ExpectedConditions.attributeToBe(By.id("conn"), "data-status", "online"));
      Browsers.screenshot(phone, "jar-attend");
      assertThat(phone.findElement(By.id("session-title")).getText()).isEqualTo("Pages from the jar");
      server.close();
      assertClean(server.output());
    } finally {
      api.close();
    }
  }

  private static HttpResponse<Buffer> get(Api api, String path) {
    HttpResponse<Buffer> response = await(api.call(HttpMethod.GET, path, null, null));
    assertThat(response.statusCode()).as("GET %s: %s", path, response.bodyAsString()).isEqualTo(200);
    return response;
  }

  /** The first pushed body on the socket that matches, waiting up to {@link #LIVE}. */
  private static JsonObject pushed(RawWebSocket ws, Predicate<JsonObject> wanted) {
    long deadline = System.nanoTime() + LIVE.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<JsonObject> body = ws.bridgeMessages().stream().filter(m -> "rec".equals(m.getString("type")))
          .map(m -> m.getJsonObject("body")).filter(wanted).findFirst();
      if (body.isPresent()) {
        return body.get();
      }
      JarProcess.sleep(20);
    }
    throw new AssertionError("no such push within " + LIVE.toSeconds() + " s; received " + ws.received());
  }

  /** The server's whole output: no warning, no error, no stack trace. */
  static void assertClean(String output) {
    assertThat(output.lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")
        || line.startsWith("\tat ") || line.contains("Exception")).toList()).as("the server's output:\n%s", output)
        .isEmpty();
  }
}
