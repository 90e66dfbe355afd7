package org.openfloor.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openfloor.pages.Browsers.screenshot;
import static org.openfloor.pages.Browsers.seriousViolations;
import static org.openfloor.pages.Browsers.waitFor;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.testing.Api;
import org.openfloor.testing.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import static org.openfloor.testing.Await.await;

/**
 * Every page under axe-core (no serious or critical violation) in English and Arabic, with the mic
 * queue, polls and questions filled in; the attendee page's weight on a first visit; and the mic
 * queue reordered with the keyboard alone.
 */
@DisplayName("Accessible, light pages in the browser")
class AccessibleLightPagesBrowserTest {
  private static final Duration STEP = Duration.ofSeconds(6);
  private static final long MAX_ATTENDEE_BYTES = 150 * 1024;

  private static Vertx vertx;
  private static TestServer server;
  private static Api api;
  @BeforeAll
  static void startServer(@TempDir Path dataDir) throws Exception {
    Browsers.checkInstalled();
    vertx = Vertx.vertx();
    server = await(TestServer.start(vertx, dataDir));
    api = new Api(vertx, server.port());
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (api != null) {
      api.close();
    }
    if (server != null) {
      await(server.stop());
    }
    if (vertx != null) {
      await(vertx.close());
    }
  }

  @Test
  @DisplayName("axe-core finds no serious or critical violation on any page (and on the attendee page in Arabic too)")
  void noSeriousViolations() throws Exception {
    Busy busy = busySession();
    ChromeDriver phone = Browsers.shared().reused("phone1", 390, 844);
    ChromeDriver laptop = Browsers.shared().reused("desk", 1366, 900);
    ChromeDriver projector = Browsers.shared().reused("screen", 1920, 1080);
    Map<String, List<String>> found = new LinkedHashMap<>();
    for (String lang : List.of("en", "ar")) {
      laptop.get(url("/?lang=" + lang));
      waitFor(laptop, STEP).until(d -> !d.findElement(By.id("join-heading")).getText().isEmpty());
      if (lang.equals("en")) {
        found.put("index " + lang, seriousViolations(laptop));
      }
      screenshot(laptop, "index-" + lang);

      phone.get(url("/attend.html?code=" + busy.code + "&lang=" + lang));
      if (lang.equals("en")) {
        phone.executeScript("localStorage.setItem(arguments[0], arguments[1]);", "openfloor.participant." + busy.code,
            new JsonObject().put("id", busy.attendee.getString("id")).put("token", busy.attendee.getString("token"))
                .put("name", "Amina Diallo").encode());
        phone.navigate().refresh();
      }
      waitFor(phone, STEP).until(ExpectedConditions.textToBePresentInElementLocated(By.id("floor-position"), "3"));
      waitFor(phone, STEP).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#poll-list article")));
      found.put("attend " + lang, seriousViolations(phone));
      screenshot(phone, "attend-" + lang + "-floor");
      fullPage(phone, "attend-" + lang + "-full");

      laptop.get(url("/moderate.html?code=" + busy.code + "&lang=" + lang + "#token=" + busy.moderator));
      waitFor(laptop, STEP).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#waiting-list li[data-id]"), 3));
      waitFor(laptop, STEP).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#poll-admin-list li[data-id]"), 3));
      if (lang.equals("en")) {
        found.put("moderate " + lang, seriousViolations(laptop));
      }
      fullPage(laptop, "moderate-" + lang);

      projector.get(url("/screen.html?code=" + busy.code + "&lang=" + lang));
      waitFor(projector, STEP).until(ExpectedConditions.visibilityOfElementLocated(By.id("screen-clock")));
      waitFor(projector, STEP).until(ExpectedConditions.visibilityOfElementLocated(By.id("screen-poll")));
      if (lang.equals("en")) {
        found.put("screen " + lang, seriousViolations(projector));
      }
      screenshot(projector, "screen-" + lang);
    }
    for (String page : List.of("facilitate", "report")) {
      if (Files.exists(Path.of("webroot", page + ".html"))) {
        laptop.get(url("/" + page + ".html?code=" + busy.code + "&lang=en" + (page.equals("facilitate") ? facilitatorLink(busy) : "")));
        Thread.sleep(800);
        found.put(page + " en", seriousViolations(laptop));
        screenshot(laptop, page + "-en");
      }
    }
    System.out.println("axe serious/critical violations per page: " + found);
    assertThat(found).allSatisfy((page, violations) -> assertThat(violations).as(page).isEmpty());
  }

