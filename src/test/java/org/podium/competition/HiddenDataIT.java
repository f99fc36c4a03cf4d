package org.podium.competition;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.podium.compute.DockerEngine;
import org.podium.testing.ApiClient;
import org.podium.testing.Deployments;
import org.podium.testing.DockerRequirement;
import org.podium.testing.LocalRegistry;
import org.podium.testing.RegistryImages;

/**
 * Hidden data stays hidden unless the organizer says otherwise: participants do not read their logs
 * (a container can print the input data), the scoring program's output (it reads the reference
 * data) or the scoring image and command; organizers always do; each has its switch. And a scored
 * attempt keeps no copy of the reference data.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HiddenDataIT {

  private static final String SECRET = "SECRET-REFERENCE-42";
  private static final Path DATA =
      Path.of(System.getProperty("podium.it.home", "target/podium-home-it")).resolve("data");

  static LocalRegistry registry;
  static DockerEngine engine;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  @BeforeAll
  static void imagesInTheLocalRegistry() throws Exception {
    DockerRequirement.engine();
    engine = new DockerEngine(DockerRequirement.settings());
    registry = LocalRegistry.start();
    RegistryImages.pushAll(engine.calls());
  }

  @AfterAll
  static void stop() throws Exception {
    if (registry != null) {
      registry.close();
    }
    if (engine != null) {
      engine.close();
    }
  }

  private record Setup(
      ApiClient admin,
      ApiClient participant,
      ApiClient anonymous,
      long competitionId,
      long phaseId) {

    String competition() {
      return "competitions/" + competitionId;
    }
  }

  /**
   * A published Docker competition, created with no visibility setting at all, whose one phase is
   * scored by a busybox container running {@code scoringCommand}; its reference data holds {@link
   * #SECRET}.
   */
  private Setup competition(String scoringCommand) {
    ApiClient admin = ApiClient.admin(base);
    long id =
        admin.createCompetition(
            Json.createObjectBuilder()
                .add("title", "Hidden data")
                .add("published", true)
                .add("enableDockerSubmission", true)
                .add("participation", "AUTO")
                .build());
    long phase =
        admin.addPhase(
            id,
            Json.createObjectBuilder()
                .add("name", "P")
                .add("executionTimeLimitSeconds", 30)
                .add("memoryMb", 128)
                .add(
                    "scoring",
                    Json.createObjectBuilder()
                        .add("image", RegistryImages.BUSYBOX)
                        .add("command", scoringCommand))
                .add(
                    "columns",
                    Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("key", "score").add("primary", true)))
                .build());
    admin.uploadData(id, phase, false, Map.of("data.txt", "abc\nhello\n"));
    admin.uploadData(id, phase, true, Map.of("truth.csv", "1,3\n2,4\n# " + SECRET + "\n"));
    ApiClient participant = new ApiClient(base).newParticipant(base, "hidden");
    participant.join(id);
    return new Setup(admin, participant, new ApiClient(base), id, phase);
  }

  private static final String SCORES =
      "/bin/busybox sh -c \"echo 'score: 0.75' > $output/scores.txt\"";

  private long submitAndAwaitEnd(Setup setup) {
    ApiClient.Reply sent =
        setup
            .participant()
            .post(
                setup.competition() + "/submissions",
                Json.createObjectBuilder().add("image", RegistryImages.EXAMPLE).build());
    assertEquals(201, sent.status(), sent.body());
    long id = sent.json().getJsonNumber("id").longValue();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                !setup
                    .participant()
                    .get("submissions/" + id)
                    .json()
                    .getString("status")
                    .matches("SUBMITTED|RUNNING|SCORING"));
    return id;
  }

  private static void change(Setup setup, String setting, boolean value) {
    ApiClient.Reply changed =
        setup
            .admin()
            .put(setup.competition(), Json.createObjectBuilder().add(setting, value).build());
    assertEquals(200, changed.status(), changed.body());
    assertEquals(value, changed.json().getBoolean(setting));
  }

  @Test
  void logsAreHiddenFromParticipantsByDefaultAndShownWhenTheOrganizerSaysSo() {
    Setup setup = competition(SCORES);
    assertFalse(
        setup.participant().get(setup.competition()).json().getBoolean("participantsSeeLogs"));
    long id = submitAndAwaitEnd(setup);

    for (String logs : new String[] {"/logs", "/logs/stdout", "/logs/stderr"}) {
      assertEquals(403, setup.participant().get("submissions/" + id + logs).status(), logs);
    }
    assertEquals(
        "wrote 2 predictions\n",
        setup.admin().get("submissions/" + id + "/logs").json().getString("stdout"),
        "the organizer reads them");

    change(setup, "participantsSeeLogs", true);
    assertEquals(
        "wrote 2 predictions\n",
        setup.participant().get("submissions/" + id + "/logs").json().getString("stdout"));
  }

  @Test
  void theScoringImageAndCommandAreShownToOrganizersOnlyUnlessMadePublic() {
    Setup setup = competition(SCORES);
    for (ApiClient reader : new ApiClient[] {setup.anonymous(), setup.participant()}) {
      for (String path : new String[] {setup.competition(), "competitions"}) {
        String body = reader.get(path).body();
        assertTrue(body.contains("\"id\":" + setup.phaseId()), body);
        assertFalse(body.contains(RegistryImages.BUSYBOX), path + ": " + body);
        assertFalse(body.contains("scores.txt"), path + ": " + body);
      }
    }
    JsonObject organizers =
        setup.admin().get(setup.competition()).json().getJsonArray("phases").getJsonObject(0);
    assertEquals(RegistryImages.BUSYBOX, organizers.getString("scoringImage"));
    assertEquals(SCORES, organizers.getString("scoringCommand"));
    assertFalse(setup.admin().get(setup.competition()).json().getBoolean("scoringProgramsPublic"));

    change(setup, "scoringProgramsPublic", true);
    JsonObject anyone =
        setup.anonymous().get(setup.competition()).json().getJsonArray("phases").getJsonObject(0);
    assertEquals(RegistryImages.BUSYBOX, anyone.getString("scoringImage"));
    assertEquals(SCORES, anyone.getString("scoringCommand"));
  }

  @Test
  void theScoringProgramsOutputReachesParticipantsOnlyWhenTheOrganizerAllowsIt() {
    Setup setup = competition("/bin/busybox sh -c \"cat $input/ref/truth.csv >&2; exit 1\"");
    change(setup, "participantsSeeLogs", true);
    long id = submitAndAwaitEnd(setup);

    ApiClient.Reply own = setup.participant().get("submissions/" + id);
    assertEquals("FAILED", own.json().getString("status"), own.body());
    assertEquals(
        "Scoring failed. The scoring program exited with code 1. Its output says why (organizers"
            + " see it on the submission's page).",
        own.json().getString("detail"));
    assertFalse(own.body().contains(SECRET), own.body());
    for (String path : new String[] {"/logs", "/logs/stderr", "/logs/stdout"}) {
      ApiClient.Reply logs = setup.participant().get("submissions/" + id + path);
      assertFalse(logs.body().contains(SECRET), path + ": " + logs.body());
    }
    assertEquals(
        403, setup.participant().get("submissions/" + id + "/logs/scoring-stderr").status());
    assertTrue(
        setup
            .admin()
            .get("submissions/" + id + "/logs")
            .json()
            .getString("scoringStderr")
            .contains(SECRET),
        "the organizer reads the scoring program's output");
    assertTrue(
        setup.admin().get("submissions/" + id + "/logs/scoring-stderr").body().contains(SECRET));

    change(setup, "participantsSeeScoringOutput", true);
    assertTrue(
        setup
            .participant()
            .get("submissions/" + id + "/logs/scoring-stderr")
            .body()
            .contains(SECRET));
    assertTrue(
        setup
            .participant()
            .get("submissions/" + id + "/logs")
            .json()
            .getString("scoringStderr")
            .contains(SECRET));
    assertFalse(
        Files.exists(attempt(id).resolve("scoring-in")),
        "the failed scoring's copy of the reference data is gone");
  }

  @Test
  void aScoredAttemptKeepsNoCopyOfTheReferenceDataButKeepsTheOutputAndLogs() {
    Setup setup = competition(SCORES);
    long id = submitAndAwaitEnd(setup);
    assertEquals(
        "FINISHED", setup.participant().get("submissions/" + id).json().getString("status"));

    Path attempt = attempt(id);
    assertFalse(Files.exists(attempt.resolve("scoring-in")), "no copy of the reference data");
    assertTrue(Files.isRegularFile(attempt.resolve("out/predictions.csv")), "the predictions stay");
    assertTrue(Files.isRegularFile(attempt.resolve("stdout.log")), "the logs stay");
    assertTrue(Files.isRegularFile(attempt.resolve("scoring-out/scores.txt")), "the scores stay");
  }

  private static Path attempt(long id) {
    return DATA.resolve("submissions").resolve(Long.toString(id)).resolve("attempt-1");
  }
}
