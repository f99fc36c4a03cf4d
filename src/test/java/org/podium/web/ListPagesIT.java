package org.podium.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.podium.account.BootstrapCredentials;
import org.podium.testing.ApiClient;
import org.podium.testing.Browser;
import org.podium.testing.Deployments;
import org.podium.testing.Zips;

/**
 * The lists that grow, in headless Chromium: Accounts, the competitions, a competition's
 * participants and submissions on its edit page, and a participant's own submissions on the
 * Participate tab show 50 rows a page with "Showing 1–50 of N", Next and Previous, and (but the
 * last) a search box; a page of a list is a link (GET parameters).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ListPagesIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  private static int rows(WebDriver page, String table) {
    return page.findElements(By.cssSelector("#" + table + " tbody tr")).size();
  }

  private static String summary(WebElement section) {
    return section.findElement(By.cssSelector("nav.pager .summary")).getText();
  }

  private static void scrollTo(WebDriver page, String selector) {
    ((org.openqa.selenium.JavascriptExecutor) page)
        .executeScript(
            "document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", selector);
  }

  @Test
  void accountsParticipantsAndSubmissionsPageAndSearch() {
    ApiClient admin = ApiClient.admin(base);
    long competition =
        admin.createCompetition(
            Json.createObjectBuilder()
                .add("title", "Crowded " + UUID.randomUUID().toString().substring(0, 4))
                .add("published", true)
                .add("participation", "AUTO")
                .build());
    long phase =
        admin.addPhase(
            competition,
            Json.createObjectBuilder()
                .add("name", "P")
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .build());
    admin.uploadData(competition, phase, true, Map.of("truth.csv", "id,value\n1,3\n2,4\n"));
    String prefix = "lp" + UUID.randomUUID().toString().substring(0, 5);
    List<ApiClient.Person> people = new ArrayList<>();
    for (int i = 0; i < 55; i++) {
      ApiClient.Person person = new ApiClient(base).register(base, prefix + i);
      person.client().join(competition);
      people.add(person);
    }
    ApiClient.Person submitter = people.get(7);
    for (int i = 0; i < 2; i++) {
      assertEquals(
          201,
          submitter
              .client()
              .post(
                  "competitions/" + competition + "/submissions",
                  "application/zip",
                  Zips.of(Map.of("predictions.csv", "1,3\n2,4\n")))
              .status());
    }
    assertEquals(
        201,
        people
            .get(8)
            .client()
            .post(
                "competitions/" + competition + "/submissions",
                "application/zip",
                Zips.of(Map.of("predictions.csv", "1,3\n2,5\n")))
            .status());
    BootstrapCredentials root =
        BootstrapCredentials.read(
                Path.of(System.getProperty("podium.it.home", "target/podium-home-it")))
            .orElseThrow();

    try (Browser browser = Browser.open("list-pages")) {
      WebDriver page = browser.driver();
      page.manage().window().setSize(new Dimension(1366, 900));
      browser.signIn(base, root.username(), root.password());

      // Accounts: 50 rows of every account, then the next 50
      page.get(base + "admin.xhtml");
      assertEquals(50, rows(page, "accounts"));
      WebElement accounts = page.findElement(By.cssSelector("main section.card"));
      assertTrue(summary(accounts).startsWith("Showing 1–50 of "), summary(accounts));
      browser.screenshot("accounts-1366");
      scrollTo(page, "nav.pager");
      browser.screenshot("accounts-pager-1366");
      browser.clickAndWait(By.cssSelector("nav.pager a.next"));
      assertTrue(page.getCurrentUrl().contains("page=2"), page.getCurrentUrl());
      accounts = page.findElement(By.cssSelector("main section.card"));
      assertTrue(summary(accounts).startsWith("Showing 51–"), summary(accounts));
      assertTrue(!page.findElements(By.cssSelector("nav.pager a.previous")).isEmpty());

      // search: 55 accounts match, 50 then 5, the search kept while paging
      page.findElement(By.id("q")).sendKeys(prefix.toUpperCase());
      browser.clickAndWait(By.cssSelector("#account-search button"));
      assertEquals(50, rows(page, "accounts"));
      assertEquals(
          "Showing 1–50 of 55", summary(page.findElement(By.cssSelector("main section.card"))));
      browser.clickAndWait(By.cssSelector("nav.pager a.next"));
      assertEquals(5, rows(page, "accounts"));
      assertEquals(
          "Showing 51–55 of 55", summary(page.findElement(By.cssSelector("main section.card"))));
      assertTrue(page.getCurrentUrl().contains("q="), page.getCurrentUrl());
      for (WebElement row :
          page.findElements(By.cssSelector("#accounts tbody tr td:first-child"))) {
        assertTrue(row.getText().startsWith(prefix), row.getText());
      }
      page.manage().window().setSize(new Dimension(390, 844));
      scrollTo(page, "nav.pager");
      browser.screenshot("accounts-search-page-2-390");
      page.manage().window().setSize(new Dimension(1366, 900));

      // a role given on page 2 of a search comes back to the same page of the same search
      String last = people.get(54).username();
      page.findElement(By.cssSelector("#account-" + last + " input.organizer")).click();
      browser.clickAndWait(By.id("confirm-yes")); // roles change after a confirmation (issue 15)
      assertTrue(page.getCurrentUrl().contains("page=2"), page.getCurrentUrl());
      assertEquals(5, rows(page, "accounts"));

      // the edit page: 55 participants, 50 a page, searched by name
      page.get(base + "edit-competition.xhtml?id=" + competition);
      assertEquals(50, rows(page, "participant-list"));
      WebElement participants = page.findElement(By.id("participants"));
      assertEquals("Showing 1–50 of 55", summary(participants));
      browser.clickAndWait(By.cssSelector("#participants nav.pager a.next"));
      assertTrue(page.getCurrentUrl().contains("ppage=2"), page.getCurrentUrl());
      assertEquals(5, rows(page, "participant-list"));
      assertEquals(
          people.get(54).username(),
          page.findElement(By.cssSelector("#participant-list tbody tr:last-child td")).getText());
      page.findElement(By.id("pq")).sendKeys(people.get(8).username());
      browser.clickAndWait(By.cssSelector("#participant-search button"));
      assertEquals(1, rows(page, "participant-list"));
      assertEquals("Showing 1–1 of 1", summary(page.findElement(By.id("participants"))));

      // submissions of every participant, searched by participant
      assertEquals(3, rows(page, "all-submissions"));
      page.findElement(By.id("sq")).sendKeys(submitter.username());
      browser.clickAndWait(By.cssSelector("#submission-search button"));
      assertEquals(2, rows(page, "all-submissions"));
      assertEquals("Showing 1–2 of 2", summary(page.findElement(By.id("submissions"))));
      assertEquals(1, rows(page, "participant-list"), "the other list's search stays");
      page.get(base + "edit-competition.xhtml?id=" + competition);
      ((org.openqa.selenium.JavascriptExecutor) page)
          .executeScript("document.getElementById('participants').scrollIntoView()");
      browser.screenshot("edit-lists-1366");
      page.manage().window().setSize(new Dimension(390, 844));
      ((org.openqa.selenium.JavascriptExecutor) page)
          .executeScript("document.getElementById('participants').scrollIntoView()");
      browser.screenshot("edit-participants-390");
      ((org.openqa.selenium.JavascriptExecutor) page)
          .executeScript("document.getElementById('submissions').scrollIntoView()");
      browser.screenshot("edit-submissions-390");
      assertEquals(List.of(), browser.pageProblems());
    }
  }

  /** An attribute of an element of a part of the page that may be re-rendered while read. */
  private static String live(WebDriver page, String selector, String attribute) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            () -> page.findElement(By.cssSelector(selector)).getDomProperty(attribute),
            java.util.Objects::nonNull);
  }

  @Test
  void competitionsAndMySubmissionsPageAndSearch() throws Exception {
    ApiClient admin = ApiClient.admin(base);
    String prefix = "Lp" + UUID.randomUUID().toString().substring(0, 6);
    for (int i = 0; i < 53; i++) {
      admin.createCompetition(
          Json.createObjectBuilder()
              .add("title", prefix + " competition " + i)
              .add("published", true)
              .build());
    }
    long competition =
        admin.createCompetition(
            Json.createObjectBuilder()
                .add("title", "Busy " + prefix)
                .add("published", true)
                .add("participation", "AUTO")
                .build());
    long phase =
        admin.addPhase(
            competition,
            Json.createObjectBuilder()
                .add("name", "P")
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .build());
    ApiClient.Person busy = new ApiClient(base).register(base, "busy" + prefix.toLowerCase());
    busy.client().join(competition);
    // 55 finished submissions, written as scoring would leave them (scoring 55 is slow)
    try (Connection db =
            DriverManager.getConnection(
                System.getProperty("podium.db.url"),
                System.getProperty("podium.db.user"),
                System.getProperty("podium.db.password"));
        PreparedStatement insert =
            db.prepareStatement(
                "insert into submission (phase_id, participant_id, kind, status, outcome, attempt,"
                    + " submitted_at, started_at, finished_at, wall_ms)"
                    + " select ?, pa.id, 'RESULTS', 'FINISHED', 'SUCCEEDED', 1,"
                    + " now() - (n || ' minutes')::interval, now() - (n || ' minutes')::interval,"
                    + " now() - (n || ' minutes')::interval, 1000"
                    + " from participant pa join account a on a.id = pa.account_id"
                    + " cross join generate_series(1, 55) n"
                    + " where pa.competition_id = ? and a.username = ?")) {
      insert.setLong(1, phase);
      insert.setLong(2, competition);
      insert.setString(3, busy.username());
      assertEquals(55, insert.executeUpdate());
    }

    try (Browser browser = Browser.open("list-pages-competitions")) {
      WebDriver page = browser.driver();
      page.manage().window().setSize(new Dimension(1366, 900));
      browser.signIn(base, busy.username(), busy.password());

      // the competitions: a title searched by any part in any case, 50 a page
      page.get(base + "competitions.xhtml");
      page.findElement(By.id("q")).sendKeys(prefix.toUpperCase());
      browser.clickAndWait(By.cssSelector("#competition-search button"));
      assertEquals(50, page.findElements(By.cssSelector("#competition-list li")).size());
      assertEquals("Showing 1–50 of 54", summary(page.findElement(By.tagName("main"))));
      browser.screenshot("competitions-search-1366");
      browser.clickAndWait(By.cssSelector("nav.pager a.next"));
      assertTrue(page.getCurrentUrl().contains("page=2"), page.getCurrentUrl());
      assertTrue(page.getCurrentUrl().contains("q="), page.getCurrentUrl());
      assertEquals(4, page.findElements(By.cssSelector("#competition-list li")).size());
      assertEquals("Showing 51–54 of 54", summary(page.findElement(By.tagName("main"))));
      // newest first: the oldest of the search is last on its last page
      List<WebElement> titles = page.findElements(By.cssSelector("#competition-list li h2"));
      assertEquals(prefix + " competition 0", titles.get(titles.size() - 1).getText());
      page.manage().window().setSize(new Dimension(390, 844));
      scrollTo(page, "nav.pager");
      browser.screenshot("competitions-search-page-2-390");
      page.manage().window().setSize(new Dimension(1366, 900));

      // "My submissions": 50 a page, its page kept by the live refresh
      page.get(base + "competition.xhtml?id=" + competition + "&tab=participate");
      // (the table is re-rendered when the websocket opens: read it as it stands, retrying)
      assertEquals("Showing 1–50 of 55", live(page, "#mysubs nav.pager .summary", "textContent"));
      assertEquals(50, rows(page, "mysubs"));
      page.get(live(page, "#mysubs nav.pager a.next", "href"));
      assertTrue(page.getCurrentUrl().contains("mpage=2"), page.getCurrentUrl());
      assertTrue(page.getCurrentUrl().contains("tab=participate"), page.getCurrentUrl());
      assertEquals("Showing 51–55 of 55", live(page, "#mysubs nav.pager .summary", "textContent"));
      assertEquals(5, rows(page, "mysubs"));
      String refreshed =
          (String)
              ((org.openqa.selenium.JavascriptExecutor) page)
                  .executeAsyncScript(
                      "const done = arguments[arguments.length - 1];"
                          + "const table = document.getElementById('mysubs');"
                          + "new MutationObserver(() => {"
                          + "const shown = document.querySelector('#mysubs nav.pager .summary');"
                          + "if (shown) done(shown.textContent); })"
                          + ".observe(table.parentNode, {childList: true, subtree: true});"
                          + "window.podiumRefreshSubmissions();");
      assertEquals("Showing 51–55 of 55", refreshed);
      assertEquals(5, rows(page, "mysubs"));
      scrollTo(page, "#mysubs nav.pager");
      browser.screenshot("my-submissions-page-2-1366");
      page.manage().window().setSize(new Dimension(390, 844));
      scrollTo(page, "#mysubs nav.pager");
      browser.screenshot("my-submissions-page-2-390");
      assertEquals(List.of(), browser.pageProblems());
    }
  }
}
