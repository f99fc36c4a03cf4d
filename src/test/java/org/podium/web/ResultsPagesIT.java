package org.podium.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.podium.account.BootstrapCredentials;
import org.podium.testing.Browser;
import org.podium.testing.Deployments;
import org.podium.testing.Exchanges;
import org.podium.testing.LeaderboardData;

/**
 * A leaderboard longer than a page, from outside: the API walks it by its {@code Link} headers,
 * each participant once, in rank order; the Results tab shows 50 a page with "Showing 1–50 of N"
 * and Next/Previous links that name the phase and the page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ResultsPagesIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  private long competition;
  private long phase;

  /** 130 accounts (every 25th denied, every 40th pending), 600 submissions, written by SQL. */
  @BeforeEach
  void generatedPhase() throws SQLException {
    String tag = "rp-" + UUID.randomUUID().toString().substring(0, 8);
    String organizer =
        BootstrapCredentials.read(
                Path.of(System.getProperty("podium.it.home", "target/podium-home-it")))
            .orElseThrow()
            .username();
    try (Connection db =
            DriverManager.getConnection(
                System.getProperty("podium.db.url"),
                System.getProperty("podium.db.user"),
                System.getProperty("podium.db.password"));
        Statement statement = db.createStatement()) {
      db.setAutoCommit(false);
      for (String sql : LeaderboardData.statements(tag, 130, 600, organizer, 0.5)) {
        statement.execute(sql);
      }
      db.commit();
      try (ResultSet ids =
          statement.executeQuery(
              "select c.id, p.id from competition c join phase p on p.competition_id = c.id"
                  + " where c.title = '"
                  + LeaderboardData.title(tag)
                  + "'")) {
        assertTrue(ids.next());
        competition = ids.getLong(1);
        phase = ids.getLong(2);
      }
    }
  }

  @Test
  void theApiWalksTheLeaderboardByItsLinksEachParticipantOnce() {
    URI next =
        URI.create(
            base + "api/competitions/" + competition + "/phases/" + phase + "/leaderboard?size=50");
    List<String> participants = new ArrayList<>();
    long total = -1;
    int pages = 0;
    while (next != null) {
      Exchanges.Exchange page = Exchanges.get(next, null);
      assertEquals(200, page.status(), page.toString());
      JsonObject body = page.json();
      total = page.total();
      assertEquals(total, body.getJsonNumber("total").longValue());
      for (JsonValue row : body.getJsonArray("rows")) {
        assertEquals(participants.size() + 1, row.asJsonObject().getInt("rank"));
        participants.add(row.asJsonObject().getString("participant"));
      }
      assertTrue(page.links().containsKey("last"), page.toString());
      next = page.links().get("next");
      pages++;
    }
    assertTrue(total > 100, "the data ranks more than two pages: " + total);
    assertEquals(total, participants.size());
    assertEquals(participants.size(), participants.stream().distinct().count());
    assertEquals((total + 49) / 50, pages);
    // every 25th account is denied, every 40th pending: none of them is ranked
    assertFalse(participants.stream().anyMatch(p -> p.endsWith("-25") || p.endsWith("-40")));
  }

  @Test
  void theResultsTabShowsFiftyAPageWithNextAndPrevious() {
    long total =
        Exchanges.get(
                URI.create(
                    base
                        + "api/competitions/"
                        + competition
                        + "/phases/"
                        + phase
                        + "/leaderboard?size=1"),
                null)
            .total();
    try (Browser browser = Browser.open("results-pages")) {
      WebDriver page = browser.driver();
      page.manage().window().setSize(new Dimension(1366, 900));
      page.get(base + "competition.xhtml?id=" + competition + "&tab=results");
      assertEquals(50, page.findElements(By.cssSelector("table.leaderboard tbody tr")).size());
      assertEquals(
          "Showing 1–50 of " + total,
          page.findElement(By.cssSelector("#results nav.pager .summary")).getText());
      assertTrue(page.findElements(By.cssSelector("#results nav.pager a.previous")).isEmpty());
      browser.screenshot("results-1366");

      browser.clickAndWait(By.cssSelector("#results nav.pager a.next"));
      assertTrue(page.getCurrentUrl().contains("phase=" + phase + "&page=2"), page.getCurrentUrl());
      assertEquals(
          "51",
          page.findElement(By.cssSelector("table.leaderboard tbody tr td")).getText(),
          "the second page starts at rank 51");
      assertEquals(
          "Showing 51–100 of " + total,
          page.findElement(By.cssSelector("#results nav.pager .summary")).getText());
      ((org.openqa.selenium.JavascriptExecutor) page)
          .executeScript("document.querySelector('#results nav.pager').scrollIntoView()");
      browser.screenshot("results-page-2-1366");

      page.manage().window().setSize(new Dimension(390, 844));
      browser.screenshot("results-page-2-390");
      browser.clickAndWait(By.cssSelector("#results nav.pager a.previous"));
      assertEquals(
          "1", page.findElement(By.cssSelector("table.leaderboard tbody tr td")).getText());
      browser.screenshot("results-390");
    }
  }
}
