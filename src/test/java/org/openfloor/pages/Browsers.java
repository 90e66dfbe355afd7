package org.openfloor.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium windows for the page tests, from the machine's Debian packages (never a
 * downloaded browser or driver): phones, laptops and projectors, screenshots, and axe-core.
 */
public final class Browsers implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final Path AXE = Path.of("target", "npm", "node_modules", "axe-core", "axe.min.js");

  private final List<ChromeDriver> drivers = new ArrayList<>();
  private final Map<String, ChromeDriver> named = new java.util.HashMap<>();

  private static Browsers shared;

  /**
   * The windows shared by the page test classes of this test run, quit when the JVM exits: starting
   * Chromium is the slow part of a browser test on a small machine.
   */
  public static synchronized Browsers shared() {
    if (shared == null) {
      shared = new Browsers();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "quit-browsers"));
    }
    return shared;
  }

  public static void checkInstalled() throws IOException {
    assertThat(Files.isExecutable(CHROMIUM)).as("Chromium must be installed at %s (Debian package chromium)", CHROMIUM)
        .isTrue();
    assertThat(Files.isExecutable(CHROMEDRIVER))
        .as("chromedriver must be installed at %s (Debian package chromium-driver)", CHROMEDRIVER).isTrue();
    Files.createDirectories(SCREENSHOTS);
  }

  public ChromeDriver phone() {
    return open(390, 844);
  }

  public ChromeDriver laptop() {
    return open(1366, 900);
  }

  ChromeDriver projector() {
    return open(1920, 1080);
  }

  /** A window kept for the next test that asks for the same name: starting Chromium is the slow part. */
  synchronized ChromeDriver reused(String name, int width, int height) {
    ChromeDriver driver = named.computeIfAbsent(name, n -> open(width, height));
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    return driver;
  }

  synchronized ChromeDriver open(int width, int height) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--lang=en-US", "--window-size=" + width + "," + height);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    drivers.add(driver);
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    return driver;
  }

  /** Cuts the page off the network (and back), as a phone losing its Wi-Fi: sockets drop, requests fail. */
  static void offline(ChromeDriver driver, boolean offline) {
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
        "downloadThroughput", -1, "uploadThroughput", -1));
  }

  public static WebDriverWait waitFor(WebDriver driver, Duration timeout) {
    WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(25));
    wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class);
    return wait;
  }

  public static void screenshot(WebDriver driver, String name) throws IOException {
    Path shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** Runs axe-core in the page; the serious and critical violations as "id: help (n nodes: targets)". */
  @SuppressWarnings("unchecked")
  static List<String> seriousViolations(ChromeDriver driver) throws IOException {
    assertThat(AXE).as("axe-core must be installed by the build (npm, generate-test-resources)").exists();
    driver.executeScript(Files.readString(AXE));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    Object result = driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ['violations'] })
          .then((r) => done(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes: '
              + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ') + ')')))
          .catch((e) => done(['axe failed: ' + e]));
        """);
    return (List<String>) result;
  }

  @Override
  public synchronized void close() {
    drivers.forEach(WebDriver::quit);
    drivers.clear();
    named.clear();
  }
}
