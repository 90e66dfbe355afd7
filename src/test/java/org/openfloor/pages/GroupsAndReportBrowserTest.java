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
import java.nio.file.StandardCopyOption;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import static org.openfloor.testing.Await.await;

/**
 * From breakout groups to the published report in real headless Chromium windows: the moderator's
 * console, a facilitator's console opened from the link the console showed, an attendee's phone and
 * the report page; then axe-core and screenshots of those pages in English and Arabic.
 */
@DisplayName("Breakout groups, key messages and the report in the browser")
class GroupsAndReportBrowserTest {
  private static final Duration LIVE = Duration.ofSeconds(2);
  private static final Duration STEP = Duration.ofSeconds(6);
  private static final String GROUP = "Security and safety";
  private static final String QUESTION = "Who audits the auditors of AI systems?";
  private static final String MESSAGE = "Audits of AI systems must be independent and published.";
  private static final String COMMENT = "Add that small countries need help to run such audits.";

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

  private static ChromeDriver desk() {
    return Browsers.shared().reused("desk", 1366, 900);
  }

  private static ChromeDriver facilitatorWindow() {
    return Browsers.shared().reused("facilitator", 1280, 900);
  }

  private static ChromeDriver phone() {
    return Browsers.shared().reused("phone1", 390, 844);
  }

  @Test
  @DisplayName("a facilitator highlights a comment and it appears in the report page, with the key message and its review comment")
  void highlightedCommentReachesTheReport() throws Exception {
    JsonObject session = await(api.createSession("Concluding session", "pre"));
    String code = session.getString("code");
    ChromeDriver desk = desk();
    desk.get(url("/moderate.html?code=" + code + "&lang=en#token=" + session.getString("moderatorToken")));
    waitFor(desk, STEP).until(ExpectedConditions.visibilityOfElementLocated(By.id("group-name"))).sendKeys(GROUP);
    desk.findElement(By.id("group-facilitator")).sendKeys("Fatima Zahra");
    desk.findElement(By.id("group-create")).click();
    String link = waitFor(desk, STEP).until(ExpectedConditions.visibilityOfElementLocated(By.id("group-link"))).getText();
    assertThat(link).contains("/facilitate.html?code=" + code).contains("#token=");
    assertThat(desk.findElement(By.id("group-link-label")).getText()).startsWith("Facilitator link for " + GROUP);
    waitFor(desk, LIVE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("group-list"), "Fatima Zahra"));

    ChromeDriver facilitator = facilitatorWindow();
    facilitator.get(link);
    waitFor(facilitator, STEP).until(ExpectedConditions.textToBe(By.id("group-name"), GROUP));
    waitFor(facilitator, STEP).until(ExpectedConditions.attributeToBe(By.id("conn"), "data-status", "online"));

    ChromeDriver phone = phone();
    phone.get(url("/attend.html?code=" + code + "&lang=en"));
    waitFor(phone, STEP).until(ExpectedConditions.visibilityOfElementLocated(By.id("join-group")));
    phone.findElement(By.id("join-name")).sendKeys("Amina Diallo");
    phone.findElement(By.id("join-affiliation")).sendKeys("Open Networks Association");
    new Select(phone.findElement(By.id("join-group"))).selectByVisibleText(GROUP);
    phone.findElement(By.id("join-submit")).click();
    waitFor(phone, STEP).until(ExpectedConditions.textToBe(By.id("my-group"), "Your group: " + GROUP));
    phone.findElement(By.id("ask-text")).sendKeys(QUESTION);
    phone.findElement(By.id("ask-submit")).click();

