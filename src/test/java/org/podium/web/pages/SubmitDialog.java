package org.podium.web.pages;

import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.podium.testing.Browser;

/**
 * The Submit Docker dialog of the Participate tab: the image or docker run line, checked as typed.
 */
public class SubmitDialog extends PodiumPage {

  SubmitDialog(Browser browser, URL base) {
    super(browser, base);
  }

  public boolean isOpen() {
    return Boolean.TRUE.equals(
        driver().executeScript("return document.getElementById('submit-docker-dialog').open;"));
  }

  /** Types into the image field, without leaving it (no change event: only typing). */
  public SubmitDialog type(String line) {
    WebElement image = find(By.id("docker:image"));
    image.clear();
    image.sendKeys(line);
    return this;
  }

  /** Whether the image field still has the focus (a check as you type does not take it away). */
  public boolean imageFocused() {
    return find(By.id("docker:image")).equals(driver().switchTo().activeElement());
  }

  /** Waits for what Podium says of the typed line (what it will run, or what it refuses). */
  public String awaitCheck(Predicate<String> test) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> find(By.id("docker:check")).getText(), test);
  }

  public SubmitDialog fill(String field, String value) {
    find(By.id("docker:" + field)).sendKeys(value);
    return this;
  }

  /** The quota left, shown beside Send. */
  public String quota() {
    return find(By.id("dialogQuota")).getText();
  }

  /**
   * Whether the dialog's Send and Close are within the window as it opens (its body scrolls, its
   * actions stay), and the dialog no taller than the window.
   */
  public boolean actionsInView() {
    return Boolean.TRUE.equals(
        driver()
            .executeScript(
                "const d = document.getElementById('submit-docker-dialog').getBoundingClientRect();"
                    + " const inView = e => { const r = e.getBoundingClientRect();"
                    + "   return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; };"
                    + " return d.bottom <= window.innerHeight"
                    + "   && inView(document.getElementById('docker:send'))"
                    + "   && inView(document.querySelector('[data-close=submit-docker-dialog]'));"));
  }

  /** Whether the dialog's fields scroll inside it (they are taller than the room they have). */
  public boolean bodyScrolls() {
    return Boolean.TRUE.equals(
        driver()
            .executeScript(
                "const b = document.querySelector('#submit-docker-dialog .dialog-body');"
                    + " return getComputedStyle(b).overflowY === 'auto';"));
  }

  /** Presses Send; the answer replaces the page. */
  public void send() {
    browser.clickAndWait(By.id("docker:send"));
  }
}
