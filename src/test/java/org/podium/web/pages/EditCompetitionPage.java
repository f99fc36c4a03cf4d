package org.podium.web.pages;

import java.net.URL;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.podium.testing.Browser;

/**
 * The organizer's editor, {@code edit-competition.xhtml}: the competition's form (with its
 * description preview and the warnings by Published), the phases with their form, participants and
 * submissions.
 */
public final class EditCompetitionPage extends PodiumPage {

  public EditCompetitionPage(Browser browser, URL base) {
    super(browser, base);
  }

  /** Opens the editor of competition {@code id}. */
  public EditCompetitionPage open(long id) {
    open("edit-competition.xhtml?id=" + id);
    return this;
  }

  /** Opens the empty form of a new competition. */
  public EditCompetitionPage openNew() {
    open("edit-competition.xhtml");
    return this;
  }

  /** The page's heading: "New competition" or "Edit “title”". */
  public String heading() {
    return find(By.tagName("h1")).getText();
  }

  public String address() {
    return driver().getCurrentUrl();
  }

  /** Loads the page's address again, as a GET (what reloading a refused post's page shows). */
  public EditCompetitionPage reload() {
    driver().get(address());
    return this;
  }

  public EditCompetitionPage title(String title) {
    type("competition:title", title);
    return this;
  }

  public String title() {
    return find(By.id("competition:title")).getAttribute("value");
  }

  public EditCompetitionPage description(String markdown) {
    type("competition:description", markdown);
    return this;
  }

  public String description() {
    return find(By.id("competition:description")).getAttribute("value");
  }

  public EditCompetitionPage published(boolean published) {
    WebElement box = find(By.id("competition:published"));
    if (box.isSelected() != published) {
      box.click();
    }
    return this;
  }

  public EditCompetitionPage save() {
    browser.clickAndWait(By.id("competition:save"));
    return this;
  }

  public EditCompetitionPage preview() {
    browser.clickAndWait(By.id("competition:preview"));
    return this;
  }

  /** The preview's rendered description (its HTML), or null when there is none. */
  public String previewHtml() {
    List<WebElement> preview =
        all(By.cssSelector("#competition\\:description-preview .description"));
    return preview.isEmpty() ? null : preview.get(0).getAttribute("innerHTML");
  }

  /** The messages at the top of the page. */
  public String messages() {
    List<WebElement> messages = all(By.id("messages"));
    return messages.isEmpty() ? "" : messages.get(0).getText();
  }

  /** The error shown next to an input (its client id): the field-error element after it. */
  public String fieldError(String clientId) {
    return find(By.xpath(
            "//*[@id='" + clientId + "']/following-sibling::*[contains(@class,'field-error')]"))
        .getText();
  }

