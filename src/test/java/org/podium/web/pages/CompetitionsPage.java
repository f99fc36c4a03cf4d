package org.podium.web.pages;

import java.net.URL;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.podium.testing.Browser;

/** The competitions list: its search and filters, and a card per competition. */
public class CompetitionsPage extends PodiumPage {

  /** What a card shows. */
  public record Card(
      String title,
      String state,
      String summary,
      String dates,
      String participants,
      String organizers) {}

  public CompetitionsPage(Browser browser, URL base) {
    super(browser, base);
  }

  public CompetitionsPage open() {
    open("competitions.xhtml");
    return this;
  }

  /**
   * Searches for {@code text} in the state {@code state} (the option's text, such as "Open now";
   * "Any" for all), only the caller's own when {@code mine}; the page reloads.
   */
  public CompetitionsPage search(String text, String state, boolean mine) {
    WebElement q = find(By.id("q"));
    q.clear();
    q.sendKeys(text);
    new Select(find(By.id("state"))).selectByVisibleText(state);
    if (mine != isPresentAndTicked("mine")) {
      find(By.id("mine")).click();
    }
    browser.clickAndWait(By.cssSelector("#competition-search button"));
    return this;
  }

  private boolean isPresentAndTicked(String id) {
    return Boolean.TRUE.equals(
        driver()
            .executeScript(
                "const e = document.getElementById(arguments[0]); return e !== null && e.checked;",
                id));
  }

  /** The state options the filter offers, in order. */
  public List<String> stateOptions() {
    return new Select(find(By.id("state"))).getOptions().stream().map(WebElement::getText).toList();
  }

  public List<Card> cards() {
    // (an empty list is read without waiting for cards that will not come)
    Object count =
        driver()
            .executeScript(
                "return document.querySelectorAll('#competition-list li.competition-card').length;");
    if (((Number) count).intValue() == 0) {
      return List.of();
    }
    return all(By.cssSelector("#competition-list li.competition-card")).stream()
        .map(
            li ->
                new Card(
                    li.findElement(By.cssSelector("h2")).getText(),
                    li.findElement(By.cssSelector(".state")).getText(),
                    li.findElement(By.cssSelector(".summary")).getText(),
                    li.findElement(By.cssSelector("dd.dates")).getText(),
                    li.findElement(By.cssSelector("dd.participants")).getText(),
                    li.findElement(By.cssSelector("dd.organizers")).getText()))
        .toList();
  }

  /** What the page says when no competition matches. */
  public String emptyMessage() {
    return find(By.id("no-competitions")).getText();
  }

  public List<String> titles() {
    return cards().stream().map(Card::title).toList();
  }

  public String address() {
    return driver().getCurrentUrl();
  }
}
