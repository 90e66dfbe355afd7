package org.openfloor.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openfloor.pages.Browsers.screenshot;
import static org.openfloor.pages.Browsers.waitFor;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.testing.Api;
import org.openfloor.testing.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import static org.openfloor.testing.Await.await;

/**
 * The mic queue and the polls in real headless Chromium windows at once: phones (390×844), the
 * moderator's laptop and the projector, against a real server; and a phone that loses its network.
 */
@DisplayName("Mic queue and polls in the browser")
class FloorAndPollsBrowserTest {
  private static final Duration LIVE = Duration.ofSeconds(2);
  private static final Duration STEP = Duration.ofSeconds(6);

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

  private static ChromeDriver phone(int which) {
    return Browsers.shared().reused("phone" + which, 390, 844);
  }

  private static ChromeDriver screen() {
    return Browsers.shared().reused("screen", 1920, 1080);
  }

  @Test
  @DisplayName("an attendee asks for the floor and watches their place move as the moderator calls speakers; the screen shows the countdown")
  void placeInLineMovesLive() throws Exception {
    JsonObject session = await(api.createSession("Open floor", "post"));
    String code = session.getString("code");
    String moderator = session.getString("moderatorToken");
    String bo = requestFloor(code, await(api.join(code, "Bo Chen")).getString("token"), "Connectivity in rural areas");
    requestFloor(code, await(api.join(code, "Carla Ruiz")).getString("token"), null);
    requestFloor(code, await(api.join(code, "Dev Patel")).getString("token"), null);
    patch("/api/sessions/" + code + "/queue/" + bo, moderator, new JsonObject().put("limitSeconds", 10));
    call(HttpMethod.POST, "/api/sessions/" + code + "/queue/next", moderator, new JsonObject());
    ChromeDriver desk = desk();
    ChromeDriver phone = phone(1);
    ChromeDriver screen = screen();
    screen.get(url("/screen.html?code=" + code + "&lang=en"));
    desk.get(url("/moderate.html?code=" + code + "&lang=en#token=" + moderator));

    joinOnPhone(phone, code, "Amina Diallo");
    By position = By.id("floor-position");
    waitFor(phone, STEP).until(ExpectedConditions.visibilityOfElementLocated(By.id("floor-submit")));
    assertThat(phone.findElement(By.id("floor-now")).getText()).isEqualTo("Now speaking: Bo Chen");
    phone.findElement(By.id("floor-topic")).sendKeys("Funding of community networks");
    assertThat(phone.findElement(By.id("floor-topic-counter")).getText()).startsWith("29 / 140");
    phone.findElement(By.id("floor-submit")).click();
    waitFor(phone, LIVE).until(ExpectedConditions.textToBe(position, "You are number 3 in line (3 waiting)."));
    assertThat(phone.findElement(By.id("floor-withdraw")).isDisplayed()).isTrue();

    waitFor(screen, STEP).until(ExpectedConditions.textToBe(By.id("screen-speaker-name"), "Bo Chen"));
    waitFor(screen, LIVE).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#screen-next li"), 3));
    assertThat(screen.findElement(By.id("screen-clock")).getDomAttribute("data-level")).as("10 s limit: amber at once")
        .isIn("warn", "over");
    waitFor(screen, Duration.ofSeconds(12)).until(ExpectedConditions.attributeToBe(By.id("screen-clock"), "data-level", "over"));
    assertThat(screen.findElement(By.id("screen-clock-time")).getText()).startsWith("−");
    assertThat(screen.findElement(By.id("screen-clock-label")).getText()).isEqualTo("over time");
    waitFor(desk, LIVE).until(ExpectedConditions.attributeToBe(By.id("mod-clock"), "data-level", "over"));
    screenshot(screen, "screen-countdown-over");
    screenshot(desk, "moderate-queue-en");

    desk.findElement(By.id("queue-next")).click();
    waitFor(phone, LIVE).until(ExpectedConditions.textToBe(position, "You are number 2 in line (2 waiting)."));
    waitFor(screen, LIVE).until(ExpectedConditions.textToBe(By.id("screen-speaker-name"), "Carla Ruiz"));
    waitFor(screen, LIVE).until(ExpectedConditions.textMatches(By.id("screen-clock-time"), Pattern.compile("[12]:\\d\\d")));
    assertThat(screen.findElement(By.id("screen-clock")).getDomAttribute("data-level")).isEqualTo("ok");
    screenshot(screen, "screen-countdown-en");

    desk.findElement(By.id("queue-next")).click();
    waitFor(phone, LIVE).until(ExpectedConditions.textToBe(position, "You are next. Get ready to speak."));
    waitFor(phone, LIVE).until(ExpectedConditions.textToBe(By.id("alert-announcer"), "You are next."));
    assertThat(phone.findElement(By.id("alert-announcer")).getDomAttribute("aria-live")).isEqualTo("assertive");
    screenshot(phone, "attend-floor-next-en");

    desk.findElement(By.id("queue-next")).click();
    waitFor(phone, LIVE).until(ExpectedConditions.textToBe(position, "You have the floor."));
    waitFor(phone, LIVE).until(ExpectedConditions.textToBe(By.id("alert-announcer"), "You have the floor."));
    waitFor(phone, LIVE).until(ExpectedConditions.visibilityOfElementLocated(By.id("floor-clock")));
    waitFor(screen, LIVE).until(ExpectedConditions.textToBe(By.id("screen-speaker-name"), "Amina Diallo"));
    assertThat(screen.findElement(By.id("screen-speaker-affiliation")).getText()).isEqualTo("Open Networks Association");
    assertThat(screen.findElement(By.id("screen-speaker-group")).getText()).isEqualTo("Civil society");
    assertThat(phone.findElement(By.id("floor-clock-time")).getText()).matches("[12]:\\d\\d");
    screenshot(phone, "attend-floor-speaking-en");
  }