  /** What the list by Published says participants would run into (empty when nothing). */
  public List<String> publishGaps() {
    return all(By.cssSelector("#competition\\:publish-gaps li")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** The Phases table's "no phases yet" text, or null when it has phases. */
  public String noPhases() {
    List<WebElement> empty = all(By.id("no-phases"));
    return empty.isEmpty() ? null : empty.get(0).getText();
  }

  public EditCompetitionPage phaseName(String name) {
    type("phase:name", name);
    return this;
  }

  public String phaseName() {
    return find(By.id("phase:name")).getAttribute("value");
  }

  /** Chooses the phase's scoring kind: {@code metric} or {@code container}. */
  public EditCompetitionPage scoringKind(String kind) {
    find(By.cssSelector("input[name='phase:scoringKind'][value='" + kind + "']")).click();
    return this;
  }

  /** Whether the fields of scoring kind {@code metric} or {@code container} are shown. */
  public boolean showsScoringFields(String kind) {
    return find(By.id("phase:" + kind + "-fields")).isDisplayed();
  }

  public EditCompetitionPage scoringImage(String image) {
    type("phase:scoringImage", image);
    return this;
  }

  public EditCompetitionPage scoringCommand(String command) {
    type("phase:scoringCommand", command);
    return this;
  }

  public EditCompetitionPage columns(String lines) {
    type("phase:columns", lines);
    return this;
  }

  public EditCompetitionPage addPhase() {
    browser.clickAndWait(By.id("phase:add"));
    return this;
  }

  /** The participant's status as the Participants table shows it. */
  public String participantStatus(String username) {
    return find(By.cssSelector("#participant-" + username + " td:nth-child(2)")).getText();
  }

  /**
   * When the participant accepted the competition's terms, as the Participants table shows it (the
   * day, or "Not accepted"), or null when the table has no such column (a competition without
   * terms).
   */
  public String termsAccepted(String username) {
    List<WebElement> cells = all(By.cssSelector("#participant-" + username + " td.terms-accepted"));
    return cells.isEmpty() ? null : cells.get(0).getText();
  }

  /** The tooltip of the participant's terms cell: the time they accepted them, or why not. */
  public String termsAcceptedTooltip(String username) {
    return find(By.cssSelector("#participant-" + username + " td.terms-accepted"))
        .getAttribute("title");
  }

  /** The Participants table's header cells. */
  public List<String> participantHeaders() {
    return all(By.cssSelector("#participant-list thead th")).stream()
        .map(th -> th.getDomProperty("textContent").strip())
        .toList();
  }

  /**
   * The cells of the Phases table that lie (partly) outside the window or outside a box that
   * scrolls sideways around them, as "phase id: cell text"; empty when every value is in sight.
   */
  public List<String> phaseCellsOutOfSight() {
    return all(By.cssSelector("#phases tbody td")).stream()
        .filter(td -> !withinWindow(td) || overflows(td))
        .map(td -> td.findElement(By.xpath("..")).getAttribute("id") + ": " + td.getText())
        .toList();
  }

  /** Whether what the element holds is wider than the element (a value past its cell's edge). */
  private boolean overflows(WebElement element) {
    return Boolean.TRUE.equals(
        ((JavascriptExecutor) driver())
            .executeScript(
                "return arguments[0].scrollWidth > arguments[0].clientWidth + 1;", element));
  }

  /** The participant's Deny button. */
  public WebElement denyButton(String username) {
    return find(By.cssSelector("#participant-" + username + " input[value=Deny]"));
  }

  /** Clicks Deny and answers its confirmation: {@code confirm} false keeps the participant. */
  public EditCompetitionPage deny(String username, boolean confirm) {
    WebElement deny = denyButton(username);
    scrollTo(deny);
    if (confirm) {
      WebElement old = find(By.tagName("html"));
      deny.click();
      answerConfirmation(true);
      new org.openqa.selenium.support.ui.WebDriverWait(driver(), java.time.Duration.ofSeconds(15))
          .until(
              page -> {
                try {
                  old.isEnabled();
                  return false;
                } catch (org.openqa.selenium.WebDriverException gone) {
                  return true;
                }
              });
    } else {
      deny.click();
      answerConfirmation(false);
    }
    return this;
  }

  /** The text of the confirmation Deny asks, as the button carries it. */
  public String denyQuestion(String username) {
    return denyButton(username).getAttribute("data-confirm");
  }

  /**
   * Whether {@code element} is in sight across: within the window's width and within every box that
   * scrolls sideways around it (a table scrolled inside its card hides what is past its edge),
   * without scrolling anything sideways first.
   */
  public boolean withinWindow(WebElement element) {
    Object inside =
        ((JavascriptExecutor) driver())
            .executeScript(
                "const e = arguments[0]; const r = e.getBoundingClientRect();"
                    + " let inside = r.left >= 0 && r.right <= document.documentElement.clientWidth;"
                    + " for (let p = e.parentElement; p; p = p.parentElement) {"
                    + "   if (getComputedStyle(p).overflowX !== 'visible') {"
                    + "     const c = p.getBoundingClientRect();"
                    + "     inside = inside && r.left >= c.left - 1 && r.right <= c.right + 1; } }"
                    + " return inside;",
                element);
    return Boolean.TRUE.equals(inside);
  }

  /** Brings {@code element} into view (a screenshot then shows it). */
  public void scrollTo(WebElement element) {
    ((JavascriptExecutor) driver())
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
  }

  /** Brings the element with this id into view. */
  public void scrollTo(String id) {
    scrollTo(find(By.id(id)));
  }

  private void type(String id, String text) {
    WebElement input = find(By.id(id));
    input.clear();
    if (text.length() > 200) {
      // Long texts set at once (typing 2,000 characters takes seconds), then one key typed for
      // the page's own listeners.
      ((JavascriptExecutor) driver())
          .executeScript(
              "arguments[0].value = arguments[1];", input, text.substring(0, text.length() - 1));
      input.sendKeys(text.substring(text.length() - 1));
    } else {
      input.sendKeys(text);
    }
  }

  /** Whether the Submissions section shows a pager ("Showing 1–50 of 120", Previous, Next). */
  public boolean submissionsPaged() {
    return !FormFields.now(
            driver(), () -> driver().findElements(By.cssSelector("#submissions nav.pager")))
        .isEmpty();
  }
}
