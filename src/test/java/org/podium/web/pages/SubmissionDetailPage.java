package org.podium.web.pages;

import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.podium.testing.Browser;

/**
 * A submission's page: its status (words, the code in a tooltip and in the facts), why it ended,
 * scores, metadata, logs and Cancel; it follows the run live.
 */
public class SubmissionDetailPage extends PodiumPage {

  public SubmissionDetailPage(Browser browser, URL base) {
    super(browser, base);
  }

  public SubmissionDetailPage open(long id) {
    open("submission.xhtml?id=" + id);
    return this;
  }

  /** Opens the page at an address read from a link. */
  public SubmissionDetailPage openAddress(String address) {
    driver().get(address);
    return this;
  }

  public String status() {
    return text(By.id("status"));
  }

  /** The technical code, as the status' tooltip and the Code fact say it. */
  public String code() {
    return text(By.id("code"));
  }

  public String statusTooltip() {
    return await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> find(By.id("status")).getAttribute("title"), t -> t != null);
  }

  public String scores() {
    return text(By.id("scores"));
  }

  public String stdout() {
    return text(By.id("stdout"));
  }

  public boolean cancellable() {
    return !all(By.id("actions:cancel")).isEmpty();
  }

  /** Waits until the status reads {@code words}, without reloading the page. */
  public void awaitStatus(String words, Duration limit) {
    await()
        .atMost(limit)
        .ignoreExceptions()
        .until(() -> find(By.id("status")).getText().equals(words));
  }

  /** Waits until stdout's tail reads {@code text}, without reloading the page. */
  public void awaitStdout(String text, Duration limit) {
    await()
        .atMost(limit)
        .ignoreExceptions()
        .until(() -> find(By.id("stdout")).getText().strip().equals(text));
  }

  /** Presses Cancel and accepts its question; the answer replaces the page. */
  public String cancelAccepting() {
    WebElement html = find(By.tagName("html"));
    clickLive(By.id("actions:cancel"));
    String asked = answerConfirmation(true);
    await().atMost(Duration.ofSeconds(15)).until(() -> ParticipateTab.stale(html));
    return asked;
  }

  /** Presses Cancel and declines its question: nothing is sent. */
  public String cancelDeclining() {
    clickLive(By.id("actions:cancel"));
    return answerConfirmation(false);
  }

  /** Clicks what a live refresh may re-render between finding and clicking it. */
  private void clickLive(By target) {
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            () -> {
              find(target).click();
              return true;
            });
  }

  /** The link a metadata value became, by its text; null when it is plain text. */
  public WebElement metadataLink(String text) {
    return all(By.linkText(text)).stream().findFirst().orElse(null);
  }

  /** The font family the BibTeX value is shown in. */
  public String bibtexFont() {
    return find(By.cssSelector("dd.mono")).getCssValue("font-family");
  }

  /** Where the page's Cancel / Re-run form posts. */
  public String actionsAddress() {
    return await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> find(By.id("actions")).getAttribute("action"), a -> a != null);
  }

  /** The page's messages (after Cancel …). */
  public String messages() {
    return text(By.id("messages"));
  }

  public void mark() {
    driver().executeScript("window.podiumNoReload = true;");
  }

  public boolean samePage() {
    return Boolean.TRUE.equals(driver().executeScript("return window.podiumNoReload === true;"));
  }

  public String address() {
    return driver().getCurrentUrl();
  }

  private String text(By by) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> find(by).getText(), t -> t != null);
  }
}
