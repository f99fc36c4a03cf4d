package org.podium.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.podium.testing.ApiClient;
import org.podium.testing.Browser;
import org.podium.testing.Deployments;
import org.podium.testing.Zips;

/**
 * The private leaderboard through the pages, an organizer and a participant each in their own
 * browser: the organizer turns it on and uploads its reference data on the edit page; the
 * participant uploads results, sees public scores only, marks a final submission; the organizer
 * reveals; the participant switches the Results tab to the private leaderboard, where the order of
 * the public one is reversed. Screenshots at a laptop's and a phone's width.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrivateLeaderboardJourneyIT {

  private static final Dimension DESKTOP = new Dimension(1366, 900);
  private static final Dimension PHONE = new Dimension(390, 844);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  /** Edit competition, as an organizer uses it for a phase's private leaderboard. */
  private record EditPage(Browser browser, URL base, long competition) {
    WebDriver page() {
      return browser.driver();
    }

    EditPage open() {
      page().get(base + "edit-competition.xhtml?id=" + competition);
      return this;
    }

    void turnOnPrivateLeaderboard(long phase, int finalSubmissions) {
      browser.clickAndWait(By.cssSelector("#phase-" + phase + " input[value=Edit]"));
      WebElement box = page().findElement(By.id("phase:privateLeaderboard"));
      if (!box.isSelected()) {
        box.click();
      }
      WebElement k = page().findElement(By.id("phase:finalSubmissions"));
      k.clear();
      k.sendKeys(Integer.toString(finalSubmissions));
      browser.clickAndWait(By.id("phase:add"));
    }

    void uploadPrivateReference(Path zip) {
      page().findElement(By.id("data:privateReference")).sendKeys(zip.toString());
      browser.clickAndWait(By.id("data:upload"));
    }

    String message() {
      return page().findElement(By.id("messages")).getText();
    }

    String privateState(long phase) {
      return page().findElement(By.cssSelector("#phase-" + phase + " .private-board")).getText();
    }

    void reveal(long phase) {
      browser.clickAndWait(By.cssSelector("#phase-" + phase + " input[value='Reveal private']"));
    }

    /** Scrolls the phases table's private leaderboard cell into view (sideways too, on a phone). */
    void showPrivateSection() {
      ((JavascriptExecutor) page())
          .executeScript(
              "document.getElementById('phases').scrollIntoView();"
                  + "document.querySelector('#phases .private-board')"
                  + ".scrollIntoView({block: 'nearest', inline: 'center'});");
    }

    void showPrivateFieldset() {
      ((JavascriptExecutor) page())
          .executeScript("document.getElementById('private').scrollIntoView();");
    }
  }

  /** A competition's page: the Participate tab's list with its Final toggles, the Results tab. */
  private record CompetitionPage(Browser browser, URL base, long competition) {
    WebDriver page() {
      return browser.driver();
    }

    CompetitionPage participate() {
      page().get(base + "competition.xhtml?id=" + competition + "&tab=participate");
      return this;
    }

    void uploadResults(Path zip) {
      page().findElement(By.id("upload:results")).sendKeys(zip.toString());
      browser.clickAndWait(By.id("upload:send"));
      await()
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .until(
              () ->
                  page()
                      .findElement(By.id("sent"))
                      .getText()
                      .matches("(Sent: s|S)ubmission \\d+ .*"));
    }

    void awaitFinished() {
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreException(StaleElementReferenceException.class)
          .until(
              () ->
                  page()
                      .findElement(By.cssSelector("table.submissions tbody tr td.status"))
                      .getText()
                      .equals("Finished"));
    }

    /** Scrolls the submissions list, with its Final toggles, into view. */
    void showSubmissions() {
      ((JavascriptExecutor) page())
          .executeScript(
              "document.querySelector('.finals').scrollIntoView();"
                  + "document.querySelector('table.submissions td.final')"
                  + ".scrollIntoView({block: 'nearest', inline: 'center'});");
    }

    String finals(long phase) {
      return page().findElement(By.id("finals-" + phase)).getText();
    }

    String firstRowScores() {
      return page().findElement(By.cssSelector("table.submissions tbody tr td.scores")).getText();
    }

    void markFirstFinal() {
      browser.clickAndWait(By.cssSelector("table.submissions tbody tr input[value='Mark final']"));
    }

    boolean firstMarked() {
      return !page()
          .findElements(By.cssSelector("table.submissions tbody tr td.final .marked"))
          .isEmpty();
    }

    CompetitionPage results(String board) {
      page()
          .get(
              base
                  + "competition.xhtml?id="
                  + competition
                  + "&tab=results"
                  + (board == null ? "" : "&board=" + board));
      return this;
    }

    /**
     * Each row as "rank participant score" (the primary column, the last before Entries and
     * Submitted).
     */
    List<String> leaderboard(long phase) {
      return page().findElements(By.cssSelector("#leaderboard-" + phase + " tbody tr")).stream()
          .map(
              row -> {
                List<WebElement> cells = row.findElements(By.tagName("td"));
                return cells.get(0).getText()
                    + " "
                    + cells.get(1).getText()
                    + " "
                    + cells.get(cells.size() - 3).getText();
              })
          .toList();
    }

    boolean hasBoardSwitch(long phase) {
      return !page().findElements(By.id("board-private-" + phase)).isEmpty();
    }

    void switchTo(String board, long phase) {
      browser.clickAndWait(By.id("board-" + board + "-" + phase));
    }

    boolean fitsWidth() {
      return Boolean.TRUE.equals(
          ((JavascriptExecutor) page())
              .executeScript(
                  "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"));
    }
  }

  private static Path zip(String prefix, Map<String, String> files) throws Exception {
    Path zip = Files.createTempFile(prefix, ".zip");
    Files.write(zip, Zips.of(files));
    return zip;
  }

  /** A screenshot at a laptop's width, then one at a phone's. */
  private static void shots(Browser browser, String step, Runnable scroll) {
    for (Dimension size : List.of(DESKTOP, PHONE)) {
      browser.driver().manage().window().setSize(size);
      scroll.run();
      browser.screenshot(step + (size == DESKTOP ? "-desktop" : "-phone"));
    }
    browser.driver().manage().window().setSize(DESKTOP);
  }

  @Test
  void organizerSetsUpParticipantMarksFinalOrganizerRevealsAndTheOrderFlips() throws Exception {
    ApiClient admin = ApiClient.admin(base);
    var credentials =
        org.podium.account.BootstrapCredentials.read(
                Path.of(System.getProperty("podium.it.home", "target/podium-home-it")))
            .orElseThrow();
    String title = "Private journey " + UUID.randomUUID().toString().substring(0, 4);
    long competition =
        admin.createCompetition(
            Json.createObjectBuilder()
                .add("title", title)
                .add("published", true)
                .add("participation", "AUTO")
                .build());
    long phase =
        admin.addPhase(
            competition,
            Json.createObjectBuilder()
                .add("name", "Final phase")
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .build());
    admin.uploadData(competition, phase, true, Map.of("truth.csv", "id,value\n1,3\n2,4\n"));
    // Someone else's results: best publicly (0), worst privately (6.75).
    ApiClient.Person rival = new ApiClient(base).register(base, "rival");
    rival.client().join(competition);
    ApiClient.Person me = new ApiClient(base).register(base, "finalist");
    me.client().join(competition);

    try (Browser organizer = Browser.open("private-organizer");
        Browser participant = Browser.open("private-participant")) {
      organizer.driver().manage().window().setSize(DESKTOP);
      participant.driver().manage().window().setSize(DESKTOP);
      organizer.signIn(base, credentials.username(), credentials.password());
      EditPage edit = new EditPage(organizer, base, competition).open();

      edit.turnOnPrivateLeaderboard(phase, 1);
      assertEquals("Phase 'Final phase' saved.", edit.message());
      assertTrue(
          edit.privateState(phase).contains("No private reference data yet"),
          edit.privateState(phase));
      shots(organizer, "edit-private-without-data", edit::showPrivateSection);
      edit.uploadPrivateReference(
          zip("private", Map.of("truth.csv", "id,value\n1,10.25\n2,10.25\n")));
      assertEquals("Data uploaded.", edit.message());
      String state = edit.privateState(phase);
      assertTrue(state.startsWith("1 final; data 25 bytes; hidden"), state);
      shots(organizer, "edit-private-settings", edit::showPrivateFieldset);
      shots(organizer, "edit-private-ready", edit::showPrivateSection);

      ApiClient.Reply rivals =
          rival
              .client()
              .post(
                  "competitions/" + competition + "/submissions",
                  "application/zip",
                  Zips.of(Map.of("predictions.csv", "1,3\n2,4\n")));
      assertEquals(201, rivals.status(), rivals.body());

      participant.signIn(base, me.username(), me.password());
      CompetitionPage mine = new CompetitionPage(participant, base, competition).participate();
      mine.uploadResults(zip("mine", Map.of("predictions.csv", "1,9\n2,9\n")));
      mine.awaitFinished();
      assertEquals("mae 5.5000", mine.firstRowScores(), "public scores only");
      assertTrue(mine.finals(phase).startsWith("Final phase: 0 of 1 final submissions marked."));
      mine.markFirstFinal();
      assertTrue(mine.firstMarked());
      assertTrue(mine.finals(phase).startsWith("Final phase: 1 of 1 final submissions marked."));
      shots(participant, "participate-final-marked", mine::showSubmissions);

      mine.results(null);
      assertTrue(!mine.hasBoardSwitch(phase), "no private leaderboard before the reveal");
      assertEquals(
          List.of("1 " + rival.username() + " 0.0000", "2 " + me.username() + " 5.5000"),
          mine.leaderboard(phase));
      mine.results("private");
      assertEquals(2, mine.leaderboard(phase).size());
      assertTrue(
          mine.leaderboard(phase).get(0).startsWith("1 " + rival.username()),
          "asking for the private one before the reveal shows the public one");
      shots(participant, "results-before-reveal", () -> {});

      // The organizer sees both boards before anyone else.
      CompetitionPage desk = new CompetitionPage(organizer, base, competition).results("private");
      assertEquals(
          List.of("1 " + me.username() + " 1.2500", "2 " + rival.username() + " 6.7500"),
          desk.leaderboard(phase));
      shots(organizer, "organizer-private-board", () -> {});

      edit.open().reveal(phase);
      assertEquals("The private leaderboard is revealed.", edit.message());
      assertTrue(edit.privateState(phase).contains("revealed"), edit.privateState(phase));
      shots(organizer, "edit-private-revealed", edit::showPrivateSection);

      mine.results(null);
      assertTrue(mine.hasBoardSwitch(phase));
      shots(participant, "results-public-after-reveal", () -> {});
      mine.switchTo("private", phase);
      assertEquals(
          List.of("1 " + me.username() + " 1.2500", "2 " + rival.username() + " 6.7500"),
          mine.leaderboard(phase));
      shots(participant, "results-private-after-reveal", () -> {});
      participant.driver().manage().window().setSize(PHONE);
      assertTrue(mine.fitsWidth(), "the Results tab fits a phone's width");
      mine.participate();
      assertTrue(mine.fitsWidth(), "the Participate tab fits a phone's width");
      assertTrue(mine.finals(phase).contains("final submissions are fixed"), mine.finals(phase));
      assertEquals(List.of(), participant.pageProblems());
    }
  }
}
