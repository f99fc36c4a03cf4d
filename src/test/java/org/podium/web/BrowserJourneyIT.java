package org.podium.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URL;
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
import org.openqa.selenium.WebDriver;
import org.podium.testing.ApiClient;
import org.podium.testing.Browser;
import org.podium.testing.Deployments;
import org.podium.testing.Zips;

/** A participant's journey through the pages, in headless Chromium, a screenshot per step. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserJourneyIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  @Test
  void participantSignsUpJoinsUploadsResultsAndFindsTheirScoreOnTheResultsTab() throws Exception {
    ApiClient admin = ApiClient.admin(base);
    String title = "Line lengths " + UUID.randomUUID().toString().substring(0, 4);
    long competition =
        admin.createCompetition(
            Json.createObjectBuilder()
                .add("title", title)
                .add(
                    "description",
                    "Predict each line's **length**.\n\nScored by MAE. <script>document.title='hacked'</script>")
                .add("published", true)
                .build());
    long phase =
        admin.addPhase(
            competition,
            Json.createObjectBuilder()
                .add("name", "Development")
                .add("maxSubmissionsPerDay", 1)
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .build());
    admin.uploadData(competition, phase, true, Map.of("truth.csv", "1,3\n2,5\n"));
    String username = "web-" + UUID.randomUUID().toString().substring(0, 6);
    String password = "password-" + UUID.randomUUID();

    try (Browser browser = Browser.open("participant-journey")) {
      WebDriver page = browser.driver();
      // Not signed in: the button one would use is there, disabled, and says why.
      page.get(base + "competition.xhtml?id=" + competition + "&tab=participate");
      assertEquals("Upload results", page.findElement(By.id("submit-disabled")).getText());
      assertTrue(!page.findElement(By.id("submit-disabled")).isEnabled());
      assertEquals("Sign in to submit.", page.findElement(By.id("why-not")).getText());
      browser.screenshot("not-signed-in");

      page.get(base + "signup.xhtml");
      assertEquals("Sign up — Podium", page.getTitle());
      page.findElement(By.id("signup:username")).sendKeys(username);
      page.findElement(By.id("signup:email")).sendKeys(username + "@example.org");
      page.findElement(By.id("signup:password")).sendKeys("short");
      browser.clickAndWait(By.id("signup:submit"));
      assertEquals(
          "Choose a password of at least 10 characters.",
          page.findElement(By.cssSelector(".field-error")).getText());
      browser.screenshot("signup-refused");

      page.findElement(By.id("signup:password")).sendKeys(password);
      browser.clickAndWait(By.id("signup:submit"));
      assertEquals("Competitions — Podium", page.getTitle());
      assertEquals(username, page.findElement(By.cssSelector(".who")).getText());
      browser.screenshot("competitions");

      browser.clickAndWait(By.linkText(title));
      assertEquals(title, page.findElement(By.id("title")).getText());
      assertTrue(
          page.findElement(By.cssSelector(".description")).getText().contains("Scored by MAE."));
      assertEquals("length", page.findElement(By.cssSelector(".description strong")).getText());
      assertEquals(title + " — Podium", page.getTitle(), "the description's script did not run");
      browser.screenshot("overview");

      browser.clickAndWait(By.id("tab-participate"));
      browser.screenshot("participate");
      browser.clickAndWait(By.id("join:joinButton"));
      assertTrue(
          page.findElement(By.id("approved"))
              .getText()
              .startsWith("You take part in this competition."));
      browser.screenshot("joined");

      assertTrue(page.findElements(By.id("submit-docker")).isEmpty(), "no Docker submissions here");
      java.nio.file.Path zip = java.nio.file.Files.createTempFile("results", ".zip");
      java.nio.file.Files.write(zip, Zips.of(Map.of("predictions.csv", "1,3\n2,5\n")));
      page.findElement(By.id("upload:results")).sendKeys(zip.toString());
      page.findElement(By.id("upload:teamName")).sendKeys("Team Web");
      page.findElement(By.id("upload:methodName")).sendKeys("counting");
      browser.clickAndWait(By.id("upload:send"));
      awaitSent(page);
      awaitFirstRowFinished(page, Duration.ofSeconds(30));
      browser.screenshot("results-uploaded");

      // One a day: the form is gone, and the page says when the quota resets.
      page.navigate().refresh();
      assertEquals(
          "You have used today's 1 submission of phase 'Development': submit again after "
              + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1)
              + " 00:00 UTC.",
          page.findElement(By.id("why-not")).getText());
      assertTrue(page.findElements(By.id("upload:send")).isEmpty());
      browser.screenshot("quota-used");

      browser.clickAndWait(By.id("tab-results"));
      String row = page.findElement(By.cssSelector("table.leaderboard tbody tr")).getText();
      // then the entries and the ranked submission's date (issue 15)
      assertTrue(
          row.matches(
              java.util.regex.Pattern.quote("1 " + username + " Team Web counting 0.0000 1 ")
                  + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"),
          row);
      browser.screenshot("results");

      // On a phone's width the pages fit: tables scroll inside their card, not the page.
      page.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
      for (String tab : List.of("participate", "results", "overview")) {
        page.get(base + "competition.xhtml?id=" + competition + "&tab=" + tab);
        assertEquals(
            true,
            ((org.openqa.selenium.JavascriptExecutor) page)
                .executeScript(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"),
            tab + " fits a phone's width");
        browser.screenshot("phone-" + tab);
      }
      page.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

      // A competition whose only phase has ended says so.
      long ended =
          admin.createCompetition(
              Json.createObjectBuilder()
                  .add("title", title + " (ended)")
                  .add("published", true)
                  .build());
      admin.addPhase(
          ended,
          Json.createObjectBuilder()
              .add("name", "Past")
              .add("opensAt", "2020-01-01T00:00:00Z")
              .add("closesAt", "2020-02-01T00:00:00Z")
              .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
              .build());
      page.get(base + "competition.xhtml?id=" + ended + "&tab=participate");
      browser.clickAndWait(By.id("join:joinButton"));
      assertEquals(
          "No phase is open now: the competition has ended.",
          page.findElement(By.id("why-not")).getText());
      browser.screenshot("phase-closed");

      browser.clickAndWait(By.id("signout:signOut"));
      assertEquals("Sign in", page.findElement(By.linkText("Sign in")).getText());
    }
  }

  @Test
  void participantSubmitsDockerThroughTheModalAndWatchesItFinishLive() throws Exception {
    org.podium.testing.DockerRequirement.engine();
    try (org.podium.compute.DockerEngine engine =
            new org.podium.compute.DockerEngine(org.podium.testing.DockerRequirement.settings());
        org.podium.testing.LocalRegistry registry = org.podium.testing.LocalRegistry.start()) {
      org.podium.testing.RegistryImages.pushAll(engine.calls());
      ApiClient admin = ApiClient.admin(base);
      String title = "Docker lengths " + UUID.randomUUID().toString().substring(0, 4);
      long competition =
          admin.createCompetition(
              Json.createObjectBuilder()
                  .add("title", title)
                  .add("published", true)
                  .add("enableDockerSubmission", true)
                  .build());
      long phase =
          admin.addPhase(
              competition,
              Json.createObjectBuilder()
                  .add("name", "Development")
                  .add("executionTimeLimitSeconds", 60)
                  .add("memoryMb", 128)
                  .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                  .build());
      admin.uploadData(competition, phase, false, Map.of("data.txt", "abc\nhello\n"));
      admin.uploadData(competition, phase, true, Map.of("truth.csv", "1,3\n2,5\n"));
      String username = "docker-" + UUID.randomUUID().toString().substring(0, 6);
      String password = "password-" + UUID.randomUUID();
      ApiClient participant = new ApiClient(base);
      participant.post(
          "accounts",
          Json.createObjectBuilder()
              .add("username", username)
              .add("email", username + "@example.org")
              .add("password", password)
              .build());
      ApiClient.basic(base, username, password).tokenClient().join(competition);

      try (Browser browser = Browser.open("docker-journey")) {
        WebDriver page = browser.driver();
        page.get(base + "signin.xhtml");
        page.findElement(By.id("signin:username")).sendKeys(username);
        page.findElement(By.id("signin:password")).sendKeys(password);
        browser.clickAndWait(By.id("signin:submit"));
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> page.getTitle().equals("Competitions — Podium"));
        page.get(base + "competition.xhtml?id=" + competition + "&tab=participate");
        browser.screenshot("participate");

        page.findElement(By.id("submit-docker")).click();
        org.openqa.selenium.WebElement image = page.findElement(By.id("docker:image"));
        // The click is handled on the page's own thread, which the socket's first refresh may be
        // holding for a moment (seen once on a loaded machine): the dialog opens by itself then.
        await().atMost(Duration.ofSeconds(5)).until(image::isDisplayed);
        assertEquals(image, page.switchTo().activeElement(), "focus moved into the dialog");
        image.sendKeys(org.openqa.selenium.Keys.ESCAPE);
        assertTrue(!image.isDisplayed(), "Esc closes the dialog");
        page.findElement(By.id("submit-docker")).click();
        assertTrue(image.isDisplayed(), "and the button opens it again");
        image.sendKeys("docker run -v /:/host " + org.podium.testing.RegistryImages.EXAMPLE);
        image.sendKeys(org.openqa.selenium.Keys.TAB);
        awaitText(page, By.id("docker:check"), text -> text.startsWith("-v is not allowed"));
        browser.screenshot("option-refused-while-typing");
        page.findElement(By.id("docker:teamName")).sendKeys("Team Docker");
        page.findElement(By.id("docker:methodName")).sendKeys("length counter");
        browser.clickAndWait(By.id("docker:send"));
        // The form posts and the page reloads: read the error from the new page, once it is there.
        awaitText(
            page,
            By.id("docker:imageError"),
            text -> text.startsWith("-v is not allowed: Podium sets the sandbox itself"));
        assertTrue(
            page.findElement(By.id("docker:image")).isDisplayed(),
            "the dialog stays open on the error");
        assertEquals(
            1,
            page.findElements(By.cssSelector("#docker .field-error")).stream()
                .filter(e -> e.getText().startsWith("-v is not allowed"))
                .count(),
            "the refusal is said once");
        browser.screenshot("option-refused");

        org.openqa.selenium.WebElement fixed = page.findElement(By.id("docker:image"));
        fixed.clear();
        // Three seconds of work, so the table first shows the submission waiting or running.
        fixed.sendKeys(
            "docker run "
                + org.podium.testing.RegistryImages.BUSYBOX
                + " /bin/busybox sh -c 'busybox sleep 3; printf \"1,3\\n2,5\\n\" > /mnt/out/predictions.csv'");
        fixed.sendKeys(org.openqa.selenium.Keys.TAB);
        awaitText(
            page,
            By.id("docker:check"),
            text ->
                text.startsWith(
                    "Podium will run "
                        + org.podium.testing.RegistryImages.BUSYBOX
                        + " with arguments [\"/bin/busybox\", \"sh\", \"-c\", \"busybox sleep 3;"));
        assertEquals(
            "", page.findElement(By.id("docker:imageError")).getText(), "the old refusal is gone");
        browser.screenshot("what-podium-will-run");
        browser.clickAndWait(By.id("docker:send"));
        awaitSent(page);
        browser.screenshot("sent");
        String first = liveText(page, By.cssSelector("table.submissions tbody tr td.status"));
        assertTrue(List.of("Waiting", "Running").contains(first), first);
        // A reload would drop this marker: the row must change by push, not by reloading.
        markPage(page);

        // The live table is re-rendered under our feet: an element may go stale between find and
        // read.
        awaitFirstRowFinished(page, Duration.ofSeconds(60));
        assertTrue(samePage(page), "the page was not loaded again");
        browser.screenshot("finished-live");

        // A docker save archive instead of a reference: it uploads with its progress shown, the
        // answer replaces the page in place, and the table still changes live afterwards.
        java.nio.file.Path archive = java.nio.file.Files.createTempFile("image", ".tar");
        try (var saved =
            engine
                .calls()
                .saveImageCmd(
                    org.podium.testing.RegistryImages.EXAMPLE.substring(
                        0, org.podium.testing.RegistryImages.EXAMPLE.lastIndexOf(':')))
                .withTag("1")
                .exec()) {
          java.nio.file.Files.copy(
              saved, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        page.findElement(By.id("submit-docker")).click();
        page.findElement(By.id("docker:archive")).sendKeys(archive.toString());
        page.findElement(By.id("docker:teamName")).sendKeys("Team Docker");
        page.findElement(By.id("docker:methodName")).sendKeys("saved image");
        browser.clickAndWait(By.id("docker:send"));
        await()
            .atMost(Duration.ofSeconds(60))
            .ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
            .until(
                () ->
                    page
                        .findElements(By.cssSelector("table.submissions tbody tr td.status"))
                        .stream()
                        .map(org.openqa.selenium.WebElement::getText)
                        .toList()
                        .equals(List.of("Finished", "Finished")));
        assertTrue(samePage(page), "the upload went through the progress path, not a page load");
        assertEquals(List.of(), browser.pageProblems());
        browser.screenshot("archive-finished-live");

        // A long run is cancelled from its page.
        page.findElement(By.id("submit-docker")).click();
        page.findElement(By.id("docker:image"))
            .sendKeys(
                "docker run "
                    + org.podium.testing.RegistryImages.BUSYBOX
                    + " /bin/busybox sleep 300");
        browser.clickAndWait(By.id("docker:send"));
        page.get(liveHref(page, By.cssSelector("table.submissions tbody tr td a")));
        // Cancel asks first (issue 15): the page object accepts the question.
        new org.podium.web.pages.SubmissionDetailPage(browser, base).cancelAccepting();
        assertEquals("Cancelled", page.findElement(By.id("status")).getText());
        assertTrue(page.findElements(By.id("actions:cancel")).isEmpty(), "nothing left to cancel");
        browser.screenshot("cancelled");

        browser.clickAndWait(By.linkText("Back to the competition"));
        browser.clickAndWait(By.id("tab-results"));
        String row = page.findElement(By.cssSelector("table.leaderboard tbody tr")).getText();
        assertTrue(
            row.matches(
                java.util.regex.Pattern.quote(
                        "1 " + username + " Team Docker length counter 0.0000 ")
                    + "\\d+ \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"),
            row);
        browser.screenshot("results");
      }
    }
  }

  /**
   * The issue's journey in one piece, an organizer and a participant each in their own browser: the
   * organizer creates a Docker competition through the pages, the participant signs up, joins, is
   * approved, sends an image through the Submit Docker dialog and watches it finish; the Results
   * tab ranks them; the organizer re-runs it, then switches to results uploads.
   */
  @Test
  void organizerRunsACompetitionAndAParticipantSubmitsDockerThroughThePages() throws Exception {
    org.podium.testing.DockerRequirement.engine();
    var admin =
        org.podium.account.BootstrapCredentials.read(
                java.nio.file.Path.of(
                    System.getProperty("podium.it.home", "target/podium-home-it")))
            .orElseThrow();
    String title = "Journey " + UUID.randomUUID().toString().substring(0, 4);
    java.nio.file.Path input = java.nio.file.Files.createTempFile("input", ".zip");
    java.nio.file.Files.write(input, Zips.of(Map.of("data.txt", "abc\nhello\n")));
    java.nio.file.Path reference = java.nio.file.Files.createTempFile("reference", ".zip");
    java.nio.file.Files.write(reference, Zips.of(Map.of("truth.csv", "1,3\n2,5\n")));
    String username = "journey-" + UUID.randomUUID().toString().substring(0, 6);
    String password = "password-" + UUID.randomUUID();

    try (org.podium.compute.DockerEngine engine =
            new org.podium.compute.DockerEngine(org.podium.testing.DockerRequirement.settings());
        org.podium.testing.LocalRegistry registry = org.podium.testing.LocalRegistry.start();
        Browser organizer = Browser.open("journey-organizer");
        Browser participant = Browser.open("journey-participant")) {
      org.podium.testing.RegistryImages.pushAll(engine.calls());
      WebDriver desk = organizer.driver();
      WebDriver me = participant.driver();

      // The organizer creates the competition, with "Allow participant docker submission".
      signIn(organizer, admin.username(), admin.password());
      organizer.clickAndWait(By.id("new-competition"));
      desk.findElement(By.id("competition:title")).sendKeys(title);
      desk.findElement(By.id("competition:description")).sendKeys("Predict **line lengths**.");
      new org.openqa.selenium.support.ui.Select(
              desk.findElement(By.id("competition:participation")))
          .selectByValue("APPROVAL");
      desk.findElement(By.id("competition:docker")).click();
      desk.findElement(By.id("competition:logs")).click();
      desk.findElement(By.id("competition:published")).click();
      organizer.screenshot("new-competition");
      organizer.clickAndWait(By.id("competition:save"));
      // Published with no phase yet: saved, and the editor says what participants would miss.
      assertEquals(
          "Saved. Published with 1 thing still missing: see the list by Published.",
          desk.findElement(By.id("messages")).getText());
      assertTrue(
          desk.findElement(By.id("competition:docker")).isSelected(),
          "Allow participant docker submission stays ticked");
      assertTrue(
          desk.findElement(By.id("competition:logs-warning"))
              .getText()
              .contains("a submission can print the input data there"),
          "with logs on, the page says what a submission can then print");

      // A phase with every field; mistakes are named next to their field.
      desk.findElement(By.id("phase:name")).sendKeys("Development");
      setValue(desk, "phase:closes", "2020-01-01T00:00");
      replace(desk, "phase:timeLimit", "60");
      replace(desk, "phase:memory", "128");
      replace(desk, "phase:cpus", "0.5");
      replace(desk, "phase:maxTotal", "10");
      replace(desk, "phase:maxPerDay", "5");
      desk.findElement(By.id("phase:columns")).sendKeys("mae, Mean abs. error, lowest");
      organizer.clickAndWait(By.id("phase:add"));
      assertEquals(
          "Line 1 sorts 'asc' (lower is better) or 'desc' (higher is better), not 'lowest'.",
          fieldError(desk, "phase:columns"));
      organizer.screenshot("phase-columns-refused");
      replace(desk, "phase:columns", "mae, Mean abs. error, asc, 3");
      organizer.clickAndWait(By.id("phase:add"));
      assertEquals(
          "The phase must close after it opens: choose a later closing time.",
          fieldError(desk, "phase:closes"));
      organizer.screenshot("phase-dates-refused");
      setValue(desk, "phase:closes", "2099-12-31T23:59");
      organizer.clickAndWait(By.id("phase:add"));
      assertEquals("Phase 'Development' added.", desk.findElement(By.id("messages")).getText());
      String phaseRow = desk.findElement(By.cssSelector("#phases tbody tr")).getText();
      assertTrue(phaseRow.startsWith("Development "), phaseRow);
      assertTrue(phaseRow.contains("2099-12-31 23:59 UTC"), phaseRow);
      assertTrue(phaseRow.contains("mae 60 s, 128 MiB, 0.5 CPU 10, 5 a day — —"), phaseRow);

      // Data uploads show their progress and answer like a plain form.
      desk.findElement(By.id("data:input")).sendKeys(input.toString());
      desk.findElement(By.id("data:reference")).sendKeys(reference.toString());
      markPage(desk);
      organizer.clickAndWait(By.id("data:upload"));
      assertEquals("Data uploaded.", desk.findElement(By.id("messages")).getText());
      assertTrue(samePage(desk), "the upload went through the progress path");
      // the row's Input data and Reference data cells (the private leaderboard's and the actions'
      // come after them)
      assertEquals(
          List.of("10 bytes", "8 bytes"),
          desk
              .findElements(
                  By.cssSelector(
                      "#phases tbody tr td:nth-child(6), #phases tbody tr td:nth-child(7)"))
              .stream()
              .map(org.openqa.selenium.WebElement::getText)
              .toList());
      assertEquals(List.of(), organizer.pageProblems());
      organizer.screenshot("phase-with-data");

      // A phase can be changed later: its fields come back into the form.
      organizer.clickAndWait(By.cssSelector("#phases tbody tr input[value=Edit]"));
      assertEquals("Edit phase Development", desk.findElement(By.id("phase-form-title")).getText());
      assertEquals(
          "mae, Mean abs. error, asc, 3, primary\n",
          desk.findElement(By.id("phase:columns")).getAttribute("value"));
      replace(desk, "phase:timeLimit", "90");
      organizer.clickAndWait(By.id("phase:add"));
      assertEquals("Phase 'Development' saved.", desk.findElement(By.id("messages")).getText());
      assertTrue(
          desk.findElement(By.cssSelector("#phases tbody tr"))
              .getText()
              .contains(" 90 s, 128 MiB"));
      long competition = Long.parseLong(desk.getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));

      // The participant signs up; before joining, and while waiting, the page says why not.
      signUp(participant, username, password);
      me.get(base + "competition.xhtml?id=" + competition + "&tab=participate");
      assertEquals("Submit Docker", me.findElement(By.id("submit-disabled")).getText());
      assertTrue(!me.findElement(By.id("submit-disabled")).isEnabled());
      assertEquals("Join this competition to submit.", me.findElement(By.id("why-not")).getText());
      participant.clickAndWait(By.id("join:joinButton"));
      assertEquals(
          "Your participation waits for an organizer's approval.",
          me.findElement(By.id("why-not")).getText());
      participant.screenshot("waiting-for-approval");

      // The organizer approves.
      desk.navigate().refresh();
      organizer.clickAndWait(By.cssSelector("#participant-" + username + " input[value=Approve]"));
      assertTrue(desk.findElement(By.id("participant-" + username)).getText().contains("Approved"));
      organizer.screenshot("participant-approved");

      // The participant sends through the dialog: the -v option is refused, then the image runs.
      me.navigate().refresh();
      me.findElement(By.id("submit-docker")).click();
      org.openqa.selenium.WebElement image = me.findElement(By.id("docker:image"));
      image.sendKeys("docker run -v /:/host " + org.podium.testing.RegistryImages.EXAMPLE);
      image.sendKeys(org.openqa.selenium.Keys.TAB);
      awaitText(me, By.id("docker:check"), text -> text.startsWith("-v is not allowed"));
      participant.screenshot("option-refused");
      org.openqa.selenium.WebElement fixed = me.findElement(By.id("docker:image"));
      fixed.clear();
      fixed.sendKeys("docker run " + org.podium.testing.RegistryImages.EXAMPLE);
      fixed.sendKeys(org.openqa.selenium.Keys.TAB);
      awaitText(
          me,
          By.id("docker:check"),
          text -> text.equals("Podium will run " + org.podium.testing.RegistryImages.EXAMPLE));
      me.findElement(By.id("docker:teamName")).sendKeys("Team Journey");
      me.findElement(By.id("docker:organization")).sendKeys("Podium University");
      me.findElement(By.id("docker:methodName")).sendKeys("line counter");
      me.findElement(By.id("docker:projectUrl")).sendKeys("https://example.org/project");
      me.findElement(By.id("docker:publicationUrl")).sendKeys("https://example.org/paper");
      me.findElement(By.id("docker:description")).sendKeys("busybox, no model");
      me.findElement(By.id("docker:methodDescription")).sendKeys("counts characters");
      me.findElement(By.id("docker:bibtex")).sendKeys("@misc{journey}");
      participant.screenshot("dialog-filled");
      participant.clickAndWait(By.id("docker:send"));
      awaitSent(me);
      markPage(me);
      awaitFirstRowFinished(me, Duration.ofSeconds(60));
      assertTrue(samePage(me), "the row changed without a reload");
      // Scores in the column's decimals (3) on every page (issue 15).
      assertTrue(liveText(me, By.cssSelector("table.submissions tbody tr")).contains("mae 0.000"));
      assertEquals(List.of(), participant.pageProblems());
      participant.screenshot("finished-live");

      // Opening the row: what ran, under which limits, and its logs.
      me.get(liveHref(me, By.cssSelector("table.submissions tbody tr td a")));
      participant.screenshot("submission-details");
      assertEquals("Finished", me.findElement(By.id("status")).getText());
      assertTrue(
          me.findElement(By.id("digest"))
              .getText()
              .startsWith(org.podium.testing.LocalRegistry.ADDRESS + "/podium-example@sha256:"));
      String limits = me.findElement(By.id("limits")).getText();
      assertTrue(limits.contains("Time\n90 s") && limits.contains("Memory\n128 MiB"), limits);
      assertTrue(limits.contains("CPUs\n0.5") && limits.contains("Network\nnone"), limits);
      assertEquals("wrote 2 predictions", me.findElement(By.id("stdout")).getText().strip());
      assertTrue(me.findElement(By.id("facts")).getText().contains("Scores\nmae 0.000\n"));
      assertTrue(me.findElements(By.id("actions:rerun")).isEmpty(), "participants do not re-run");
      assertEquals(List.of(), participant.pageProblems());

      // The Results tab ranks the participant with team and method, in the column's decimals.
      me.get(base + "competition.xhtml?id=" + competition + "&tab=results");
      assertEquals(
          List.of(
              "#",
              "Participant",
              "Team",
              "Method",
              "Mean abs. error ↓ lower is better",
              "Entries",
              "Submitted"),
          me.findElements(By.cssSelector("table.leaderboard thead th")).stream()
              .map(th -> th.getText().replace('\n', ' '))
              .toList());
      String row = me.findElement(By.cssSelector("table.leaderboard tbody tr")).getText();
      assertTrue(
          row.matches(
              java.util.regex.Pattern.quote("1 " + username + " Team Journey line counter 0.000 1 ")
                  + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"),
          row);
      participant.screenshot("results");

      // The organizer sees every participant's submissions and runs this one again.
      desk.navigate().refresh();
      String all = desk.findElement(By.cssSelector("#all-submissions tbody tr")).getText();
      assertTrue(all.contains(username + " Development Finished"), all);
      organizer.clickAndWait(By.cssSelector("#all-submissions tbody tr input[value=Re-run]"));
      assertTrue(
          desk.findElement(By.id("messages"))
              .getText()
              .matches("Submission \\d+ runs again as submission \\d+\\."));
      // The page updates live too (issue 15): an element may be re-rendered under the read.
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
          .until(
              () -> {
                desk.navigate().refresh();
                return desk.findElement(By.id("status")).getText().equals("Finished");
              });
      organizer.screenshot("rerun-finished");

      // Without Docker submissions, the same tab offers the results upload, and it is scored.
      desk.get(base + "edit-competition.xhtml?id=" + competition);
      desk.findElement(By.id("competition:docker")).click();
      organizer.clickAndWait(By.id("competition:save"));
      me.get(base + "competition.xhtml?id=" + competition + "&tab=participate");
      assertTrue(me.findElements(By.id("submit-docker")).isEmpty());
      java.nio.file.Path results = java.nio.file.Files.createTempFile("results", ".zip");
      java.nio.file.Files.write(results, Zips.of(Map.of("predictions.csv", "1,3\n2,4\n")));
      me.findElement(By.id("upload:results")).sendKeys(results.toString());
      participant.clickAndWait(By.id("upload:send"));
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
          .until(
              () ->
                  me.findElement(By.cssSelector("table.submissions tbody tr"))
                      .getText()
                      .contains("Finished"));
      assertTrue(liveText(me, By.cssSelector("table.submissions tbody tr")).contains("mae 0.500"));
      assertEquals(List.of(), participant.pageProblems());
      participant.screenshot("results-upload-scored");
    }
  }

  @Test
  void aTokenIsShownOnceAndRevokedAndAnAdministratorGivesRoles() throws Exception {
    var admin =
        org.podium.account.BootstrapCredentials.read(
                java.nio.file.Path.of(
                    System.getProperty("podium.it.home", "target/podium-home-it")))
            .orElseThrow();
    String username = "tokens-" + UUID.randomUUID().toString().substring(0, 6);
    String password = "password-" + UUID.randomUUID();
    try (Browser browser = Browser.open("tokens-and-roles")) {
      WebDriver page = browser.driver();
      signUp(browser, username, password);
      browser.clickAndWait(By.id("nav-account"));
      assertEquals("Your account — Podium", page.getTitle());
      page.findElement(By.id("token:name")).sendKeys("laptop");
      browser.clickAndWait(By.id("token:create"));
      String token = page.findElement(By.id("token")).getText();
      assertTrue(token.startsWith("pdm_"), token);
      browser.screenshot("token-shown-once");
      ApiClient withToken = new ApiClient(base).bearer(token);
      assertEquals(username, withToken.get("accounts/me").json().getString("username"));

      page.get(base + "account.xhtml");
      assertTrue(!page.getPageSource().contains(token), "the token is not shown again");
      String row = page.findElement(By.cssSelector("#tokens tbody tr")).getText();
      assertTrue(row.startsWith("laptop ") && row.contains(" active"), row);
      browser.clickAndWait(By.cssSelector("#tokens tbody tr input[value=Revoke]"));
      assertEquals(
          "Token revoked: it no longer signs anything in.",
          page.findElement(By.id("messages")).getText());
      assertTrue(
          page.findElement(By.cssSelector("#tokens tbody tr")).getText().contains("revoked"));
      assertEquals(401, withToken.get("accounts/me").status());
      browser.screenshot("token-revoked");
      assertTrue(page.findElements(By.id("nav-admin")).isEmpty(), "no Accounts link for them");
      page.get(base + "admin.xhtml");
      assertEquals(
          "This page is for Podium's administrators.",
          page.findElement(By.id("refusal")).getText());
      browser.clickAndWait(By.id("signout:signOut"));

      signIn(browser, admin.username(), admin.password());
      browser.clickAndWait(By.id("nav-admin"));
      // the list pages (50 accounts a page): find the account by the search box
      page.findElement(By.id("q")).sendKeys(username);
      browser.clickAndWait(By.cssSelector("#account-search button"));
      // a role changes after a confirmation (issue 15)
      page.findElement(By.cssSelector("#account-" + username + " input[value='Make organizer']"))
          .click();
      browser.clickAndWait(By.id("confirm-yes"));
      assertEquals(
          username + " now has the organizer role.", page.findElement(By.id("messages")).getText());
      assertEquals(
          List.of("organizer", "participant"),
          page.findElements(By.cssSelector("#account-" + username + " td.roles .badge")).stream()
              .map(org.openqa.selenium.WebElement::getText)
              .toList());
      page.get(base + "admin.xhtml?q=" + admin.username());
      // one's own row says "you" and offers no "Remove admin" (the service refuses it anyway)
      assertEquals(
          "you",
          page.findElement(By.cssSelector("#account-" + admin.username() + " .badge.you"))
              .getText());
      assertTrue(
          page.findElements(
                  By.cssSelector("#account-" + admin.username() + " input[value='Remove admin']"))
              .isEmpty());
      browser.screenshot("roles");
      assertTrue(
          ApiClient.admin(base)
              .get("accounts?q=" + username)
              .array()
              .getValuesAs(jakarta.json.JsonObject.class)
              .stream()
              .anyMatch(
                  a ->
                      a.getString("username").equals(username)
                          && a.getJsonArray("roles").toString().contains("ORGANIZER")));
      assertEquals(List.of(), browser.pageProblems());
    }
  }

  /** Every page carries the policy, its scripts the nonce; the session cookie is HttpOnly, Lax. */
  @Test
  void pagesCarryAContentSecurityPolicyWithANonceOnEveryScript() throws Exception {
    java.net.http.HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(base.toURI().resolve("signin.xhtml")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
    java.util.regex.Matcher nonce =
        java.util.regex.Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'")
            .matcher(policy);
    assertTrue(nonce.find(), policy);
    assertTrue(policy.contains("object-src 'none'") && policy.contains("frame-ancestors 'none'"));
    java.util.regex.Matcher scripts =
        java.util.regex.Pattern.compile("<script[^>]*>").matcher(response.body());
    int count = 0;
    while (scripts.find()) {
      count++;
      String tag = scripts.group();
      assertTrue(tag.contains("src=") || tag.contains("nonce=\"" + nonce.group(1) + "\""), tag);
    }
    assertTrue(count >= 2, "faces.js and podium.js");
    assertTrue(!response.body().matches("(?s).*\\son[a-z]+=\".*"), "no inline event handlers");
    String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.startsWith("JSESSIONID="), cookie);
    // Attribute values are case-insensitive: WildFly writes Lax, Payara lax.
    assertTrue(
        cookie.contains("HttpOnly")
            && cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"),
        cookie);
    assertTrue(!cookie.contains("Secure"), "plain HTTP without an https public address: " + cookie);
  }

  private void signIn(Browser browser, String username, String password) {
    browser.signIn(base, username, password);
  }

  private void signUp(Browser browser, String username, String password) {
    browser.driver().get(base + "signup.xhtml");
    browser.driver().findElement(By.id("signup:username")).sendKeys(username);
    browser.driver().findElement(By.id("signup:email")).sendKeys(username + "@example.org");
    browser.driver().findElement(By.id("signup:password")).sendKeys(password);
    browser.clickAndWait(By.id("signup:submit"));
    assertEquals(username, browser.driver().findElement(By.cssSelector(".who")).getText());
  }

  /**
   * Waits for the message a sent submission leaves above the table: "Sent: submission N …" while it
   * waits, then what became of it (issue 15: the message follows the run).
   */
  private static void awaitSent(WebDriver page) {
    awaitText(page, By.id("sent"), text -> text.matches("(Sent: s|S)ubmission \\d+ .*"));
  }

  /** Waits up to 10 s for an element whose text passes {@code test} (it may not be there yet). */
  private static void awaitText(
      WebDriver page, By target, java.util.function.Predicate<String> test) {
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> test.test(page.findElement(target).getText()));
  }

  /** Waits until the newest submission's row says FINISHED (the live table may re-render). */
  private static void awaitFirstRowFinished(WebDriver page, Duration limit) {
    await()
        .atMost(limit)
        .ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            () ->
                page.findElement(By.cssSelector("table.submissions tbody tr td.status"))
                    .getText()
                    .equals("Finished"));
  }

  /**
   * Marks the page: a reload (or a new page) drops the mark, a push or an in-place swap keeps it.
   */
  private static void markPage(WebDriver page) {
    ((org.openqa.selenium.JavascriptExecutor) page).executeScript("window.podiumNoReload = true;");
  }

  /** Whether the page marked by {@link #markPage} is still the same page. */
  private static boolean samePage(WebDriver page) {
    return Boolean.TRUE.equals(
        ((org.openqa.selenium.JavascriptExecutor) page)
            .executeScript("return window.podiumNoReload === true;"));
  }

  /** Text in the live table, which a push may re-render between finding and reading it. */
  private static String liveText(WebDriver page, By target) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
        .until(() -> page.findElement(target).getText(), java.util.Objects::nonNull);
  }

  /**
   * A link's address in the live table (opening it by address, as a click may miss a re-render).
   */
  private static String liveHref(WebDriver page, By link) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
        .until(() -> page.findElement(link).getAttribute("href"), java.util.Objects::nonNull);
  }

  /** Sets an input's value as a person picking it would (date pickers take no typing). */
  private static void setValue(WebDriver page, String id, String value) {
    ((org.openqa.selenium.JavascriptExecutor) page)
        .executeScript("arguments[0].value = arguments[1];", page.findElement(By.id(id)), value);
  }

  private static void replace(WebDriver page, String id, String value) {
    org.openqa.selenium.WebElement input = page.findElement(By.id(id));
    input.clear();
    input.sendKeys(value);
  }

  /** The error shown next to an input: the field-error element that follows it. */
  private static String fieldError(WebDriver page, String id) {
    return page.findElement(
            By.xpath("//*[@id='" + id + "']/following-sibling::*[contains(@class,'field-error')]"))
        .getText();
  }
}
