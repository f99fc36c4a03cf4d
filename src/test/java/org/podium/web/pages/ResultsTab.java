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

  /**
   * The header cells of a phase's leaderboard (a score's with its direction), as a screen reader
   * reads them: on a phone the header row is hidden from sight, each value carrying its label.
   */
  public List<String> headers(long phase) {
    return all(By.cssSelector("#leaderboard-" + phase + " thead th")).stream()
        .map(th -> th.getDomProperty("textContent").replaceAll("\\s+", " ").strip())
        .toList();
  }

  /**
   * The label shown with the first row's cell of class {@code cell} ({@code primary}, {@code
   * entries}, {@code submitted}) on a phone, where each value carries its column's name; "" where
   * the header row says it (desktop).
   */
  public String phoneLabel(long phase, String cell) {
    Object label =
        driver()
            .executeScript(
                "const td = document.querySelector('#' + arguments[0] + ' tbody tr td.' +"
                    + " arguments[1]);"
                    + " const c = getComputedStyle(td, '::before').content;"
                    + " return c === 'none' || c === 'normal' ? '' : c.replace(/^\"|\"$/g, '');",
                "leaderboard-" + phase,
                cell);
    return String.valueOf(label);
  }

  /**
   * Whether the first row's primary score lies within the window as the page is shown, nothing
   * scrolled sideways (the table's box at its start).
   */
  public boolean primaryScoreOnScreen(long phase) {
    return Boolean.TRUE.equals(
        driver()
            .executeScript(
                "const table = document.getElementById(arguments[0]);"
                    + " const box = table.closest('.scroll'); if (box) box.scrollLeft = 0;"
                    + " const r = table.querySelector('tbody tr td.primary').getBoundingClientRect();"
                    + " return r.width > 0 && r.left >= 0 && r.right <= document.documentElement.clientWidth;",
                "leaderboard-" + phase));
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
}