  @Test
  @DisplayName("the attendee page transfers at most 150 KB on a first visit, everything it loads included")
  void attendeePageIsLight() throws Exception {
    String code = await(api.createSession("Light page", "post")).getString("code");
    ChromeDriver phone = Browsers.shared().phone();
    phone.get(url("/attend.html?code=" + code));
    waitFor(phone, STEP).until(ExpectedConditions.visibilityOfElementLocated(By.id("join-name")));
    waitFor(phone, STEP).until(ExpectedConditions.attributeToBe(By.id("conn"), "data-status", "online"));
    Thread.sleep(300);
    @SuppressWarnings("unchecked")
    Map<String, Object> weight = (Map<String, Object>) phone.executeScript("""
        const nav = performance.getEntriesByType('navigation')[0];
        const resources = performance.getEntriesByType('resource');
        const size = (e) => e.transferSize || e.encodedBodySize || 0;
        return { total: size(nav) + resources.reduce((sum, e) => sum + size(e), 0), count: resources.length + 1,
          items: [nav, ...resources].map((e) => new URL(e.name).pathname + ' ' + size(e)).join(', ') };
        """);
    System.out.println("attendee page, first visit: " + weight);
    assertThat(((Number) weight.get("count")).intValue()).as("page, scripts, styles, messages, snapshot").isGreaterThan(8);
    assertThat(((Number) weight.get("total")).longValue()).as("bytes transferred: %s", weight.get("items"))
        .isPositive().isLessThanOrEqualTo(MAX_ATTENDEE_BYTES);
  }

  @Test
  @DisplayName("with text at 200% the attendee and moderator pages reflow without sideways scrolling")
  void textScalesTo200Percent() throws Exception {
    Busy busy = busySession();
    ChromeDriver phone = Browsers.shared().reused("phone1", 390, 844);
    phone.get(url("/attend.html?code=" + busy.code + "&lang=en"));
    waitFor(phone, STEP).until(ExpectedConditions.visibilityOfElementLocated(By.id("join-name")));
    assertReflowsAtDoubleText(phone, "attend-200pct");
    ChromeDriver laptop = Browsers.shared().reused("desk", 1366, 900);
    laptop.get(url("/moderate.html?code=" + busy.code + "&lang=en#token=" + busy.moderator));
    waitFor(laptop, STEP).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#waiting-list li[data-id]"), 3));
    assertReflowsAtDoubleText(laptop, "moderate-200pct");
  }

  private static void assertReflowsAtDoubleText(ChromeDriver driver, String screenshotName) throws Exception {
    driver.executeScript("document.documentElement.style.fontSize = '200%';");
    Thread.sleep(200);
    Number overflow = (Number) driver.executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    screenshot(driver, screenshotName);
    Object offenders = driver.executeScript("""
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > width + 1)
          .slice(0, 8).map((e) => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
          .join(', ');
        """);
    assertThat(overflow.intValue()).as("horizontal overflow in px at 200%% text; wider elements: %s", offenders)
        .isLessThanOrEqualTo(1);
  }

