package org.podium.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.podium.files.Bytes.MIB;

import jakarta.json.Json;
import jakarta.json.JsonObject;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.podium.compute.DockerEngine;
import org.podium.testing.ApiClient;
import org.podium.testing.Browser;
import org.podium.testing.Deployments;
import org.podium.testing.DockerRequirement;
import org.podium.testing.LargeFiles;

/**
 * Uploads over 10 MiB through the pages, in headless Chromium with its upload throttled as on a
 * real line: the Submit dialog's archive and the organizer's data both show their progress, and a
 * file over Podium's limit is refused next to its field before a byte is sent.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LargeUploadPagesIT {

  private static final Path WORK = Path.of("target/large-uploads").toAbsolutePath();
  private static final Path HOME =
      Path.of(System.getProperty("podium.it.home", "target/podium-home-it"));

  /** Bytes a second the browser may send: a 24 MiB upload takes about three seconds. */
  private static final long LINE = 8 * MIB;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podiumWithSettings();
  }

  @ArquillianResource URL base;

  /** An account made through the API, its password kept to sign in on the pages. */
  private record Person(String username, String password, ApiClient api) {}

  private Person person(String prefix) {
    String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    String password = "password-" + UUID.randomUUID();
    ApiClient.Reply created =
        new ApiClient(base)
            .post(
                "accounts",
                Json.createObjectBuilder()
                    .add("username", username)
                    .add("email", username + "@example.org")
                    .add("password", password)
                    .build());
    assertEquals(201, created.status(), created.body());
    return new Person(username, password, ApiClient.basic(base, username, password).tokenClient());
  }

  /** A new participant who has joined the competition. */
  private Person participant(String prefix, long competition) {
    Person person = person(prefix);
    person.api().join(competition);
    return person;
  }

  /** Signs the participant in and opens the Submit Docker dialog on the Participate tab. */
  private ChromeDriver openSubmitDialog(Browser browser, Person participant, long competition) {
    ChromeDriver page = browser.driver();
    browser.signIn(base, participant.username(), participant.password());
    page.get(base + "competition.xhtml?id=" + competition + "&tab=participate");
    page.findElement(By.id("submit-docker")).click();
    return page;
  }

  private long[] competition(ApiClient admin, boolean docker) {
    long id =
        admin.createCompetition(
            Json.createObjectBuilder()
                .add("title", "Large uploads " + UUID.randomUUID().toString().substring(0, 4))
                .add("published", true)
                .add("enableDockerSubmission", docker)
                .add("participation", "AUTO")
                .build());
    long phase =
        admin.addPhase(
            id,
            Json.createObjectBuilder()
                .add("name", "Development")
                .add("executionTimeLimitSeconds", 60)
                .add("memoryMb", 256)
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .build());
    admin.uploadData(id, phase, false, Map.of("data.txt", "abc\nhello\n"));
    admin.uploadData(id, phase, true, Map.of("truth.csv", "id,value\n1,3\n2,4\n"));
    return new long[] {id, phase};
  }

  @Test
  void anArchiveOverTenMebibytesGoesThroughTheSubmitDialogWithItsProgressShown() throws Exception {
    Path archive = archive();
    long[] competition = competition(ApiClient.admin(base), true);
    Person ada = participant("ada", competition[0]);

    try (Browser browser = Browser.open("large-archive-dialog")) {
      ChromeDriver page = openSubmitDialog(browser, ada, competition[0]);
      assertTrue(
          page.findElement(By.id("archiveHint")).getText().matches("At most \\d+ MiB\\."),
          "the dialog says how large an archive may be");
      page.findElement(By.id("docker:archive")).sendKeys(archive.toString());
      page.findElement(By.id("docker:teamName")).sendKeys("Heavy");
      recordProgress(page, "docker");
      throttle(page);
      page.findElement(By.id("docker:send")).click();

      awaitMidUpload(page, "docker");
      browser.screenshot("uploading");
      page.manage().window().setSize(new Dimension(390, 844));
      browser.screenshot("uploading-phone");
      page.manage().window().setSize(new Dimension(1280, 900));

      // The answer takes the page's place: the new submission is in the table.
      await()
          .atMost(Duration.ofMinutes(1))
          .ignoreExceptions()
          .until(() -> !page.findElements(By.cssSelector("table.submissions tbody tr")).isEmpty());
      assertProgressSeen(page, archive);
      assertEquals(List.of(), browser.pageProblems());
      JsonObject submission = awaitEnd(ada.api(), competition[0]);
      assertEquals("FINISHED", submission.getString("status"), submission.toString());
      assertEquals("Heavy", submission.getString("teamName"));
      page.navigate().refresh();
      assertEquals(
          "Finished",
          page.findElement(By.cssSelector("table.submissions tbody tr td.status")).getText());
      browser.screenshot("finished");
    }
  }

  @Test
  void theOrganizersDataOverTenMebibytesUploadsWithItsProgressShown() throws Exception {
    Files.createDirectories(WORK);
    Path input = WORK.resolve("page-input-" + UUID.randomUUID() + ".zip");
    Map<String, String> hashes =
        LargeFiles.zip(input, Map.of("data.txt", "abc\nhello\n"), Map.of("ballast.bin", 24 * MIB));
    var admin = org.podium.account.BootstrapCredentials.read(HOME).orElseThrow();
    ApiClient api = ApiClient.admin(base);
    long[] competition = competition(api, true);
    try (Browser browser = Browser.open("large-data-upload")) {
      ChromeDriver page = browser.driver();
      browser.signIn(base, admin.username(), admin.password());
      page.get(base + "edit-competition.xhtml?id=" + competition[0]);
      assertTrue(page.findElement(By.id("dataHint")).getText().startsWith("Each zip at most "));
      page.findElement(By.id("data:input")).sendKeys(input.toString());
      recordProgress(page, "data");
      throttle(page);
      page.findElement(By.id("data:upload")).click();

      awaitMidUpload(page, "data");
      browser.screenshot("uploading");
      await()
          .atMost(Duration.ofMinutes(2))
          .ignoreExceptions()
          .until(() -> page.findElement(By.id("messages")).getText().equals("Data uploaded."));
      browser.screenshot("uploaded");
      page.manage().window().setSize(new Dimension(390, 844));
      page.executeScript("document.getElementById('data').scrollIntoView();");
      browser.screenshot("uploaded-phone");
      assertProgressSeen(page, input);
      assertEquals(List.of(), browser.pageProblems());
    } finally {
      Files.deleteIfExists(input);
    }
    JsonObject phase =
        api.get("competitions/" + competition[0]).json().getJsonArray("phases").getJsonObject(0);
    assertEquals(24 * MIB + 10, phase.getJsonNumber("inputDataBytes").longValue());
    assertEquals(
        hashes.get("ballast.bin"),
        LargeFiles.sha256(HOME.resolve("data/phases/" + competition[1] + "/input/ballast.bin")));
  }

  @Test
  void aFileOverTheLimitIsRefusedNextToItsFieldBeforeAnythingIsSent() throws Exception {
    Path archive = archive();
    long[] competition = competition(ApiClient.admin(base), true);
    Person bo = participant("bo", competition[0]);
    ApiClient.setting(base, "podium.image.archive.max.mb", "1");
    try (Browser browser = Browser.open("archive-over-limit")) {
      ChromeDriver page = openSubmitDialog(browser, bo, competition[0]);
      assertEquals("At most 1 MiB.", page.findElement(By.id("archiveHint")).getText());
      page.findElement(By.id("docker:archive")).sendKeys(archive.toString());

      String refusal =
          "The archive is larger than 1 MiB, the most Podium accepts: make it smaller, or ask the"
              + " operator to raise PODIUM_IMAGE_ARCHIVE_MAX_MB.";
      assertEquals(refusal, page.findElement(By.id("docker:archiveError")).getText());
      browser.screenshot("refused-on-choosing");
      recordProgress(page, "docker");
      page.findElement(By.id("docker:send")).click();
      assertEquals(refusal, page.findElement(By.id("docker:archiveError")).getText());
      assertTrue(
          page.findElement(By.cssSelector("#docker progress")).getAttribute("hidden") != null,
          "no upload started");
      page.manage().window().setSize(new Dimension(390, 844));
      browser.screenshot("refused-phone");
      assertEquals(List.of(), browser.pageProblems());
    } finally {
      ApiClient.setting(base, "podium.image.archive.max.mb", null);
    }
    assertEquals(
        0,
        bo.api().get("competitions/" + competition[0] + "/submissions").array().size(),
        "nothing was sent");
  }

  @Test
  void anUploadCancelledInTheDialogLeavesNoFileAndNoSubmission() throws Exception {
    Path archive = archive();
    long[] competition = competition(ApiClient.admin(base), true);
    Person cy = participant("cy", competition[0]);
    try (Browser browser = Browser.open("archive-cancelled")) {
      ChromeDriver page = openSubmitDialog(browser, cy, competition[0]);
      page.findElement(By.id("docker:archive")).sendKeys(archive.toString());
      throttle(page);
      page.findElement(By.id("docker:send")).click();
      awaitMidUpload(page, "docker");
      page.findElement(By.cssSelector("#docker .upload-cancel")).click();

      assertEquals(
          "Upload cancelled: Podium keeps nothing of it.",
          page.findElement(By.cssSelector("#docker .upload-status")).getText());
      assertTrue(page.findElement(By.id("docker:send")).isEnabled(), "it can be sent again");
      browser.screenshot("cancelled");
      // The server had the form's parts in its own temporary files, which go with the request;
      // nothing of it reached Podium's staging folder or a submission.
      await().atMost(Duration.ofSeconds(30)).until(() -> stagedFiles().isEmpty());
      assertEquals(List.of(), browser.pageProblems());
    }
    assertEquals(
        0,
        cy.api().get("competitions/" + competition[0] + "/submissions").array().size(),
        "no submission");
  }

  /** The participant's only submission to the competition, once it has ended. */
  private static JsonObject awaitEnd(ApiClient participant, long competition) {
    JsonObject[] last = new JsonObject[1];
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              last[0] =
                  participant
                      .get("competitions/" + competition + "/submissions")
                      .array()
                      .getJsonObject(0);
              return List.of("FINISHED", "FAILED", "CANCELLED")
                  .contains(last[0].getString("status"));
            });
    return last[0];
  }

  /** Regular files in the staging folders of every node. */
  private static List<Path> stagedFiles() throws java.io.IOException {
    Path uploads = HOME.resolve("data/uploads");
    if (!Files.exists(uploads)) {
      return List.of();
    }
    try (var files = Files.walk(uploads)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (java.io.UncheckedIOException e) {
      return List.of(uploads); // changing under our feet: not settled yet
    }
  }

  /** The example image with 24 MiB of ballast, as a docker save archive. */
  private static Path archive() {
    DockerRequirement.engine();
    try (DockerEngine engine = new DockerEngine(DockerRequirement.settings())) {
      return LargeFiles.participantArchive(
          engine.calls(), WORK.resolve("page-image.tar"), 24 * MIB);
    }
  }

  /** Limits what the browser sends per second, as a participant's own line would. */
  private static void throttle(ChromeDriver page) {
    page.executeCdpCommand("Network.enable", Map.of());
    page.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", LINE));
  }

  /**
   * Keeps every value the form's progress bar and status line show, in the window (which a page
   * swapped in after the upload keeps).
   */
  private static void recordProgress(ChromeDriver page, String form) {
    page.executeScript(
        "const form = document.getElementById(arguments[0]);"
            + "window.podiumProgress = [];"
            + "const record = () => window.podiumProgress.push(["
            + "  Number(form.querySelector('progress').value),"
            + "  form.querySelector('.upload-status').textContent]);"
            + "new MutationObserver(record).observe(form,"
            + "  {subtree: true, attributes: true, childList: true, characterData: true});",
        form);
  }

  private static void awaitMidUpload(ChromeDriver page, String form) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              Object value =
                  page.executeScript(
                      "const p = document.querySelector('#' + arguments[0] + ' progress');"
                          + "return p && !p.hidden ? p.value : -1;",
                      form);
              double percent = ((Number) value).doubleValue();
              return percent >= 10 && percent <= 90;
            });
  }

  /** The bar moved through values between 0 and 100, and the line said how much of what size. */
  @SuppressWarnings("unchecked")
  private static void assertProgressSeen(ChromeDriver page, Path file) throws Exception {
    List<List<Object>> seen =
        (List<List<Object>>) page.executeScript("return window.podiumProgress;");
    long between =
        seen.stream()
            .map(entry -> ((Number) entry.get(0)).doubleValue())
            .filter(percent -> percent > 0 && percent < 100)
            .distinct()
            .count();
    assertTrue(between >= 3, "the bar moved in steps: " + seen);
    String size = String.format(java.util.Locale.ROOT, "%.1f MiB", Files.size(file) / (double) MIB);
    assertTrue(
        seen.stream()
            .map(entry -> (String) entry.get(1))
            .anyMatch(
                text ->
                    text.matches(
                        "Uploading: [0-9.]+ (bytes|KiB|MiB) of "
                            + java.util.regex.Pattern.quote(size)
                            + " \\(\\d+ %\\)")),
        "the line said how much of " + size + " was sent: " + seen);
  }
}