    By pending = By.cssSelector("#comment-list li[data-id]");
    WebElement item = waitFor(facilitator, LIVE).until(ExpectedConditions.visibilityOfElementLocated(pending));
    assertThat(item.getText()).as("the pending comment arrives live on the group's address").contains(QUESTION, "Waiting");
    clickButton(facilitator, "#comment-list li[data-id]", "Approve");
    waitFor(facilitator, LIVE).until(d -> d.findElement(pending).getText().contains("Highlight"));
    clickButton(facilitator, "#comment-list li[data-id]", "Highlight");
    waitFor(facilitator, LIVE).until(d -> d.findElement(pending).getText().contains("Highlighted"));
    waitFor(facilitator, LIVE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("top-list"), QUESTION));
    screenshot(facilitator, "facilitate-flow-en");

    String groupId = link.replaceAll(".*[?&]group=([^#&]+).*", "$1");
    waitFor(desk, LIVE).until(d -> new Select(d.findElement(By.id("message-group"))).getOptions().size() == 2);
    new Select(desk.findElement(By.id("message-group"))).selectByValue(groupId);
    WebElement source = waitFor(desk, LIVE).until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("#message-source-list input[type=checkbox]")));
    source.click();
    desk.findElement(By.id("message-text")).sendKeys(MESSAGE);
    desk.findElement(By.id("message-submit")).click();
    waitFor(desk, LIVE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message-list"), MESSAGE));
    assertThat(desk.findElement(By.id("message-list")).getText()).contains(GROUP, "Drawn from 1 comment");
    desk.findElement(By.id("review-open")).click();
    waitFor(desk, LIVE).until(ExpectedConditions.visibilityOfElementLocated(By.id("session-close")));
    assertThat(desk.findElement(By.id("phase-badge")).getText()).isEqualTo("Review");

    WebElement toReport = waitFor(phone, LIVE).until(ExpectedConditions.visibilityOfElementLocated(By.id("report-notice-link")));
    assertThat(phone.findElement(By.id("report-notice-text")).getText()).startsWith("The draft key messages are open for your comments until");
    toReport.click();
    WebElement comment = waitFor(phone, STEP).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#sections form.comment-form textarea")));
    assertThat(phone.findElement(By.id("report-status")).getText()).contains("Draft open for comments until");
    comment.sendKeys(COMMENT);
    phone.findElement(By.cssSelector("#sections form.comment-form button[type=submit]")).click();
    waitFor(phone, STEP).until(ExpectedConditions.textToBe(By.id("report-message"), "Your comment was sent."));
    waitFor(desk, LIVE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message-list"), COMMENT));

    desk.findElement(By.id("session-close")).click();
    assertThat(desk.findElement(By.id("close-confirm-text")).getText()).startsWith("Closing makes the report final");
    assertThat(desk.switchTo().activeElement().getDomAttribute("id")).as("the safe choice has the focus").isEqualTo("close-no");
    desk.findElement(By.id("close-yes")).click();
    waitFor(desk, LIVE).until(ExpectedConditions.textToBe(By.id("phase-badge"), "Closed"));

    phone.navigate().refresh();
    waitFor(phone, STEP).until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-status"), "Final report"));
    String sections = phone.findElement(By.id("sections")).getText();
    assertThat(sections).contains(GROUP, "Facilitator: Fatima Zahra", MESSAGE, QUESTION, "Amina Diallo, Open Networks Association",
        COMMENT);
    assertThat(phone.findElements(By.cssSelector("form.comment-form"))).as("read-only once closed").isEmpty();
    assertThat(phone.findElement(By.id("download-csv")).getDomAttribute("href")).contains("format=csv", "download=1");
    screenshot(phone, "report-closed-phone-en");
  }

  @Test
  @DisplayName("axe-core finds no serious or critical violation on the groups, messages, facilitator, attendee and report pages in English and Arabic")
  void groupPagesAreAccessible() throws Exception {
    Reviewed session = reviewedSession();
    ChromeDriver desk = desk();
    ChromeDriver facilitator = facilitatorWindow();
    ChromeDriver phone = phone();
    Map<String, List<String>> found = new LinkedHashMap<>();
    for (String lang : List.of("en", "ar")) {
      desk.get(url("/moderate.html?code=" + session.code + "&lang=" + lang + "#token=" + session.moderator));
      waitFor(desk, STEP).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#message-list li[data-id]"), 1));
      waitFor(desk, STEP).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#group-list li[data-id]"), 2));
      found.put("moderate " + lang, seriousViolations(desk));
      element(desk, "#groups-card", "moderate-groups-" + lang);
      element(desk, "#messages-card", "moderate-messages-" + lang);
      element(desk, "#review-card", "moderate-review-" + lang);

      facilitator.get(url(session.facilitatorLink.replace("?code=", "?lang=" + lang + "&code=")));
      waitFor(facilitator, STEP).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#comment-list li[data-id]"), 3));
      found.put("facilitate " + lang, seriousViolations(facilitator));
      screenshot(facilitator, "facilitate-" + lang);

      phone.get(url("/attend.html?code=" + session.code + "&lang=" + lang));
      if (lang.equals("en")) {
        phone.executeScript("localStorage.setItem(arguments[0], arguments[1]);", "openfloor.participant." + session.code,
            new JsonObject().put("id", session.attendee.getString("id")).put("token", session.attendee.getString("token"))
                .put("name", "Amina Diallo").encode());
        phone.navigate().refresh();
      }
      waitFor(phone, STEP).until(ExpectedConditions.visibilityOfElementLocated(By.id("report-notice-link")));
      found.put("attend " + lang, seriousViolations(phone));
      screenshot(phone, "attend-review-" + lang);

      phone.get(url("/report.html?code=" + session.code + "&lang=" + lang));
      waitFor(phone, STEP).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.comment-form textarea")));
      found.put("report " + lang, seriousViolations(phone));
      screenshot(phone, "report-review-phone-" + lang);
      desk.get(url("/report.html?code=" + session.code + "&lang=" + lang));
      waitFor(desk, STEP).until(ExpectedConditions.visibilityOfElementLocated(By.id("sections")));
      fullPage(desk, "report-" + lang);
    }
    System.out.println("axe serious/critical violations on group pages: " + found);
    assertThat(found).allSatisfy((page, violations) -> assertThat(violations).as(page).isEmpty());
  }

  @Test
  @DisplayName("a moderator's or facilitator's link signs in once: the token leaves the address bar and a reload keeps them signed in")
  void tokenLinksSurviveAReload() throws Exception {
    JsonObject session = await(api.createSession("Reloaded session", "post"));
    String code = session.getString("code");
    String moderator = session.getString("moderatorToken");
    JsonObject group = call(HttpMethod.POST, "/api/sessions/" + code + "/groups", moderator, new JsonObject().put("name", GROUP));
    ChromeDriver desk = desk();
    desk.get(url("/moderate.html?code=" + code + "&lang=en#token=" + moderator));
    ChromeDriver facilitator = facilitatorWindow();
    facilitator.get(url(group.getJsonObject("links").getString("facilitator")));
    for (ChromeDriver window : List.of(desk, facilitator)) {
      waitFor(window, STEP).until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
      String address = window.getCurrentUrl();
      assertThat(address).as("the token leaves the address bar").contains("code=" + code).doesNotContain("token");
      window.navigate().refresh();
      waitFor(window, STEP).until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
      waitFor(window, STEP).until(ExpectedConditions.attributeToBe(By.id("conn"), "data-status", "online"));
      assertThat(window.getCurrentUrl()).isEqualTo(address);
      assertThat(window.findElement(By.id("fatal")).getText()).as("still signed in after a reload").isEmpty();
    }
  }

  /** Two groups with comments (pending, hidden, highlighted), a key message with a review comment, in review. */
  private Reviewed reviewedSession() throws Exception {
    JsonObject session = await(api.createSession("Concluding session", "pre"));
    String code = session.getString("code");
    String moderator = session.getString("moderatorToken");
    String base = "/api/sessions/" + code;
    JsonObject security = call(HttpMethod.POST, base + "/groups", moderator,
        new JsonObject().put("name", GROUP).put("facilitatorName", "Fatima Zahra"));
    call(HttpMethod.POST, base + "/groups", moderator, new JsonObject().put("name", "Ethics and human rights"));
    JsonObject attendee = call(HttpMethod.POST, base + "/participants", null, new JsonObject().put("name", "Amina Diallo")
        .put("affiliation", "Open Networks Association").put("groupId", security.getString("id")));
    String facilitator = security.getString("facilitatorToken");
    String highlighted = ask(base, attendee, QUESTION);
    call(HttpMethod.PATCH, base + "/questions/" + highlighted, facilitator,
        new JsonObject().put("status", "visible").put("highlighted", true));
    String hidden = ask(base, attendee, "An off-topic remark");
    call(HttpMethod.PATCH, base + "/questions/" + hidden, facilitator, new JsonObject().put("status", "hidden"));
    ask(base, attendee, "What about open source tools for audits?");
    call(HttpMethod.PUT, base + "/groups/" + security.getString("id") + "/notes", facilitator,
        new JsonObject().put("text", "Independence; capacity building; publication."));
    String message = call(HttpMethod.POST, base + "/messages", facilitator, new JsonObject().put("text", MESSAGE)
        .put("questionIds", new JsonArray().add(highlighted))).getString("id");
    call(HttpMethod.PATCH, base, moderator, new JsonObject().put("phase", "review")
        .put("reviewUntil", System.currentTimeMillis() + 21L * 24 * 3600 * 1000));
    call(HttpMethod.POST, base + "/messages/" + message + "/comments", attendee.getString("token"),
        new JsonObject().put("text", COMMENT));
    return new Reviewed(code, moderator, security.getJsonObject("links").getString("facilitator"), attendee);
  }

  private record Reviewed(String code, String moderator, String facilitatorLink, JsonObject attendee) {
  }

  private String ask(String base, JsonObject attendee, String text) throws Exception {
    return call(HttpMethod.POST, base + "/questions", attendee.getString("token"), new JsonObject().put("text", text))
        .getString("id");
  }

  private static void clickButton(ChromeDriver driver, String container, String label) {
    waitFor(driver, LIVE).until(d -> d.findElements(By.cssSelector(container + " button")).stream()
        .filter(b -> b.getText().equals(label)).findFirst().map(b -> {
          b.click();
          return true;
        }).orElse(false));
  }

  /** A screenshot of one part of a page. */
  private static void element(ChromeDriver driver, String selector, String name) throws Exception {
    WebElement element = driver.findElement(By.cssSelector(selector));
    driver.executeScript("arguments[0].scrollIntoView({block: 'start'});", element);
    Path shot = element.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, Browsers.SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** A screenshot of the whole page height. */
  private static void fullPage(ChromeDriver driver, String name) throws Exception {
    Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight;");
    Number width = (Number) driver.executeScript("return window.innerWidth;");
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width.intValue(),
        "height", Math.min(6000, height.intValue()), "deviceScaleFactor", 1, "mobile", false));
    screenshot(driver, name);
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width.intValue(),
        "height", 900, "deviceScaleFactor", 1, "mobile", false));
  }

  private static JsonObject call(HttpMethod method, String path, String token, JsonObject body) throws Exception {
    var response = await(api.call(method, path, token, body));
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.bodyAsString()).isBetween(200, 299);
    return response.bodyAsJsonObject();
  }


  private static String url(String path) {
    return path.startsWith("http") ? path : "http://127.0.0.1:" + server.port() + path;
  }
}
