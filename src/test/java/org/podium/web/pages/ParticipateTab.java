package org.podium.web.pages;

import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.podium.testing.Browser;

/**
 * A competition's Participate tab: why one cannot submit, the quota left, the Submit Docker button
 * (its dialog is {@link SubmitDialog}) or the results upload, the message about what was just sent,
 * and "My submissions", which a push re-renders under the reader's feet (reads retry a stale
 * element).
 */
public class ParticipateTab extends PodiumPage {

  private static final By ROWS = By.cssSelector("table.submissions.mine tbody tr");

  private final long competition;

  public ParticipateTab(Browser browser, URL base, long competition) {
    super(browser, base);
    this.competition = competition;
  }

  public ParticipateTab open() {
    open("competition.xhtml?id=" + competition + "&tab=participate");
    return this;
  }

  /** The competition's title in the page's heading (the page knows which competition it shows). */
  public String title() {
    return find(By.id("title")).getText();
  }

  /** What is left to send, as shown before the button: "2 of 2 submissions left today …". */
  public String quota() {
    return find(By.id("quota")).getText();
  }

  public boolean showsQuota() {
    return !all(By.id("quota")).isEmpty();
  }

  /** Why one cannot submit now (next to the disabled button). */
  public String whyNot() {
    return find(By.id("why-not")).getText();
  }

  public boolean canUpload() {
    return !all(By.id("upload:send")).isEmpty();
  }

  /** Chooses a results zip (or none) and presses Upload results; the answer replaces the page. */
  public void uploadResults(Path zip) {
    if (zip != null) {
      find(By.id("upload:results")).sendKeys(zip.toString());
    }
    browser.clickAndWait(By.id("upload:send"));
  }

  /** The refusal shown next to the results field. */
  public String resultsError() {
    return find(By.id("upload:resultsError")).getText();
  }

  /** Opens the Submit Docker dialog. */
  public SubmitDialog openSubmitDialog() {
    find(By.id("submit-docker")).click();
    SubmitDialog dialog = new SubmitDialog(browser, base);
    await().atMost(Duration.ofSeconds(5)).until(dialog::isOpen);
    return dialog;
  }

  /** The message about the submission just sent, as it stands now; waits for it to appear. */
  public String sentMessage() {
    return live(() -> find(By.id("sent")).getText());
  }

  /** Waits until the message about the submission just sent passes {@code test}. */
  public String awaitSentMessage(java.util.function.Predicate<String> test, Duration limit) {
    return await()
        .atMost(limit)
        .ignoreExceptions()
        .until(() -> find(By.id("sent")).getText(), test);
  }

  /** The status words of each row, newest first. */
  public List<String> statuses() {
    return live(
        () ->
            all(By.cssSelector("table.submissions.mine tbody tr td.status")).stream()
                .map(WebElement::getText)
                .toList());
  }

  /** The technical code of the newest row's status (its tooltip). */
  public String firstStatusCode() {
    return live(
        () ->
            find(By.cssSelector("table.submissions.mine tbody tr td.status"))
                .getAttribute("title"));
  }

  /** Waits until the newest row's status reads {@code words}. */
  public void awaitFirstStatus(String words, Duration limit) {
    await()
        .atMost(limit)
        .ignoreException(StaleElementReferenceException.class)
        .until(() -> !statuses().isEmpty() && statuses().get(0).equals(words));
  }

  /** The newest row's scores. */
  public String firstScores() {
    return live(() -> find(By.cssSelector("table.submissions.mine tbody tr td.scores")).getText());
  }

  /** The newest row's submission number. */
  public long firstId() {
    return Long.parseLong(
        live(() -> find(By.cssSelector("table.submissions.mine tbody tr td a")).getText()));
  }

  public int rows() {
    return live(() -> all(ROWS).size());
  }

  /**
   * Whether the newest row's scores are within the window, left and right (no scrolling to find
   * them).
   */
  public boolean firstScoresOnScreen() {
    return Boolean.TRUE.equals(
        live(
            () ->
                driver()
                    .executeScript(
                        "const r = arguments[0].getBoundingClientRect();"
                            + " return r.width > 0 && r.left >= 0 && r.right <= document.documentElement.clientWidth;",
                        find(By.cssSelector("table.submissions.mine tbody tr td.scores")))));
  }

  /** Scrolls My submissions into view (for a screenshot of it). */
  public void showSubmissions() {
    driver()
        .executeScript(
            "document.querySelector('table.submissions.mine').scrollIntoView({block: 'start'});");
  }

  /** The widths of the table's header cells, in pixels (to see them stay as rows update). */
  @SuppressWarnings("unchecked")
  public List<Long> columnWidths() {
    return live(
        () ->
            ((List<Number>)
                    driver()
                        .executeScript(
                            "return Array.from(document.querySelectorAll("
                                + "'table.submissions.mine thead th')).map(th =>"
                                + " Math.round(th.getBoundingClientRect().width));"))
                .stream().map(Number::longValue).toList());
  }

  /** Presses the newest row's Cancel and answers its question: {@code accept} or not. */
  public void cancelFirst(boolean accept) {
    WebElement html = find(By.tagName("html"));
    live(
        () -> {
          find(By.cssSelector("table.submissions.mine tbody tr td.action input[type=submit]"))
              .click();
          return true;
        });
    lastQuestion = answerConfirmation(accept);
    if (accept) {
      await().atMost(Duration.ofSeconds(15)).until(() -> stale(html));
    }
  }

  private String lastQuestion;

  /** What the last Cancel asked. */
  public String lastQuestion() {
    return lastQuestion;
  }

  /** Whether the newest row still offers Cancel. */
  public boolean firstCancellable() {
    return live(
        () ->
            !all(By.cssSelector("table.submissions.mine tbody tr:first-child td.action input"))
                .isEmpty());
  }

  /** Marks the page: a reload drops the mark, a live re-render keeps it. */
  public void mark() {
    driver().executeScript("window.podiumNoReload = true;");
  }

  /** Whether the page marked by {@link #mark} is still the same page. */
  public boolean samePage() {
    return Boolean.TRUE.equals(driver().executeScript("return window.podiumNoReload === true;"));
  }

  /** The address the browser shows. */
  public String address() {
    return driver().getCurrentUrl();
  }

  /** Opens the address the browser shows, as a person reloading or sharing it would. */
  public void reload() {
    driver().get(driver().getCurrentUrl());
  }

  /** The address of the newest submission's page. */
  public String firstDetailsAddress() {
    return live(
        () -> find(By.cssSelector("table.submissions.mine tbody tr td a")).getAttribute("href"));
  }

  /** Opens the Results tab. */
  public String firstLeaderboardRow() {
    open("competition.xhtml?id=" + competition + "&tab=results");
    return find(By.cssSelector("table.leaderboard tbody tr")).getText();
  }

  static boolean stale(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.WebDriverException gone) {
      return true;
    }
  }

  /** Reads from the live table, which a push may re-render between finding and reading. */
  private static <T> T live(java.util.concurrent.Callable<T> read) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .ignoreException(StaleElementReferenceException.class)
        .until(read, Objects::nonNull);
  }
}
