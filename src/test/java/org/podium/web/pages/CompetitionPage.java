package org.podium.web.pages;

import java.net.URL;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.podium.testing.Browser;

/**
 * The competition page: its header (title, state, dates, participants, organizers, Join), its tab
 * bar and the Overview tab (each phase's rules, the terms).
 */
public class CompetitionPage extends PodiumPage {

  public CompetitionPage(Browser browser, URL base) {
    super(browser, base);
  }

  /** Opens a competition's page on a tab ({@code overview}, {@code participate}, …). */
  public CompetitionPage open(long competition, String tab) {
    open("competition.xhtml?id=" + competition + "&tab=" + tab);
    return this;
  }

  public CompetitionPage reload() {
    driver().navigate().refresh();
    return this;
  }

  public String address() {
    return driver().getCurrentUrl();
  }

  /** The page's heading: the competition's title, or "Not found". */
  public String heading() {
    return find(By.tagName("h1")).getText();
  }

  /** The state's badge in the header: "Open", "Not open yet", "Closed", "Draft". */
  public String state() {
    return find(By.cssSelector("#competition-head #state")).getText();
  }

  public String stateMeaning() {
    return find(By.id("state-meaning")).getText();
  }

  public String dates() {
    return find(By.cssSelector("#competition-head #dates")).getText();
  }

  public String participants() {
    return find(By.cssSelector("#competition-head #participants")).getText();
  }

  public String organizers() {
    return find(By.cssSelector("#competition-head #organizers")).getText();
  }

  /** The tab links' ids, in order. */
  public java.util.List<String> tabs() {
    return all(By.cssSelector("nav.tabs[aria-label=Competition] a")).stream()
        .map(a -> a.getAttribute("id"))
        .toList();
  }

  /** Whether every tab is in sight: the tab strip does not need scrolling sideways. */
  public boolean tabsFit() {
    return (Boolean)
        driver()
            .executeScript(
                "const t = document.querySelector('nav.tabs[aria-label=Competition]');"
                    + " return t.scrollWidth <= t.clientWidth + 1;");
  }

  /** What the Join box says about when submissions open, when no phase is open; "" if nothing. */
  public String joinWhen() {
    var said = FormFields.now(driver(), () -> driver().findElements(By.id("join-when")));
    return said.isEmpty() ? "" : said.get(0).getText();
  }

  /** What the Join box says about approval, before joining. */
  public String joinNote() {
    return find(By.id("join-approval")).getText();
  }

  public boolean asksToAcceptTerms() {
    return present("join:acceptTerms");
  }

  public CompetitionPage acceptTerms() {
    WebElement box = find(By.id("join:acceptTerms"));
    if (!box.isSelected()) {
      box.click();
    }
    return this;
  }

  /** Presses Join (or "Ask to join"); the page reloads. */
  public CompetitionPage join() {
    browser.clickAndWait(By.id("join:joinButton"));
    return this;
  }

  /** The Join box's refusal. */
  public String joinError() {
    return find(By.cssSelector("#joinMessages .error")).getText();
  }

  /** The header's notice while an organizer has not approved yet. */
  public String pendingNotice() {
    return find(By.id("join-pending")).getText();
  }

  /** Whether the Join button stands above the Participate tab's disabled Submit button. */
  public boolean joinIsAboveDisabledSubmit() {
    return find(By.id("join:joinButton")).getRect().getY()
        < find(By.id("submit-disabled")).getRect().getY();
  }

  /** One of a phase's facts on the Overview: dates, time-limit, resources, scoring, quotas. */
  public String phaseFact(long phase, String fact) {
    return find(By.cssSelector("#overview-phase-" + phase + " dd." + fact)).getText();
  }

  public String noPhases() {
    return find(By.id("no-phases")).getText();
  }

  public String terms() {
    return find(By.cssSelector("#terms .terms-text")).getText();
  }

  /** Whether an element of this id is on the page (without waiting for it). */
  public boolean present(String id) {
    return Boolean.TRUE.equals(
        driver().executeScript("return document.getElementById(arguments[0]) !== null;", id));
  }
}
