package org.podium.web.pages;

import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.podium.testing.Browser;

/**
 * A submission's page: its status (words, the code in a tooltip, and in a Code fact for
 * organizers), why it ended when that says more, the facts of its kind, scores, metadata, logs, the
 * output's download once there is one, and Cancel; it follows the run live.
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

  /** The technical code, as the organizers' Code fact says it. */
  public String code() {
    return text(By.id("code"));
  }

  /** Whether the facts have a Code row (organizers only). */
  public boolean showsCode() {
    return present("code");
  }

  /** The Why fact, or null when the page shows none (the words say it all). */
  public String why() {
    return present("outcome") ? text(By.id("outcome")) : null;
  }

  /** The labels of the facts, in order ("Status", "Participant", …). */
  public java.util.List<String> factLabels() {
    return await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(
            () -> all(By.cssSelector("#facts dt")).stream().map(WebElement::getText).toList(),
            labels -> !labels.isEmpty());
  }

  /** Whether the page has a Logs card (only what ran has logs). */
  public boolean showsLogs() {
    return present("logs");
  }

  /** Whether "Download output" is offered now. */
  public boolean outputOffered() {
    return present("download-output");
  }

  /** What the page says instead of offering the output ("… once the run has ended."). */
  public String noOutput() {
    return text(By.id("no-output"));
  }

  /** Waits until "Download output" is offered, without reloading the page; its address. */
  public String awaitOutputOffered(Duration limit) {
    return await()
        .atMost(limit)
        .ignoreExceptions()
        .until(() -> find(By.id("download-output")).getAttribute("href"), a -> a != null);
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

  /** Whether the page has an element with this id now (no implicit wait for it to appear). */
  private boolean present(String id) {
    return Boolean.TRUE.equals(
        driver().executeScript("return document.getElementById(arguments[0]) !== null;", id));
  }

  private String text(By by) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> find(by).getText(), t -> t != null);
  }
}
