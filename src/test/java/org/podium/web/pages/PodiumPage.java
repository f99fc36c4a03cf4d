package org.podium.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.podium.testing.Browser;

/**
 * What every page object shares: the browser it drives, Podium's address, and the checks every page
 * passes at every width (nothing refused by the Content-Security-Policy, nothing wider than the
 * window). One subclass per page (issue 15): a journey says what a person does ("join", "send"),
 * the page object knows which element that is.
 */
public abstract class PodiumPage {

  /** A desktop window, as the walk-through used. */
  public static final Dimension DESKTOP = new Dimension(1366, 900);

  /** A phone's window (an iPhone 12–15 in portrait). */
  public static final Dimension PHONE = new Dimension(390, 844);

  protected final Browser browser;
  protected final URL base;

  protected PodiumPage(Browser browser, URL base) {
    this.browser = browser;
    this.base = base;
  }

  protected ChromeDriver driver() {
    return browser.driver();
  }

  /** Opens {@code path} (relative to Podium's address, such as {@code competition.xhtml?id=3}). */
  protected void open(String path) {
    driver().get(base + path);
  }

  protected WebElement find(By by) {
    return driver().findElement(by);
  }

  protected List<WebElement> all(By by) {
    return driver().findElements(by);
  }

  /** Resizes the window (for instance to {@link #PHONE}). */
  public void atWidth(Dimension size) {
    driver().manage().window().setSize(size);
  }

  /** The page's title as the browser's tab shows it. */
  public String tabTitle() {
    return driver().getTitle();
  }

  /**
   * The page as shown now is sound: the Content-Security-Policy refused nothing, no script threw an
   * error (a syntax error in a script file included), and the page does not scroll sideways (tables
   * scroll inside their card). {@code what} names the step in failures.
   */
  public void assertSound(String what) {
    assertEquals(List.of(), browser.pageProblems(), what + ": CSP violations or script errors");
    // clientWidth: the width shown beside the vertical scroll bar (innerWidth counts the bar, and
    // let a page 15 px too wide pass)
    Object widths =
        driver()
            .executeScript(
                "const e = document.documentElement; return [e.scrollWidth, e.clientWidth];");
    List<?> scrollAndClient = (List<?>) widths;
    assertTrue(
        ((Number) scrollAndClient.get(0)).longValue()
            <= ((Number) scrollAndClient.get(1)).longValue(),
        what
            + ": the page scrolls sideways at "
            + driver().manage().window().getSize()
            + " (content "
            + scrollAndClient.get(0)
            + " px wide, shown "
            + scrollAndClient.get(1)
            + " px)");
  }

  /**
   * Waits for the page's confirmation dialog (js/confirm.js: every button that asks first), answers
   * it — {@code yes}: its confirming button, otherwise Cancel — and returns its question.
   */
  public String answerConfirmation(boolean yes) {
    new WebDriverWait(driver(), Duration.ofSeconds(5))
        .until(page -> page.findElement(By.id("confirm")).isDisplayed());
    String question = find(By.id("confirm-message")).getText();
    find(By.id(yes ? "confirm-yes" : "confirm-cancel")).click();
    return question;
  }

  /** Saves a screenshot named {@code step}, after checking the page is sound. */
  public void shot(String step) {
    assertSound(step);
    browser.screenshot(step);
  }
}