  @Test
  @DisplayName("on a slow 3G connection the attendee page is ready to join within 10 seconds of a first visit")
  void usableOnSlow3g() throws Exception {
    String code = await(api.createSession("Slow network", "post")).getString("code");
    ChromeDriver phone = Browsers.shared().phone();
    phone.executeCdpCommand("Network.enable", Map.of());
    phone.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
    phone.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 400,
        "downloadThroughput", 400 * 1024 / 8, "uploadThroughput", 400 * 1024 / 8));
    long started = System.nanoTime();
    phone.get(url("/attend.html?code=" + code));
    waitFor(phone, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(By.id("join-name")));
    long readyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    phone.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
        "downloadThroughput", -1, "uploadThroughput", -1));
    assertThat(readyMillis).as("ms until the join form is usable on 400 kbit/s with 400 ms latency").isLessThan(10_000);
  }

  @Test
  @DisplayName("the moderator reorders the mic queue with the keyboard alone, and hears where the speaker went")
  void reorderQueueByKeyboard() throws Exception {
    JsonObject session = await(api.createSession("Keyboard", "post"));
    String code = session.getString("code");
    String moderator = session.getString("moderatorToken");
    for (String name : List.of("Ana Lima", "Ben Osei", "Chloe Martin")) {
      call(HttpMethod.POST, "/api/sessions/" + code + "/queue", await(api.join(code, name)).getString("token"), new JsonObject());
    }
    ChromeDriver laptop = Browsers.shared().reused("desk", 1366, 900);
    laptop.get(url("/moderate.html?code=" + code + "&lang=en#token=" + moderator));
    waitFor(laptop, STEP).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#waiting-list li[data-id]"), 3));
    WebElement target = laptop.findElement(By.cssSelector("#waiting-list li:nth-child(3) .handle"));
    Actions keyboard = new Actions(laptop);
    int presses = 0;
    while (!target.equals(laptop.switchTo().activeElement()) && presses < 150) {
      keyboard.sendKeys(Keys.TAB).perform();
      presses++;
    }
    assertThat(laptop.switchTo().activeElement()).as("the handle is reachable with Tab (%d presses)", presses).isEqualTo(target);
    assertThat(target.getDomAttribute("aria-label")).isEqualTo("Move Chloe Martin, number 3 of 3");

    keyboard.sendKeys(Keys.ARROW_UP).perform();
    waitFor(laptop, STEP).until(d -> names(code, moderator).equals(List.of("Ana Lima", "Chloe Martin", "Ben Osei")));
    waitFor(laptop, STEP).until(ExpectedConditions.textToBe(By.id("announcer"), "Chloe Martin is now number 2 of 3."));
    assertThat(laptop.switchTo().activeElement().getDomAttribute("aria-label")).isEqualTo("Move Chloe Martin, number 2 of 3");

    new Actions(laptop).sendKeys(Keys.ARROW_UP).perform();
    waitFor(laptop, STEP).until(d -> names(code, moderator).equals(List.of("Chloe Martin", "Ana Lima", "Ben Osei")));
    new Actions(laptop).sendKeys(Keys.TAB, Keys.ENTER).perform();
    waitFor(laptop, STEP).until(d -> names(code, moderator).equals(List.of("Ana Lima", "Chloe Martin", "Ben Osei")));
    screenshot(laptop, "moderate-keyboard-reorder");
  }

  /** A session in full swing: questions, a speaker, three waiting, a point of order, three polls. */
  private Busy busySession() throws Exception {
    JsonObject session = await(api.createSession("Concluding session", "post"));
    String code = session.getString("code");
    String moderator = session.getString("moderatorToken");
    String base = "/api/sessions/" + code;
    JsonObject attendee = call(HttpMethod.POST, base + "/participants", null, new JsonObject().put("name", "Amina Diallo")
        .put("affiliation", "Open Networks Association").put("stakeholder", "civil-society"));
    String[][] people = {{"Bo Chen", "academia"}, {"Carla Ruiz", "government"}, {"Dev Patel", "private-sector"}};
    for (String[] person : people) {
      String token = call(HttpMethod.POST, base + "/participants", null, new JsonObject().put("name", person[0])
          .put("affiliation", "Forum member").put("stakeholder", person[1])).getString("token");
      call(HttpMethod.POST, base + "/queue", token, new JsonObject().put("topic", "A point about " + person[1]));
      await(api.ask(code, token, "What comes next for " + person[0] + "?"));
    }
    call(HttpMethod.POST, base + "/queue/next", moderator, new JsonObject());
    call(HttpMethod.POST, base + "/queue", attendee.getString("token"), new JsonObject().put("remote", true));
    String order = call(HttpMethod.POST, base + "/participants", null, new JsonObject().put("name", "Femi Okoro")).getString("token");
    call(HttpMethod.POST, base + "/queue", order, new JsonObject().put("kind", "order"));
    String words = poll(base, moderator, new JsonObject().put("question", "One word for this forum?").put("kind", "words"));
    call(HttpMethod.PUT, base + "/polls/" + words + "/vote", attendee.getString("token"),
        new JsonObject().put("words", new JsonArray().add("inclusive").add("open")));
    call(HttpMethod.PATCH, base + "/polls/" + words, moderator, new JsonObject().put("state", "closed"));
    poll(base, moderator, new JsonObject().put("question", "How useful was today?").put("kind", "rating").put("scale", 5));
    poll(base, moderator, new JsonObject().put("question", "Which topic next?").put("kind", "multi").put("maxChoices", 2)
        .put("options", new JsonArray().add("Access").add("Security").add("Skills")));
    return new Busy(code, moderator, attendee);
  }

  /** The facilitator's part of a link to a new breakout group: {@code &group=…#token=…}. */
  private String facilitatorLink(Busy busy) throws Exception {
    JsonObject group = call(HttpMethod.POST, "/api/sessions/" + busy.code + "/groups", busy.moderator,
        new JsonObject().put("name", "Group A"));
    return "&group=" + group.getString("id") + "#token=" + group.getString("facilitatorToken");
  }

  private String poll(String base, String moderator, JsonObject body) throws Exception {
    String id = call(HttpMethod.POST, base + "/polls", moderator, body).getString("id");
    call(HttpMethod.PATCH, base + "/polls/" + id, moderator, new JsonObject().put("state", "open"));
    return id;
  }

  private record Busy(String code, String moderator, JsonObject attendee) {
  }

  private static List<String> names(String code, String moderator) {
    try {
      return await(api.snapshot(code, moderator)).getJsonObject("queue").getJsonArray("waiting").stream()
          .map(e -> ((JsonObject) e).getString("name")).toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A screenshot of the whole page height, for reviewers. */
  private static void fullPage(ChromeDriver driver, String name) throws Exception {
    Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight;");
    Number width = (Number) driver.executeScript("return window.innerWidth;");
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width.intValue(),
        "height", Math.min(6000, height.intValue()), "deviceScaleFactor", 1, "mobile", width.intValue() < 600));
    screenshot(driver, name);
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width.intValue(),
        "height", width.intValue() < 600 ? 844 : 900, "deviceScaleFactor", 1, "mobile", width.intValue() < 600));
  }

  private static JsonObject call(HttpMethod method, String path, String token, JsonObject body) throws Exception {
    var response = await(api.call(method, path, token, body));
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.bodyAsString()).isBetween(200, 299);
    return response.bodyAsJsonObject();
  }


  private static String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

}
