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
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .build());
    admin.uploadData(competition, phase, true, Map.of("truth.csv", "1,3\n2,5\n"));
    String username = "web-" + UUID.randomUUID().toString().substring(0, 6);
    String password = "password-" + UUID.randomUUID();

    try (Browser browser = Browser.open("participant-journey")) {
      WebDriver page = browser.driver();
      page.get(base + "signup.xhtml");
      assertEquals("Sign up — Podium", page.getTitle());
      page.findElement(By.id("signup:username")).sendKeys(username);
      page.findElement(By.id("signup:email")).sendKeys(username + "@example.org");
      page.findElement(By.id("signup:password")).sendKeys("short");
      browser.clickAndWait(By.id("signup:submit"));
      assertEquals(
          "must have at least 10 characters",
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
      await()
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .until(
              () ->
                  page.findElement(By.id("participateMessages"))
                      .getText()
                      .startsWith("Sent: submission"));
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
          .until(
              () ->
                  page.findElement(By.cssSelector("table.submissions tbody tr td.status"))
                      .getText()
                      .equals("FINISHED"));
      browser.screenshot("results-uploaded");

      browser.clickAndWait(By.id("tab-results"));
      String row = page.findElement(By.cssSelector("table.leaderboard tbody tr")).getText();
      assertEquals("1 " + username + " Team Web counting 0.0000", row);
      browser.screenshot("results");

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
        assertTrue(image.isDisplayed(), "the dialog opened");
        assertEquals(image, page.switchTo().activeElement(), "focus moved into the dialog");
        image.sendKeys(org.openqa.selenium.Keys.ESCAPE);
        assertTrue(!image.isDisplayed(), "Esc closes the dialog");
        page.findElement(By.id("submit-docker")).click();
        assertTrue(image.isDisplayed(), "and the button opens it again");
        image.sendKeys("docker run -v /:/host " + org.podium.testing.RegistryImages.EXAMPLE);
        image.sendKeys(org.openqa.selenium.Keys.TAB);
        await()
            .atMost(Duration.ofSeconds(10))
            .ignoreExceptions()
            .until(
                () ->
                    page.findElement(By.id("docker:check"))
                        .getText()
                        .startsWith("-v is not allowed"));
        browser.screenshot("option-refused-while-typing");
        page.findElement(By.id("docker:teamName")).sendKeys("Team Docker");
        page.findElement(By.id("docker:methodName")).sendKeys("length counter");
        browser.clickAndWait(By.id("docker:send"));
        // The form posts and the page reloads: read the error from the new page, once it is there.
        await()
            .atMost(Duration.ofSeconds(10))
            .ignoreExceptions()
            .until(
                () ->
                    page.findElement(By.id("docker:imageError"))
                        .getText()
                        .startsWith("-v is not allowed: Podium sets the sandbox itself"));
        assertTrue(
            page.findElement(By.id("docker:image")).isDisplayed(),
            "the dialog stays open on the error");
        browser.screenshot("option-refused");

        org.openqa.selenium.WebElement fixed = page.findElement(By.id("docker:image"));
        fixed.clear();
        // Three seconds of work, so the table first shows the submission waiting or running.
        fixed.sendKeys(
            "docker run "
                + org.podium.testing.RegistryImages.BUSYBOX
                + " /bin/busybox sh -c 'busybox sleep 3; printf \"1,3\\n2,5\\n\" > /mnt/out/predictions.csv'");
        fixed.sendKeys(org.openqa.selenium.Keys.TAB);
        await()
            .atMost(Duration.ofSeconds(10))
            .ignoreExceptions()
            .until(
                () ->
                    page.findElement(By.id("docker:check"))
                        .getText()
                        .startsWith(
                            "Podium will run "
                                + org.podium.testing.RegistryImages.BUSYBOX
                                + " with arguments [\"/bin/busybox\", \"sh\", \"-c\", \"busybox sleep 3;"));
        assertEquals(
            "", page.findElement(By.id("docker:imageError")).getText(), "the old refusal is gone");
        browser.screenshot("what-podium-will-run");
        browser.clickAndWait(By.id("docker:send"));
        await()
            .atMost(Duration.ofSeconds(10))
            .ignoreExceptions()
            .until(
                () ->
                    page.findElement(By.id("participateMessages"))
                        .getText()
                        .startsWith("Sent: submission"));
        browser.screenshot("sent");
        String first =
            page.findElement(By.cssSelector("table.submissions tbody tr td.status")).getText();
        assertTrue(List.of("SUBMITTED", "RUNNING").contains(first), first);
        // A reload would drop this marker: the row must change by push, not by reloading.
        ((org.openqa.selenium.JavascriptExecutor) page)
            .executeScript("window.podiumNoReload = true;");

        // The live table is re-rendered under our feet: an element may go stale between find and
        // read.
        await()
            .atMost(Duration.ofSeconds(60))
            .ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
            .until(
                () ->
                    page.findElement(By.cssSelector("table.submissions tbody tr td.status"))
                        .getText()
                        .equals("FINISHED"));
        assertEquals(
            true,
            ((org.openqa.selenium.JavascriptExecutor) page)
                .executeScript("return window.podiumNoReload === true;"));
        browser.screenshot("finished-live");

        browser.clickAndWait(By.id("tab-results"));
        assertEquals(
            "1 " + username + " Team Docker length counter 0.0000",
            page.findElement(By.cssSelector("table.leaderboard tbody tr")).getText());
        browser.screenshot("results");
      }
    }
  }

  @Test
  void organizerCreatesACompetitionAddsAPhaseUploadsDataAndApprovesAParticipant() throws Exception {
    var admin =
        org.podium.account.BootstrapCredentials.read(
                java.nio.file.Path.of(
                    System.getProperty("podium.it.home", "target/podium-home-it")))
            .orElseThrow();
    String title = "Organized " + UUID.randomUUID().toString().substring(0, 4);
    java.nio.file.Path input = java.nio.file.Files.createTempFile("input", ".zip");
    java.nio.file.Files.write(input, Zips.of(Map.of("data.txt", "abc\nhello\n")));
    java.nio.file.Path reference = java.nio.file.Files.createTempFile("reference", ".zip");
    java.nio.file.Files.write(reference, Zips.of(Map.of("truth.csv", "1,3\n2,5\n")));

    try (Browser browser = Browser.open("organizer-journey")) {
      WebDriver page = browser.driver();
      page.get(base + "signin.xhtml");
      page.findElement(By.id("signin:username")).sendKeys(admin.username());
      page.findElement(By.id("signin:password")).sendKeys(admin.password());
      browser.clickAndWait(By.id("signin:submit"));
      browser.clickAndWait(By.id("new-competition"));
      page.findElement(By.id("competition:title")).sendKeys(title);
      page.findElement(By.id("competition:description")).sendKeys("Predict **line lengths**.");
      new org.openqa.selenium.support.ui.Select(
              page.findElement(By.id("competition:participation")))
          .selectByValue("APPROVAL");
      page.findElement(By.id("competition:docker")).click();
      page.findElement(By.id("competition:published")).click();
      browser.screenshot("new-competition");
      browser.clickAndWait(By.id("competition:save"));
      assertEquals("Saved.", page.findElement(By.id("messages")).getText());
      assertTrue(
          page.findElement(By.id("competition:docker")).isSelected(),
          "Allow participant docker submission stays ticked");

      page.findElement(By.id("phase:name")).sendKeys("Development");
      page.findElement(By.id("phase:timeLimit")).clear();
      page.findElement(By.id("phase:timeLimit")).sendKeys("60");
      browser.clickAndWait(By.id("phase:add"));
      assertEquals("Phase 'Development' added.", page.findElement(By.id("messages")).getText());

      page.findElement(By.id("data:input")).sendKeys(input.toString());
      page.findElement(By.id("data:reference")).sendKeys(reference.toString());
      browser.clickAndWait(By.id("data:upload"));
      assertEquals("Data uploaded.", page.findElement(By.id("messages")).getText());
      String phaseRow = page.findElement(By.cssSelector("table tbody tr")).getText();
      assertEquals("Development mae 60 s 10 bytes 8 bytes", phaseRow);
      browser.screenshot("phase-with-data");

      long competition = Long.parseLong(page.getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
      ApiClient applicant = new ApiClient(base).newParticipant(base, "applicant");
      String applicantName = applicant.get("accounts/me").json().getString("username");
      applicant.post(
          "competitions/" + competition + "/participants", (jakarta.json.JsonStructure) null);
      page.navigate().refresh();
      assertTrue(
          page.findElement(By.id("participant-" + applicantName)).getText().contains("PENDING"));
      browser.clickAndWait(
          By.cssSelector("#participant-" + applicantName + " input[value=Approve]"));
      assertTrue(
          page.findElement(By.id("participant-" + applicantName)).getText().contains("APPROVED"));
      browser.screenshot("participant-approved");
      ApiClient.Reply again =
          applicant.post(
              "competitions/" + competition + "/participants", (jakarta.json.JsonStructure) null);
      assertEquals(
          "you already take part in this competition (APPROVED)", again.json().getString("detail"));
    }
  }
}