  @Test
  @DisplayName("the moderator picks, times, pauses and finishes speakers and accepts a point of order from the console")
  void moderatorRunsTheList() throws Exception {
    JsonObject session = await(api.createSession("Assembly", "post"));
    String code = session.getString("code");
    String moderator = session.getString("moderatorToken");
    requestFloor(code, await(api.join(code, "Dana Ivanova")).getString("token"), null);
    requestFloor(code, await(api.join(code, "Eli Haddad")).getString("token"), "Budget");
    String order = await(api.join(code, "Femi Okoro")).getString("token");
    call(HttpMethod.POST, "/api/sessions/" + code + "/queue", order, new JsonObject().put("kind", "order"));
    ChromeDriver desk = desk();
    desk.get(url("/moderate.html?code=" + code + "&lang=en#token=" + moderator));
    By eli = By.xpath("//ol[@id='waiting-list']/li[.//bdi[text()='Eli Haddad']]");
    waitFor(desk, STEP).until(ExpectedConditions.visibilityOfElementLocated(eli));
    assertThat(desk.findElement(eli).getText()).contains("First time", "Budget", "In the room");

    desk.findElement(eli).findElement(By.cssSelector("input.seconds")).clear();
    desk.findElement(eli).findElement(By.cssSelector("input.seconds")).sendKeys("300");
    desk.findElement(eli).findElement(By.cssSelector("form.limit button")).click();
    waitFor(desk, LIVE).until(d -> queue(code, moderator).getJsonArray("waiting").getJsonObject(1).getInteger("limitSeconds") == 300);

    desk.findElement(By.cssSelector("#orders-list button[data-action='accept']")).click();
    waitFor(desk, LIVE).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("#waiting-list li:first-child"), "Femi Okoro"));
    assertThat(desk.findElement(By.id("orders")).isDisplayed()).isFalse();

    desk.findElement(eli).findElement(By.cssSelector("button[data-action='call']")).click();
    waitFor(desk, LIVE).until(ExpectedConditions.textToBe(By.id("speaker-name"), "Eli Haddad"));
    waitFor(desk, LIVE).until(ExpectedConditions.textToBe(By.id("mod-clock-limit"), "Limit 5:00"));
    desk.findElement(By.id("timer-pause")).click();
    waitFor(desk, LIVE).until(ExpectedConditions.textToBe(By.id("mod-clock-label"), "paused"));
    desk.findElement(By.id("timer-resume")).click();
    waitFor(desk, LIVE).until(ExpectedConditions.textToBe(By.id("mod-clock-label"), "left"));
    desk.findElement(By.id("timer-extend")).click();
    waitFor(desk, LIVE).until(ExpectedConditions.textToBe(By.id("mod-clock-limit"), "Limit 5:30"));
    desk.findElement(By.id("timer-finish")).click();
    waitFor(desk, LIVE).until(ExpectedConditions.visibilityOfElementLocated(By.id("speaker-none")));
    waitFor(desk, LIVE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("balance-presence"), "In the room"));
    assertThat(queue(code, moderator).getJsonArray("log")).hasSize(1);

    desk.findElement(By.id("queue-first-time")).click();
    desk.findElement(By.id("queue-open")).click();
    waitFor(desk, LIVE).until(ExpectedConditions.textToBe(By.id("queue-state"), "Closed"));
    JsonObject after = queue(code, moderator);
    assertThat(after.getBoolean("open")).isFalse();
    assertThat(after.getBoolean("firstTimeFirst")).isTrue();
  }

  @Test
  @DisplayName("a poll opened from the console is voted on from two phones and its result shows on the screen")
  void pollVotedFromTwoPhones() throws Exception {
    JsonObject session = await(api.createSession("Quick poll", "post"));
    String code = session.getString("code");
    String moderator = session.getString("moderatorToken");
    ChromeDriver desk = desk();
    ChromeDriver first = phone(1);
    ChromeDriver second = phone(2);
    ChromeDriver screen = screen();
    desk.get(url("/moderate.html?code=" + code + "&lang=en#token=" + moderator));
    screen.get(url("/screen.html?code=" + code + "&lang=en"));
    joinOnPhone(first, code, "Gao Min");
    joinOnPhone(second, code, "Hana Sato");

    waitFor(desk, STEP).until(ExpectedConditions.elementToBeClickable(By.id("poll-question"))).sendKeys("Adopt the outcome document?");
    desk.findElement(By.id("poll-options")).sendKeys("Yes\nNo\nAbstain");
    desk.findElement(By.id("poll-create")).click();

    By yes = By.xpath("//div[@id='poll-list']//button[normalize-space()='Yes']");
    By no = By.xpath("//div[@id='poll-list']//button[normalize-space()='No']");
    click(first, yes);
    click(second, no);
    waitFor(second, LIVE).until(ExpectedConditions.attributeToBe(no, "aria-pressed", "true"));
    click(second, yes);
    waitFor(second, LIVE).until(ExpectedConditions.attributeToBe(yes, "aria-pressed", "true"));
    waitFor(first, LIVE).until(ExpectedConditions.attributeToBe(yes, "aria-pressed", "true"));

    By firstBar = By.cssSelector("#screen-poll-results .bars li:first-child .bar-count");
    waitFor(screen, LIVE).until(ExpectedConditions.textToBe(firstBar, "2 votes (100%)"));
    assertThat(screen.findElement(By.id("screen-poll-question")).getText()).isEqualTo("Adopt the outcome document?");
    waitFor(desk, LIVE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("poll-admin-list"), "2 votes (100%)"));
    waitFor(first, LIVE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("poll-list"), "2 votes in all"));
    screenshot(screen, "screen-poll-en");
    screenshot(second, "attend-poll-en");

    desk.findElement(By.cssSelector("#poll-admin-list button[data-action='close']")).click();
    waitFor(first, LIVE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#poll-list article.poll.closed")));
    assertThat(first.findElements(yes)).as("no more voting once closed").isEmpty();
    waitFor(screen, LIVE).until(ExpectedConditions.attributeToBe(By.id("screen-poll"), "data-state", "closed"));
    assertThat(screen.findElement(firstBar).getText()).isEqualTo("2 votes (100%)");
    screenshot(desk, "moderate-polls-en");
  }

  @Test
  @DisplayName("a phone that drops off the network sends what was typed meanwhile exactly once and catches up with what it missed")
  void networkDrop() throws Exception {
    JsonObject session = await(api.createSession("Flaky Wi-Fi", "post"));
    String code = session.getString("code");
    String moderator = session.getString("moderatorToken");
    ChromeDriver phone = phone(1);
    joinOnPhone(phone, code, "Ivan Petrov");
    waitFor(phone, STEP).until(ExpectedConditions.attributeToBe(By.id("conn"), "data-status", "online"));

    try {
      dropAndComeBack(phone, code, moderator);
    } finally {
      Browsers.offline(phone, false);
    }
  }

  private void dropAndComeBack(ChromeDriver phone, String code, String moderator) throws Exception {
    Browsers.offline(phone, true);
    waitFor(phone, STEP).until(ExpectedConditions.attributeToBe(By.id("conn"), "data-status", "offline"));
    String question = "Will the recordings be published?";
    phone.findElement(By.id("ask-text")).sendKeys(question);
    phone.findElement(By.id("ask-submit")).click();
    waitFor(phone, LIVE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ask-message"), "You are offline"));
    assertThat(phone.findElement(By.id("outbox")).getText()).isEqualTo("1 question waiting to be sent");
    JsonObject poll = call(HttpMethod.POST, "/api/sessions/" + code + "/polls", moderator, new JsonObject()
        .put("question", "Coffee break now?").put("kind", "single").put("options", new JsonArray().add("Yes").add("Later")));
    patch("/api/sessions/" + code + "/polls/" + poll.getString("id"), moderator, new JsonObject().put("state", "open"));
    screenshot(phone, "attend-offline-en");

    Browsers.offline(phone, false);
    waitFor(phone, Duration.ofSeconds(10)).until(ExpectedConditions.attributeToBe(By.id("conn"), "data-status", "online"));
    waitFor(phone, STEP).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mine-list"), question));
    waitFor(phone, STEP).until(ExpectedConditions.textToBePresentInElementLocated(By.id("poll-list"), "Coffee break now?"));
    waitFor(phone, LIVE).until(ExpectedConditions.invisibilityOfElementLocated(By.id("outbox")));
    Thread.sleep(300);
    JsonArray questions = await(api.snapshot(code, moderator)).getJsonArray("questions");
    assertThat(questions.stream().map(q -> ((JsonObject) q).getString("text")).filter(question::equals).count())
        .as("delivered exactly once").isEqualTo(1);
    assertThat(phone.findElements(By.cssSelector("#mine-list li"))).hasSize(1);
  }

  /** Clicks once the element is there, again if a live re-render replaced it just then. */
  static void click(WebDriver driver, By by) {
    waitFor(driver, STEP).until(d -> {
      d.findElement(by).click();
      return true;
    });
  }

  static void joinOnPhone(WebDriver phone, String code, String name) {
    phone.get(url("/attend.html?code=" + code + "&lang=en"));
    waitFor(phone, STEP).until(ExpectedConditions.visibilityOfElementLocated(By.id("join-name"))).sendKeys(name);
    phone.findElement(By.id("join-affiliation")).sendKeys("Open Networks Association");
    new Select(phone.findElement(By.id("join-stakeholder"))).selectByValue("civil-society");
    phone.findElement(By.id("join-submit")).click();
    waitFor(phone, STEP).until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-text")));
  }

  private static String requestFloor(String code, String token, String topic) throws Exception {
    return call(HttpMethod.POST, "/api/sessions/" + code + "/queue", token, topic == null ? new JsonObject()
        : new JsonObject().put("topic", topic)).getString("id");
  }

  private static JsonObject queue(String code, String moderator) {
    try {
      return await(api.snapshot(code, moderator)).getJsonObject("queue");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject patch(String path, String token, JsonObject body) throws Exception {
    return call(HttpMethod.PATCH, path, token, body);
  }

  private static JsonObject call(HttpMethod method, String path, String token, JsonObject body) throws Exception {
    var response = await(api.call(method, path, token, body));
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.bodyAsString()).isBetween(200, 299);
    return response.bodyAsJsonObject();
  }


  static String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }
}
