package org.podium.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.podium.account.BootstrapCredentials;
import org.podium.compute.DockerEngine;
import org.podium.testing.ApiClient;
import org.podium.testing.Browser;
import org.podium.testing.Deployments;
import org.podium.testing.DockerRequirement;
import org.podium.testing.LocalRegistry;
import org.podium.testing.RegistryImages;
import org.podium.testing.Zips;
import org.podium.web.pages.ParticipateTab;
import org.podium.web.pages.PodiumPage;
import org.podium.web.pages.SubmissionDetailPage;
import org.podium.web.pages.SubmitDialog;

/**
 * Issue 15's points for the Participate tab and a submission's page, each checked at desktop and
 * phone width: the quota before the button, refusals that keep the address, statuses in words,
 * scores in their column's decimals, a sent message that follows the run, tables that fit a phone,
 * the dialog's check as you type and its actions in view, the submission page live, Cancel that
 * asks first, metadata links.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ParticipateJourneyIT {

  private static final List<Dimension> WIDTHS = List.of(PodiumPage.DESKTOP, PodiumPage.PHONE);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  private static JsonObject maeColumn() {
    return Json.createObjectBuilder()
        .add("key", "mae")
        .add("label", "MAE")
        .add("sort", "asc")
        .add("decimals", 3)
        .add("primary", true)
        .build();
  }

  private static String name(Dimension size) {
    return size.equals(PodiumPage.PHONE) ? "phone" : "desktop";
  }

  /** Points 3, 4, 9, 10, 11, 12, 13 with a results upload (no Docker engine needed). */
  @Test
  void participantSeesQuotaWordsAndScoresAndKeepsTheAddressAfterARefusal() throws Exception {
    ApiClient admin = ApiClient.admin(base);
    String title = "Participate " + UUID.randomUUID().toString().substring(0, 4);
    long competition =
        admin.createCompetition(
            Json.createObjectBuilder().add("title", title).add("published", true).build());
    long phase =
        admin.addPhase(
            competition,
            Json.createObjectBuilder()
                .add("name", "Dev")
                .add("maxSubmissionsPerDay", 2)
                .add("maxSubmissions", 5)
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .add("columns", Json.createArrayBuilder().add(maeColumn()))
                .build());
    admin.uploadData(competition, phase, true, Map.of("truth.csv", "1,3\n2,5\n"));
    ApiClient.Person me = new ApiClient(base).register(base, "part");
    me.client().join(competition);
    Path zip = Files.createTempFile("results", ".zip");
    Files.write(zip, Zips.of(Map.of("predictions.csv", "1,3\n2,4\n")));

    try (Browser browser = Browser.open("participate-journey")) {
      browser.signIn(base, me.username(), me.password());
      ParticipateTab tab = new ParticipateTab(browser, base, competition);

      // 11: what is left, before the button, by the server's rule.
      for (Dimension size : WIDTHS) {
        tab.atWidth(size);
        tab.open();
        assertEquals(
            "2 of 2 submissions left today in phase 'Dev' (resets at 00:00 UTC); 5 of 5 left in"
                + " all.",
            tab.quota());
        tab.shot("quota-before-sending-" + name(size));
      }

      // 3 and 13: a refused post says what to do, and the address keeps the competition and tab;
      // reloading it shows the same competition.
      for (Dimension size : WIDTHS) {
        tab.atWidth(size);
        tab.open();
        tab.uploadResults(null);
        assertEquals("Choose a zip file with your predictions.", tab.resultsError());
        assertTrue(
            tab.address().contains("id=" + competition)
                && tab.address().contains("tab=participate"),
            tab.address());
        tab.shot("refused-keeps-address-" + name(size));
        tab.reload();
        assertEquals(title, tab.title());
        assertTrue(tab.canUpload());
      }

      // 9, 10, 12: the sent message follows the run; statuses in words with the code as tooltip;
      // scores in the column's decimals (3), the same on the leaderboard.
      tab.atWidth(PodiumPage.DESKTOP);
      tab.open();
      tab.uploadResults(zip);
      long first = tab.firstId();
      String finished = "Submission " + first + " finished: mae 0.500.";
      assertEquals(finished, tab.awaitSentMessage(finished::equals, Duration.ofSeconds(30)));
      tab.awaitFirstStatus("Finished", Duration.ofSeconds(10));
      assertTrue(tab.firstStatusCode().startsWith("FINISHED · SUCCEEDED"), tab.firstStatusCode());
      assertEquals("mae 0.500", tab.firstScores());
      assertEquals(
          "1 of 2 submissions left today in phase 'Dev' (resets at 00:00 UTC); 4 of 5 left in"
              + " all.",
          tab.quota(),
          "the quota counts what was sent");
      tab.shot("sent-message-followed-the-run-desktop");
      tab.atWidth(PodiumPage.PHONE);
      tab.shot("sent-message-followed-the-run-phone");

      // 4: on a phone the scores are on screen (each submission a small card), at desktop too.
      for (Dimension size : WIDTHS) {
        tab.atWidth(size);
        tab.open();
        assertTrue(tab.firstScoresOnScreen(), "scores on screen at " + name(size));
        assertEquals(List.of("Finished"), tab.statuses());
        tab.showSubmissions();
        tab.shot("my-submissions-fit-" + name(size));
      }

      // 10: the leaderboard says the same number.
      for (Dimension size : WIDTHS) {
        tab.atWidth(size);
        String row = tab.firstLeaderboardRow();
        assertTrue(
            row.matches("(?s).*(^|\\s)0\\.500(\\s|$).*"), "leaderboard in 3 decimals: " + row);
        tab.shot("leaderboard-same-decimals-" + name(size));
      }

      // 12: the submission's page says it in words, the code in the tooltip only (no Code row
      // for a participant, no "Why" that repeats the word); a file of results shows no row of a
      // run (image, digest, exit code, run time) and no logs; its output is there to download.
      SubmissionDetailPage detail = new SubmissionDetailPage(browser, base);
      for (Dimension size : WIDTHS) {
        detail.atWidth(size);
        detail.open(first);
        assertEquals("Finished", detail.status());
        assertTrue(
            detail.statusTooltip().startsWith("FINISHED · SUCCEEDED"), detail.statusTooltip());
        assertFalse(detail.showsCode(), "the code is the tooltip's, for a participant");
        assertNull(detail.why(), "nothing the word does not say");
        assertEquals(
            List.of(
                "Status",
                "Participant",
                "Phase",
                "Sent as",
                "Scores",
                "Attempt",
                "Submitted",
                "Started",
                "Finished"),
            detail.factLabels());
        assertFalse(detail.showsLogs(), "nothing ran, so no logs");
        assertEquals("mae 0.500", detail.scores());
        assertTrue(detail.outputOffered(), "the uploaded results can be downloaded");
        assertFalse(detail.cancellable(), "nothing to cancel once it is over");
        detail.shot("submission-in-words-" + name(size));
      }

      // 11 and 13: the second of the day uses the daily quota; the page says when to come back.
      tab.atWidth(PodiumPage.DESKTOP);
      tab.open();
      tab.uploadResults(zip);
      tab.awaitFirstStatus("Finished", Duration.ofSeconds(30));
      for (Dimension size : WIDTHS) {
        tab.atWidth(size);
        tab.open();
        assertFalse(tab.canUpload(), "no upload once the quota is used");
        assertEquals(
            "You have used today's 2 submissions of phase 'Dev': submit again after "
                + LocalDate.now(ZoneOffset.UTC).plusDays(1)
                + " 00:00 UTC.",
            tab.whyNot());
        tab.shot("quota-used-says-when-" + name(size));
      }

      // 12: an organizer finds the technical code in the facts too.
      browser.driver().manage().deleteAllCookies();
      var organizer =
          BootstrapCredentials.read(
                  Path.of(System.getProperty("podium.it.home", "target/podium-home-it")))
              .orElseThrow();
      browser.signIn(base, organizer.username(), organizer.password());
      for (Dimension size : WIDTHS) {
        detail.atWidth(size);
        detail.open(first);
        assertEquals("Finished", detail.status());
        assertTrue(detail.code().startsWith("FINISHED · SUCCEEDED"), detail.code());
        detail.shot("submission-code-for-organizers-" + name(size));
      }
    }
  }

  /** Sends {@code command} in the busybox image to {@code phase}'s competition by the API. */
  private static long submit(ApiClient.Person me, ApiClient.Created phase, String command) {
    ApiClient.Reply sent =
        me.client()
            .post(
                phase.submissions(),
                Json.createObjectBuilder()
                    .add("image", "docker run " + RegistryImages.BUSYBOX + " " + command)
                    .build());
    assertEquals(201, sent.status(), sent.body());
    return sent.json().getJsonNumber("id").longValue();
  }

  /**
   * Points 5, 8 and the dialog, stable columns, Cancel that asks first and metadata links, with
   * real runs (a Docker engine; skipped or failed without one by DockerRequirement's rule).
   */
  @Test
  void dockerDialogChecksAsYouTypeAndTheSubmissionPageFollowsTheRun() throws Exception {
    ApiClient admin = ApiClient.admin(base);
    String title = "Participate Docker " + UUID.randomUUID().toString().substring(0, 4);
    long competition =
        admin.createCompetition(
            Json.createObjectBuilder()
                .add("title", title)
                .add("published", true)
                .add("enableDockerSubmission", true)
                .add("participantsSeeLogs", true)
                .build());
    long phase =
        admin.addPhase(
            competition,
            Json.createObjectBuilder()
                .add("name", "Dev")
                .add("executionTimeLimitSeconds", 60)
                .add("memoryMb", 128)
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .add("columns", Json.createArrayBuilder().add(maeColumn()))
                .build());
    admin.uploadData(competition, phase, false, Map.of("data.txt", "abc\nhello\n"));
    admin.uploadData(competition, phase, true, Map.of("truth.csv", "1,3\n2,5\n"));
    ApiClient.Person me = new ApiClient(base).register(base, "dock");
    me.client().join(competition);

    try (Browser browser = Browser.open("participate-docker-journey")) {
      browser.signIn(base, me.username(), me.password());
      ParticipateTab tab = new ParticipateTab(browser, base, competition);

      // 8: the line is checked as it is typed (no Tab, no change event), focus stays; the
      // dialog's actions stay in view on a 900 px and a phone's screen, its fields scroll.
      for (Dimension size : WIDTHS) {
        tab.atWidth(size);
        tab.open();
        SubmitDialog dialog = tab.openSubmitDialog();
        assertTrue(dialog.actionsInView(), "Send and Close in view at " + name(size));
        assertTrue(dialog.bodyScrolls());
        assertTrue(dialog.quota().startsWith("No limit on submissions"), dialog.quota());
        dialog.type("docker run --privileged busybox");
        // Waits for the refusal without leaving the field: only typing triggered it.
        dialog.awaitCheck(t -> t.startsWith("--privileged is not allowed"));
        assertTrue(dialog.imageFocused(), "typing goes on in the field");
        dialog.shot("checked-as-you-type-" + name(size));
      }

      // Everything below needs a Docker engine.
      DockerRequirement.engine();
      try (DockerEngine engine = new DockerEngine(DockerRequirement.settings());
          LocalRegistry registry = LocalRegistry.start()) {
        RegistryImages.pushAll(engine.calls());
        String run =
            "docker run "
                + RegistryImages.BUSYBOX
                + " /bin/busybox sh -c 'echo started; busybox sleep 4;"
                + " printf \"1,3\\n2,4\\n\" > /mnt/out/predictions.csv'";

        // 9 and the ugly widths: the sent message follows the run, the columns keep their width
        // as the row goes from waiting to finished (a live re-render, not a reload).
        tab.atWidth(PodiumPage.DESKTOP);
        tab.open();
        SubmitDialog dialog = tab.openSubmitDialog();
        dialog.type(run);
        dialog.send();
        long first = tab.firstId();
        tab.mark();
        List<Long> widths = tab.columnWidths();
        tab.shot("sent-waiting-desktop");
        String finished = "Submission " + first + " finished: mae 0.500.";
        tab.awaitSentMessage(finished::equals, Duration.ofSeconds(60));
        tab.awaitFirstStatus("Finished", Duration.ofSeconds(10));
        assertTrue(tab.samePage(), "updated live");
        assertEquals(widths, tab.columnWidths(), "columns keep their width as rows update");
        tab.shot("sent-finished-live-desktop");
        tab.atWidth(PodiumPage.PHONE);
        assertTrue(tab.firstScoresOnScreen(), "scores on a phone's screen");
        tab.showSubmissions();
        tab.shot("sent-finished-live-phone");

        // 5: the submission's page follows the run without a reload: status, logs, Cancel gone.
        tab.atWidth(PodiumPage.DESKTOP);
        tab.open();
        dialog = tab.openSubmitDialog();
        dialog.type(run.replace("sleep 4", "sleep 8"));
        dialog.fill("projectUrl", "https://example.org/project");
        dialog.fill("bibtex", "@misc{podium, title={Lengths}}");
        dialog.send();
        long id = tab.firstId();
        SubmissionDetailPage detail = new SubmissionDetailPage(browser, base).open(id);
        assertTrue(List.of("Waiting", "Running").contains(detail.status()), detail.status());
        assertTrue(detail.cancellable());
        assertTrue(
            detail.actionsAddress().contains("id=" + id),
            "the page's forms post to its address with ?id=");
        detail.mark();
        // What it printed shows while it still runs; its output is not offered before it ends.
        detail.awaitStdout("started", Duration.ofSeconds(30));
        assertEquals("Running", detail.status(), "the log came while it ran");
        assertFalse(detail.outputOffered(), "no output to download while it runs");
        assertEquals(
            "Its output can be downloaded here once the run has ended.", detail.noOutput());
        assertEquals(
            List.of(
                "Status",
                "Participant",
                "Phase",
                "Sent as",
                "Image",
                "Image digest that ran",
                "Exit code",
                "Run time",
                "Scores",
                "Attempt",
                "Submitted",
                "Started",
                "Finished"),
            detail.factLabels(),
            "a run's facts, no Why or Code row while it runs");
        detail.shot("submission-live-running-desktop");
        detail.atWidth(PodiumPage.PHONE);
        detail.shot("submission-live-running-phone");
        detail.atWidth(PodiumPage.DESKTOP);
        detail.awaitStatus("Finished", Duration.ofSeconds(60));
        // The output's download appears as the run ends, without a reload.
        assertTrue(
            detail.awaitOutputOffered(Duration.ofSeconds(10)).endsWith("/output.zip"),
            "the output offered once the run ended");
        assertTrue(detail.samePage(), "updated live, not reloaded");
        assertNull(detail.why(), "Finished says it all");
        assertEquals("started", detail.stdout().strip());
        assertFalse(detail.cancellable(), "Cancel gone once it is over");
        assertEquals("mae 0.500", detail.scores());
        // Metadata: the address is a safe link, BibTeX monospace.
        WebElement link = detail.metadataLink("https://example.org/project");
        assertNotNull(link, "the project URL is a link");
        assertEquals("noopener nofollow", link.getAttribute("rel"));
        assertTrue(detail.bibtexFont().toLowerCase().contains("mono"), detail.bibtexFont());
        detail.shot("submission-live-finished-desktop");
        detail.atWidth(PodiumPage.PHONE);
        detail.shot("submission-live-finished-phone");

        // Cancel asks first: declined nothing happens, accepted the run stops. At both widths.
        for (Dimension size : WIDTHS) {
          tab.atWidth(size);
          tab.open();
          dialog = tab.openSubmitDialog();
          dialog.type("docker run " + RegistryImages.BUSYBOX + " /bin/busybox sleep 300");
          dialog.send();
          tab.mark();
          tab.cancelFirst(false);
          assertTrue(tab.lastQuestion().startsWith("Cancel submission "), tab.lastQuestion());
          assertTrue(tab.samePage() && tab.firstCancellable(), "declined: nothing sent");
          tab.shot("cancel-declined-" + name(size));
          tab.cancelFirst(true);
          tab.awaitFirstStatus("Cancelled", Duration.ofSeconds(30));
          assertTrue(
              tab.address().contains("id=" + competition), "the address keeps the competition");
          tab.shot("cancel-accepted-" + name(size));
        }

        // 12: "Why" says what the words do not: the time limit a run hit; a failure's exit code
        // is in the words already. Runs the participant may not read the logs of leave nothing to
        // download, and the page says so.
        ApiClient.Created short_ = admin.lineLengthCompetition(title + " short", 2, 128);
        me.client().join(short_.competition());
        long timedOut = submit(me, short_, "/bin/busybox sleep 60");
        long exited = submit(me, short_, "/bin/busybox sh -c 'echo oops >&2; exit 3'");
        SubmissionDetailPage ended = new SubmissionDetailPage(browser, base);
        for (Dimension size : WIDTHS) {
          ended.atWidth(size);
          ended.open(timedOut);
          ended.awaitStatus("Timed out", Duration.ofSeconds(60));
          assertEquals("Still running after the time limit of 2 s: stopped.", ended.why());
          assertTrue(
              ended.statusTooltip().startsWith("FAILED · TIMED_OUT — still running"),
              ended.statusTooltip());
          assertFalse(ended.showsCode());
          ended.shot("why-says-the-limit-" + name(size));
          ended.open(exited);
          ended.awaitStatus("Failed (exit code 3)", Duration.ofSeconds(60));
          assertNull(ended.why(), "the words say the exit code");
          assertFalse(ended.outputOffered());
          assertEquals(
              "Nothing to download: this competition does not show participants what their runs"
                  + " wrote.",
              ended.noOutput());
          ended.shot("failed-in-words-only-" + name(size));
        }

        // And from the submission's page, at both widths.
        for (Dimension size : WIDTHS) {
          tab.atWidth(size);
          tab.open();
          dialog = tab.openSubmitDialog();
          dialog.type("docker run " + RegistryImages.BUSYBOX + " /bin/busybox sleep 300");
          dialog.send();
          SubmissionDetailPage running =
              new SubmissionDetailPage(browser, base).open(tab.firstId());
          assertTrue(running.cancelDeclining().startsWith("Cancel submission "));
          assertTrue(running.cancellable());
          running.cancelAccepting();
          assertEquals("Cancelled", running.status());
          // 12: no "Why: cancelled" under "Cancelled"; the code is in the tooltip.
          assertNull(running.why(), "no row that repeats the word");
          assertFalse(running.showsCode());
          assertEquals("CANCELLED", running.statusTooltip());
          assertTrue(running.address().contains("id="), running.address());
          running.shot("cancelled-from-its-page-" + name(size));
        }
      }
    }
  }
}
