package org.openfloor.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openfloor.testing.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live Q&A pages in real headless Chromium windows at once: a moderator's laptop, an attendee's
 * phone and the projector, all talking to a real server. Uses the machine's Chromium and chromedriver
 * (Debian packages {@code chromium} and {@code chromium-driver}); it fails, never skips, without them.
 */
@DisplayName("Live Q&A in the browser")
class QaPagesBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration LIVE = Duration.ofSeconds(1);
  private static final Duration STEP = Duration.ofSeconds(5);
  /** Every socket to {@code …/ws} goes to a closed port instead, so it closes without ever opening. */
  private static final String REFUSE_PLAIN_WS = """
      const RealWebSocket = window.WebSocket;
      window.WebSocket = function (url, protocols) {
        return String(url).endsWith('/ws') ? new RealWebSocket('ws://127.0.0.1:9/ws') : new RealWebSocket(url, protocols);
      };
      window.WebSocket.prototype = RealWebSocket.prototype;
      Object.assign(window.WebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
      """;

  private static Vertx vertx;
  private static TestServer server;
  private static final List<WebDriver> drivers = new ArrayList<>();

  @BeforeAll
  static void startServer(@TempDir Path dataDir) throws Exception {
    assertThat(Files.isExecutable(CHROMIUM)).as("Chromium must be installed at %s (Debian package chromium)", CHROMIUM)
        .isTrue();
    assertThat(Files.isExecutable(CHROMEDRIVER))
        .as("chromedriver must be installed at %s (Debian package chromium-driver)", CHROMEDRIVER).isTrue();
    Files.createDirectories(SCREENSHOTS);
    vertx = Vertx.vertx();
    server = TestServer.start(vertx, dataDir).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stopAll() throws Exception {
    drivers.forEach(WebDriver::quit);
    if (server != null) {
      server.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  @DisplayName("a question asked on a phone is approved by the moderator, then shows and gains a vote live everywhere")
  void askApproveAndUpvoteLive() throws IOException {
    WebDriver desk = browser(1366, 900);
    WebDriver phone = browser(390, 844);
    WebDriver screen = browser(1920, 1080);

    String code = createPreModeratedSession(desk);
    String moderatorLink = desk.findElement(By.id("moderator-link")).getText();
    screen.get(url("/screen.html?code=" + code + "&lang=en"));
    waitFor(screen, STEP).until(ExpectedConditions.textToBe(By.id("session-title"), "Closing session"));

    joinByCode(phone, code);
    waitFor(phone, STEP).until(ExpectedConditions.attributeToBe(By.id("conn"), "data-status", "online"));
    assertThat(phone.findElement(By.id("conn")).getDomAttribute("data-transport")).as("the page uses the plain /ws bridge")
        .isEqualTo("websocket");
    String question = "Who follows up on the recommendations of this forum?";
    ask(phone, question);
    waitFor(phone, STEP).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mine-list"), question));
    assertThat(phone.findElement(By.cssSelector("#mine-list .badge.pending")).getText()).isEqualTo("Waiting for approval");
    assertThat(phone.findElement(By.id("question-list")).getText()).doesNotContain(question);

    desk.get(moderatorLink);
    By pending = By.cssSelector("#pending-list li[data-id]");
    waitFor(desk, STEP).until(ExpectedConditions.textToBePresentInElementLocated(pending, question));
    assertThat(desk.getCurrentUrl()).as("the token leaves the address bar").doesNotContain("token");
    screenshot(desk, "moderate-pending");
    desk.findElement(By.cssSelector("#pending-list li[data-id] button[data-action='approve']")).click();

    waitFor(phone, LIVE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("question-list"), question));
    waitFor(screen, LIVE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("top-list"), question));
    waitFor(desk, LIVE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("visible-list"), question));

    By vote = By.cssSelector("#question-list li[data-id] button.vote");
    phone.findElement(vote).click();
    waitFor(phone, LIVE).until(ExpectedConditions.attributeToBe(vote, "aria-pressed", "true"));
    waitFor(screen, LIVE).until(ExpectedConditions.textToBe(By.cssSelector("#top-list li[data-id] .votes"), "1\nvote"));

    screenshot(desk, "moderate");
    screenshot(screen, "screen");
    screenshot(phone, "attend-en");
    new Select(phone.findElement(By.id("lang"))).selectByValue("ar");
    waitFor(phone, STEP).until(d -> "rtl".equals(d.findElement(By.tagName("html")).getDomAttribute("dir")));
    assertThat(phone.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("ar");
    assertThat(phone.findElement(By.id("ask-heading")).getText()).isNotEqualTo("Ask a question");
    screenshot(phone, "attend-ar");
  }

  @Test
  @DisplayName("a phone whose plain WebSocket cannot open (a proxy refusing upgrades) falls back to SockJS and still sees questions live")
  void fallsBackToSockJs() throws IOException {
    WebDriver desk = browser(1366, 900);
    WebDriver phone = browser(390, 844);
    ((ChromeDriver) phone).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", REFUSE_PLAIN_WS));

    String code = createPreModeratedSession(desk);
    String moderatorLink = desk.findElement(By.id("moderator-link")).getText();
    joinByCode(phone, code);
    waitFor(phone, STEP).until(ExpectedConditions.attributeToBe(By.id("conn"), "data-status", "online"));
    assertThat(phone.findElement(By.id("conn")).getDomAttribute("data-transport")).isEqualTo("sockjs");

    String question = "Which of the recommendations need funding first?";
    ask(phone, question);
    desk.get(moderatorLink);
    By approve = By.cssSelector("#pending-list li[data-id] button[data-action='approve']");
    waitFor(desk, STEP).until(ExpectedConditions.elementToBeClickable(approve)).click();
    waitFor(phone, LIVE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("question-list"), question));
  }


  private String createPreModeratedSession(WebDriver desk) throws IOException {
    desk.get(url("/?lang=en"));
    waitFor(desk, STEP).until(ExpectedConditions.textToBe(By.id("join-heading"), "Join a session"));
    screenshot(desk, "landing");
    desk.findElement(By.id("create-title")).sendKeys("Closing session");
    desk.findElement(By.id("moderation-pre")).click();
    desk.findElement(By.id("create-submit")).click();
    waitFor(desk, STEP).until(ExpectedConditions.visibilityOfElementLocated(By.id("created")));
    screenshot(desk, "landing-created");
    String attendeeLink = desk.findElement(By.id("attendee-link")).getText();
    assertThat(attendeeLink).matches(".*/j/[A-Z2-9]{6}");
    return attendeeLink.substring(attendeeLink.length() - 6);
  }

  private void joinByCode(WebDriver phone, String code) throws IOException {
    phone.get(url("/?lang=en"));
    WebElement input = waitFor(phone, STEP).until(ExpectedConditions.elementToBeClickable(By.id("join-code")));
    input.sendKeys(code.toLowerCase());
    phone.findElement(By.id("join-submit")).click();
    // The landing page has a #join-form too: wait for the attendee page before looking for its form.
    waitFor(phone, STEP).until(ExpectedConditions.urlContains("/attend.html?code="));
    waitFor(phone, STEP).until(ExpectedConditions.visibilityOfElementLocated(By.id("join-form")));
    assertThat(phone.getCurrentUrl()).contains("/attend.html?code=" + code);
    screenshot(phone, "attend-join");
    phone.findElement(By.id("join-name")).sendKeys("Amina Diallo");
    phone.findElement(By.id("join-affiliation")).sendKeys("Open Networks Association");
    new Select(phone.findElement(By.id("join-stakeholder"))).selectByValue("civil-society");
    phone.findElement(By.id("join-submit")).click();
    waitFor(phone, STEP).until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-text")));
  }

  private void ask(WebDriver phone, String question) {
    phone.findElement(By.id("ask-text")).sendKeys(question);
    assertThat(phone.findElement(By.id("ask-counter")).getText()).startsWith(question.length() + " / 500");
    phone.findElement(By.id("ask-submit")).click();
  }

  private static WebDriver browser(int width, int height) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--lang=en-US", "--window-size=" + width + "," + height);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    drivers.add(driver);
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    return driver;
  }

  private static WebDriverWait waitFor(WebDriver driver, Duration timeout) {
    WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(25));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.NoSuchElementException.class);
    return wait;
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  private static void screenshot(WebDriver driver, String name) throws IOException {
    Path shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
