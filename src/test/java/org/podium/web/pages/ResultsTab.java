package org.podium.web.pages;

import java.net.URL;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.podium.testing.Browser;

/** The competition page's Results tab: a leaderboard per phase. */
public class ResultsTab extends PodiumPage {

  /** One leaderboard row as shown. */
  public record Row(
      String rank, String participant, String entries, String submitted, boolean mine) {}

  public ResultsTab(Browser browser, URL base) {
    super(browser, base);
  }

  public ResultsTab open(long competition) {
    open("competition.xhtml?id=" + competition + "&tab=results");
    return this;
  }

  /** The header cells of a phase's leaderboard, as shown (a score's with its direction). */
  public List<String> headers(long phase) {
    return all(By.cssSelector("#leaderboard-" + phase + " thead th")).stream()
        .map(WebElement::getText)
        .map(text -> text.replace('\n', ' '))
        .toList();
  }

  public List<Row> rows(long phase) {
    List<String> headers = headers(phase);
    int entries = headers.indexOf("Entries");
    int submitted = headers.indexOf("Submitted");
    return all(By.cssSelector("#leaderboard-" + phase + " tbody tr")).stream()
        .map(
            tr -> {
              List<WebElement> cells = tr.findElements(By.tagName("td"));
              return new Row(
                  cells.get(0).getText(),
                  cells.get(1).getText(),
                  cells.get(entries).getText(),
                  cells.get(submitted).getText(),
                  tr.getAttribute("class").contains("mine"));
            })
        .toList();
  }

  /**
   * Whether the phase's leaderboard is wider than its card and scrolls inside it (true), or fits
   * (false); either way the page itself does not scroll sideways ({@link #assertSound}).
   */
  public boolean scrollsInsideItsCard(long phase) {
    return Boolean.TRUE.equals(
        driver()
            .executeScript(
                "const box = document.getElementById(arguments[0]).closest('.scroll');"
                    + " return box.scrollWidth > box.clientWidth"
                    + " && getComputedStyle(box).overflowX === 'auto';",
                "leaderboard-" + phase));
  }

  /** Scrolls the phase's leaderboard to its last column, as a thumb would. */
  public void scrollToLastColumn(long phase) {
    driver()
        .executeScript(
            "const box = document.getElementById(arguments[0]).closest('.scroll');"
                + " box.scrollIntoView({block: 'center'}); box.scrollLeft = box.scrollWidth;",
            "leaderboard-" + phase);
  }

  /** Whether the last header cell of the leaderboard is within the window now. */
  public boolean lastColumnVisible(long phase) {
    return Boolean.TRUE.equals(
        driver()
            .executeScript(
                "const cells = document.querySelectorAll('#' + arguments[0] + ' thead th');"
                    + " const r = cells[cells.length - 1].getBoundingClientRect();"
                    + " return r.right <= window.innerWidth + 1 && r.left >= 0;",
                "leaderboard-" + phase));
  }
}
