package org.podium.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver, with a fresh profile and no background
 * networking. Without them browser tests skip with a message, or fail with {@code
 * PODIUM_REQUIRE_BROWSER=1}. Screenshots go to {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;
  private final Path screenshots;
  private int shots;

  private Browser(ChromeDriver driver, Path profile, Path screenshots) {
    this.driver = driver;
    this.profile = profile;
    this.screenshots = screenshots;
  }

  public static Browser open(String journey) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String message =
          "headless Chromium is not installed (apt-get install chromium chromium-driver)";
      if ("1".equals(System.getenv("PODIUM_REQUIRE_BROWSER"))) {
        Assertions.fail(message + " — failing because PODIUM_REQUIRE_BROWSER=1");
      }
      System.err.println("SKIPPED: " + message);
      Assumptions.abort(message);
    }
    try {
      Path profile = Files.createTempDirectory("podium-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--disable-quic",
          "--window-size=1280,900",
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
      // Every page records what its Content-Security-Policy refused and every error its scripts
      // threw (a syntax error in a script file included), before any of its scripts run.
      driver.executeCdpCommand(
          "Page.addScriptToEvaluateOnNewDocument",
          java.util.Map.of(
              "source",
              "window.podiumCspViolations = [];"
                  + "document.addEventListener('securitypolicyviolation', e =>"
                  + " window.podiumCspViolations.push(e.violatedDirective + ' refused '"
                  + " + (e.blockedURI || '') + ' ' + (e.sample || '')));"
                  + "window.podiumScriptErrors = [];"
                  + "window.addEventListener('error', e => window.podiumScriptErrors.push("
                  + "(e.message || 'error') + ' at ' + (e.filename || '?') + ':' + (e.lineno || 0)));"
                  + "window.addEventListener('unhandledrejection', e =>"
                  + " window.podiumScriptErrors.push('unhandled rejection: ' + e.reason));"));
      Path screenshots = Files.createDirectories(Path.of("target/screenshots", journey));
      return new Browser(driver, profile, screenshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  /**
   * Clicks something that loads a new page (a link, a form's button) and waits until the new page
   * has replaced the old one, so nothing is read from the page being left.
   */
  public void clickAndWait(By target) {
    WebElement old = driver.findElement(By.tagName("html"));
    driver.findElement(target).click();
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(
            page -> {
              try {
                old.isEnabled();
                return false;
              } catch (WebDriverException gone) {
                // stale, or Chrome's "node does not belong to the document": the page was replaced
                return true;
              }
            });
  }

  /** Signs in on Podium's sign-in page at {@code base}. */
  public void signIn(java.net.URL base, String username, String password) {
    driver.get(base + "signin.xhtml");
    driver.findElement(By.id("signin:username")).sendKeys(username);
    driver.findElement(By.id("signin:password")).sendKeys(password);
    clickAndWait(By.id("signin:submit"));
  }

  /**
   * What the current page's Content-Security-Policy refused so far (empty when all was allowed).
   */
  @SuppressWarnings("unchecked")
  public java.util.List<String> cspViolations() {
    Object violations = driver.executeScript("return window.podiumCspViolations || [];");
    return (java.util.List<String>) violations;
  }

  /** The errors the current page's scripts threw so far (empty when none did). */
  @SuppressWarnings("unchecked")
  public java.util.List<String> scriptErrors() {
    Object errors = driver.executeScript("return window.podiumScriptErrors || [];");
    return (java.util.List<String>) errors;
  }

  /**
   * What went wrong on the current page that a person would not see at once: what its
   * Content-Security-Policy refused, and the errors its scripts threw. Empty when nothing did.
   */
  public java.util.List<String> pageProblems() {
    java.util.List<String> problems = new java.util.ArrayList<>();
    cspViolations().forEach(v -> problems.add("CSP: " + v));
    scriptErrors().forEach(e -> problems.add("script: " + e));
    return problems;
  }

  /** Saves a numbered screenshot of what the page shows now. */
  public Path screenshot(String step) {
    try {
      Path file = screenshots.resolve(String.format("%02d-%s.png", ++shots, step));
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var paths = Files.walk(profile)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // a temporary profile
    }
  }
}
