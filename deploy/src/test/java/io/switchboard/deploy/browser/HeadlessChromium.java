package io.switchboard.deploy.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven through Debian's chromedriver, at the console's smallest
 * supported screen (1366x768), keeping numbered screenshots under {@code
 * target/browser-screenshots/<name>/}. Without Chromium or its driver it fails at once naming the
 * packages to install: a browser test that cannot run is a failure, not a skip.
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(15);

  private final ChromeDriver driver;
  private final Path screenshots;
  private int shot;

  private HeadlessChromium(ChromeDriver driver, Path screenshots) {
    this.driver = driver;
    this.screenshots = screenshots;
  }

  /** Starts a browser whose screenshots go to {@code target/browser-screenshots/<name>/}. */
  public static HeadlessChromium start(String name) throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "browser tests need Debian's chromium and chromedriver at "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + ": apt-get install chromium chromium-driver (.ci/run does)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // The flags keep a headless Chromium off the network this machine does not have.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1366,768");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    Path screenshots = Path.of("target", "browser-screenshots", name);
    Files.createDirectories(screenshots);
    return new HeadlessChromium(new ChromeDriver(service, options), screenshots);
  }

  public WebDriver driver() {
    return driver;
  }

  /** Opens a URL. */
  public void open(String url) {
    driver.get(url);
  }

  /** Waits up to 15 s for the element with {@code data-testid} to be displayed. */
  public WebElement byTestId(String testId) {
    return until(d -> visible(d, By.cssSelector("[data-testid='" + testId + "']")));
  }

  /** Waits up to 15 s for the element with this id to be displayed. */
  public WebElement byId(String id) {
    return until(d -> visible(d, By.id(id)));
  }

  /** Waits up to 15 s until the condition returns non-null / true, then returns its value. */
  public <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).until(condition::apply);
  }

  /** Waits until the element with {@code data-testid} shows text containing {@code expected}. */
  public WebElement textContains(String testId, String expected) {
    return until(
        d -> {
          WebElement element = visible(d, By.cssSelector("[data-testid='" + testId + "']"));
          return element != null && element.getText().contains(expected) ? element : null;
        });
  }

  /** Saves a numbered PNG of the page as it is now; returns its path. */
  public Path screenshot(String label) throws IOException {
    shot++;
    Path file = screenshots.resolve(String.format("%02d-%s.png", shot, label));
    File taken = driver.getScreenshotAs(OutputType.FILE);
    Files.copy(taken.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  private static WebElement visible(WebDriver driver, By by) {
    return driver.findElements(by).stream()
        .filter(WebElement::isDisplayed)
        .findFirst()
        .orElse(null);
  }

  /** The driver as a screenshot taker, for tests that keep a picture on failure. */
  public TakesScreenshot camera() {
    return driver;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
