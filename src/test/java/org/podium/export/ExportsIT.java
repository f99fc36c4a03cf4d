package org.podium.export;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.podium.testing.ApiClient;
import org.podium.testing.Browser;
import org.podium.testing.Deployments;
import org.podium.testing.PageSession;
import org.podium.testing.Zips;

/**
 * Organizers download a phase's submissions as CSV and their outputs as a zip; participants only
 * their own submission's output, with the logs the competition shows them. Results uploads scored
 * by a built-in metric, so no Docker engine is needed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExportsIT {

  private static final Path DATA =
      Path.of(System.getProperty("podium.it.home", "target/podium-home-it")).resolve("data");

  /** A team name a spreadsheet would run as a formula. */
  private static final String FORMULA_TEAM = "=HYPERLINK(\"http://evil\",\"x\")";

  /** A method name that needs every kind of CSV quoting. */
  private static final String AWKWARD_METHOD = "comma, \"quote\"\nand a second line";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  private record Setup(
      ApiClient admin,
      ApiClient alice,
      ApiClient bob,
      long competitionId,
      long phaseId,
      JsonObject aliceSubmission,
      JsonObject bobSubmission) {
    String phase() {
      return "competitions/" + competitionId + "/phases/" + phaseId;
    }
  }

  /** A published MAE competition with two finished results uploads, by Alice and by Bob. */
  private Setup finishedSubmissions() {
    ApiClient admin = ApiClient.admin(base);
    long id =
        admin.createCompetition(
            Json.createObjectBuilder()
                .add("title", "Exports")
                .add("published", true)
                .add("participation", "AUTO")
                .build());
    long phase =
        admin.addPhase(
            id,
            Json.createObjectBuilder()
                .add("name", "P")
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .build());
    admin.uploadData(id, phase, true, Map.of("truth.csv", "id,value\n1,3\n2,4\n"));
    ApiClient alice = new ApiClient(base).newParticipant(base, "alice");
    ApiClient bob = new ApiClient(base).newParticipant(base, "bob");
    alice.join(id);
    bob.join(id);
    JsonObject aliceSubmission =
        finished(
            alice,
            submit(
                alice,
                id,
                Map.of(
                    "teamName", FORMULA_TEAM,
                    "methodName", AWKWARD_METHOD,
                    "organization", "-minus, plus"),
                "1,3\n2,5\n"));
    JsonObject bobSubmission = finished(bob, submit(bob, id, Map.of(), "1,3\n2,4\n"));
    return new Setup(admin, alice, bob, id, phase, aliceSubmission, bobSubmission);
  }

  private static long submit(
      ApiClient participant, long competition, Map<String, String> fields, String predictions) {
    StringBuilder query = new StringBuilder();
    fields.forEach(
        (name, value) ->
            query
                .append(query.isEmpty() ? "?" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    ApiClient.Reply submitted =
        participant.post(
            "competitions/" + competition + "/submissions" + query,
            "application/zip",
            Zips.of(Map.of("predictions.csv", predictions)));
    assertEquals(201, submitted.status(), submitted.body());
    return submitted.json().getJsonNumber("id").longValue();
  }

  private static JsonObject finished(ApiClient client, long id) {
    JsonObject[] last = new JsonObject[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              last[0] = client.get("submissions/" + id).json();
              return !last[0].getString("status").matches("SUBMITTED|RUNNING|SCORING");
            });
    assertEquals("FINISHED", last[0].getString("status"), last[0].toString());
    return last[0];
  }

  private record Download(int status, String contentType, String disposition, byte[] body) {}

  private Download download(ApiClient client, String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve("api/" + path)).GET();
    if (client != null && client.authorization() != null) {
      request.header("Authorization", client.authorization());
    }
    try {
      HttpResponse<byte[]> response =
          HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Download(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("Content-Disposition").orElse(""),
          response.body());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The zip's entries and their text, by name. */
  private static Map<String, String> entries(byte[] zip) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }

  private static String folder(JsonObject submission) {
    return submission.getJsonNumber("id").longValue() + "-" + submission.getString("participant");
  }

  @Test
  void theOrganizerDownloadsEverySubmissionOfAPhaseAsCsvWithEveryColumn() throws IOException {
    Setup setup = finishedSubmissions();

    Download csv = download(setup.admin(), setup.phase() + "/submissions.csv");

    assertEquals(200, csv.status(), new String(csv.body(), StandardCharsets.UTF_8));
    assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
    assertEquals(
        "attachment; filename=\"competition-"
            + setup.competitionId()
            + "-phase-"
            + setup.phaseId()
            + "-submissions.csv\"",
        csv.disposition());
    List<CSVRecord> records;
    try (CSVParser parser =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .get()
            .parse(new StringReader(new String(csv.body(), StandardCharsets.UTF_8)))) {
      assertEquals(
          List.of(
              "id",
              "participant",
              "team_name",
              "organization_or_affiliation",
              "method_name",
              "method_description",
              "description",
              "project_url",
              "publication_url",
              "bibtex",
              "kind",
              "image",
              "image_digest",
              "status",
              "outcome",
              "detail",
              "exit_code",
              "attempts",
              "submitted_at",
              "started_at",
              "finished_at",
              "wall_ms",
              "rerun_of",
              "final",
              "score:mae"),
          parser.getHeaderNames());
      records = parser.getRecords();
    }
    assertEquals(2, records.size(), "one row per submission");
    CSVRecord alice = records.get(0);
    JsonObject a = setup.aliceSubmission();
    assertEquals(Long.toString(a.getJsonNumber("id").longValue()), alice.get("id"));
    assertEquals(a.getString("participant"), alice.get("participant"));
    assertEquals(
        "'" + FORMULA_TEAM, alice.get("team_name"), "a formula is quoted for spreadsheets");
    assertEquals("'-minus, plus", alice.get("organization_or_affiliation"));
    assertEquals(AWKWARD_METHOD, alice.get("method_name"), "commas, quotes and newlines survive");
    for (String absent :
        List.of(
            "method_description",
            "description",
            "project_url",
            "publication_url",
            "bibtex",
            "image",
            "image_digest",
            "exit_code",
            "rerun_of")) {
      assertEquals("", alice.get(absent), absent);
    }
    assertEquals("RESULTS", alice.get("kind"));
    assertEquals("FINISHED", alice.get("status"));
    assertEquals(text(a, "outcome"), alice.get("outcome"));
    assertEquals(text(a, "detail"), alice.get("detail"));
    assertEquals(Integer.toString(a.getInt("attempt")), alice.get("attempts"));
    for (String time : List.of("submittedAt", "startedAt", "finishedAt")) {
      String column = time.replaceAll("([A-Z])", "_$1").toLowerCase();
      assertEquals(
          Instant.parse(a.getString(time)), Instant.parse(alice.get(column)), "ISO-8601 " + column);
      assertTrue(alice.get(column).endsWith("Z"), "UTC: " + alice.get(column));
    }
    assertEquals(text(a, "wallMs"), alice.get("wall_ms"));
    assertEquals(0.5, Double.parseDouble(alice.get("score:mae")), 1e-9);

    CSVRecord bob = records.get(1);
    assertEquals(setup.bobSubmission().getString("participant"), bob.get("participant"));
    assertEquals("", bob.get("team_name"));
    assertEquals(0.0, Double.parseDouble(bob.get("score:mae")));
  }

  private static String text(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return "";
    }
    return value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
  }

  @Test
  void theOrganizerDownloadsEverySubmissionsOutputAndLogsAsAZip() throws IOException {
    Setup setup = finishedSubmissions();
    String alice = folder(setup.aliceSubmission());
    String bob = folder(setup.bobSubmission());
    logs(setup.aliceSubmission(), "alice says hello", "SCORING-SECRET");

    Download zip = download(setup.admin(), setup.phase() + "/outputs.zip");

    assertEquals(200, zip.status(), new String(zip.body(), StandardCharsets.UTF_8));
    assertEquals("application/zip", zip.contentType());
    assertTrue(zip.disposition().contains("-outputs.zip\""), zip.disposition());
    Map<String, String> entries = entries(zip.body());
    assertEquals(
        new TreeMap<>(
            Map.of(
                alice + "/output/predictions.csv", "1,3\n2,5\n",
                alice + "/stdout.log", "alice says hello",
                alice + "/scoring-stderr.log", "SCORING-SECRET",
                bob + "/output/predictions.csv", "1,3\n2,4\n")),
        entries);
  }

  /** Logs as a run and a scoring container would have left them (results uploads run none). */
  private static void logs(JsonObject submission, String stdout, String scoringStderr)
      throws IOException {
    Path attempt =
        DATA.resolve("submissions")
            .resolve(Long.toString(submission.getJsonNumber("id").longValue()))
            .resolve("attempt-" + submission.getInt("attempt"));
    Files.createDirectories(attempt);
    Files.writeString(attempt.resolve("stdout.log"), stdout);
    Files.writeString(attempt.resolve("scoring-stderr.log"), scoringStderr);
  }

  @Test
  void aParticipantCannotDownloadAPhasesExports() {
    Setup setup = finishedSubmissions();
    for (String file : List.of("/submissions.csv", "/outputs.zip")) {
      Download refused = download(setup.alice(), setup.phase() + file);
      assertEquals(403, refused.status(), file);
      assertTrue(refused.contentType().startsWith("application/problem+json"), file);
      assertEquals(401, download(null, setup.phase() + file).status(), "anonymous " + file);
    }
  }

  @Test
  void aParticipantDownloadsTheirOwnOutputWithTheLogsTheCompetitionShowsThem() throws IOException {
    Setup setup = finishedSubmissions();
    String alice = folder(setup.aliceSubmission());
    long aliceId = setup.aliceSubmission().getJsonNumber("id").longValue();
    logs(setup.aliceSubmission(), "alice says hello", "SCORING-SECRET");

    Download hidden = download(setup.alice(), "submissions/" + aliceId + "/output.zip");

    assertEquals(200, hidden.status());
    assertEquals(
        "attachment; filename=\"submission-" + aliceId + "-output.zip\"", hidden.disposition());
    assertEquals(
        Map.of(alice + "/output/predictions.csv", "1,3\n2,5\n"),
        entries(hidden.body()),
        "logs and scoring output stay hidden while the competition hides them");

    assertEquals(
        200,
        setup
            .admin()
            .put(
                "competitions/" + setup.competitionId(),
                Json.createObjectBuilder().add("participantsSeeLogs", true).build())
            .status());
    Map<String, String> shown =
        entries(download(setup.alice(), "submissions/" + aliceId + "/output.zip").body());
    assertEquals("alice says hello", shown.get(alice + "/stdout.log"));
    assertFalse(shown.containsKey(alice + "/scoring-stderr.log"), shown.keySet().toString());
  }

  @Test
  void theEditPagesLinksDownloadWithThePageSessionAlone() throws Exception {
    Setup setup = finishedSubmissions();
    var admin =
        org.podium.account.BootstrapCredentials.read(
                Path.of(System.getProperty("podium.it.home", "target/podium-home-it")))
            .orElseThrow();
    PageSession session = PageSession.signIn(base, admin.username(), admin.password());

    String page = session.page("edit-competition.xhtml?id=" + setup.competitionId()).body();
    String csvLink = "/api/" + setup.phase() + "/submissions.csv";
    assertTrue(page.contains(csvLink), "the editor links the CSV of each phase");
    assertTrue(page.contains("/api/" + setup.phase() + "/outputs.zip"), "and the zip");

    HttpResponse<String> csv =
        session.send(
            HttpRequest.newBuilder(session.resolve("api/" + setup.phase() + "/submissions.csv")));
    assertEquals(200, csv.statusCode(), "the page's session signs the download in");
    assertTrue(csv.body().startsWith("id,participant,"), csv.body());

    try (Browser browser = Browser.open("exports")) {
      WebDriver driver = browser.driver();
      browser.signIn(base, admin.username(), admin.password());
      long aliceId = setup.aliceSubmission().getJsonNumber("id").longValue();
      for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
        driver.manage().window().setSize(size);
        driver.get(base + "edit-competition.xhtml?id=" + setup.competitionId());
        WebElement csvAnchor = driver.findElement(By.id("export-csv-" + setup.phaseId()));
        assertEquals("Download submissions (CSV)", csvAnchor.getText());
        ((JavascriptExecutor) driver)
            .executeScript("arguments[0].scrollIntoView({block: 'center'})", csvAnchor);
        browser.screenshot("edit-competition-" + size.getWidth());
        driver.get(base + "submission.xhtml?id=" + aliceId);
        WebElement outputLink = driver.findElement(By.id("download-output"));
        assertTrue(
            outputLink
                .getAttribute("href")
                .endsWith("/api/submissions/" + aliceId + "/output.zip"));
        ((JavascriptExecutor) driver)
            .executeScript("arguments[0].scrollIntoView({block: 'center'})", outputLink);
        browser.screenshot("submission-" + size.getWidth());
      }
      assertEquals(List.of(), browser.pageProblems());
    }
  }

  @Test
  void aParticipantCannotDownloadSomeoneElsesOutput() {
    Setup setup = finishedSubmissions();
    long bobId = setup.bobSubmission().getJsonNumber("id").longValue();

    assertEquals(404, download(setup.alice(), "submissions/" + bobId + "/output.zip").status());
    assertEquals(200, download(setup.bob(), "submissions/" + bobId + "/output.zip").status());
    assertEquals(
        200, download(setup.admin(), "submissions/" + bobId + "/output.zip").status(), "organizer");
  }
}
