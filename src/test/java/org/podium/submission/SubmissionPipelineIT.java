package org.podium.submission;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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
import org.podium.testing.Zips;

/** A submission goes in over REST and comes out scored on the leaderboard, on the real path. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SubmissionPipelineIT {

  private static final Duration RUN_LIMIT = Duration.ofSeconds(60);

  private static final String GENERIC_PULL_FAILURE =
      "The image could not be pulled: check the reference and that the registry is reachable and"
          + " public, or give credentials.";

  static LocalRegistry registry;
  static DockerEngine engine;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podiumWithSettings();
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

  /** A published competition with one open MAE phase, its data, and an approved participant. */
  private record Setup(ApiClient admin, ApiClient participant, long competitionId, long phaseId) {}

  private Setup competition(boolean docker, Integer perDay) {
    ApiClient admin = ApiClient.admin(base);
    long id =
        admin.createCompetition(
            Json.createObjectBuilder()
                .add("title", "Line lengths")
                .add("published", true)
                .add("enableDockerSubmission", docker)
                .add("participation", "AUTO")
                .build());
    var phase =
        Json.createObjectBuilder()
            .add("name", "Development")
            .add("executionTimeLimitSeconds", 30)
            .add("memoryMb", 128)
            .add("cpus", 1)
            .add("scoring", Json.createObjectBuilder().add("metric", "mae"));
    if (perDay != null) {
      phase.add("maxSubmissionsPerDay", perDay);
    }
    long phaseId = admin.addPhase(id, phase.build());
    admin.uploadData(id, phaseId, false, Map.of("data.txt", "abc\nhello\n"));
    admin.uploadData(id, phaseId, true, Map.of("truth.csv", "id,value\n1,3\n2,4\n"));
    ApiClient participant = new ApiClient(base).newParticipant(base, "ada");
    participant.join(id);
    return new Setup(admin, participant, id, phaseId);
  }

  private JsonObject awaitEnd(ApiClient client, long submissionId) {
    return awaitEnd(client, submissionId, RUN_LIMIT.plusSeconds(30));
  }

  private JsonObject awaitEnd(ApiClient client, long submissionId, Duration atMost) {
    JsonObject[] last = new JsonObject[1];
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              last[0] = client.get("submissions/" + submissionId).json();
              String status = last[0].getString("status");
              return status.equals("FINISHED")
                  || status.equals("FAILED")
                  || status.equals("CANCELLED");
            });
    return last[0];
  }

  @Test
  void dockerSubmissionFinishesWithItsScoreOnTheLeaderboard() throws Exception {
    long since = java.time.Instant.now().getEpochSecond() - 1;
    Setup setup = competition(true, null);
    ApiClient.Reply submitted =
        setup
            .participant()
            .post(
                "competitions/" + setup.competitionId() + "/submissions",
                Json.createObjectBuilder()
                    .add("image", RegistryImages.EXAMPLE)
                    .add("teamName", "Équipe Ada ✓")
                    .add("methodName", "length counter")
                    .build());
    assertEquals(201, submitted.status(), submitted.body());
    assertEquals("SUBMITTED", submitted.json().getString("status"));

    JsonObject ended =
        awaitEnd(setup.participant(), submitted.json().getJsonNumber("id").longValue());

    assertEquals("FINISHED", ended.getString("status"), ended.toString());
    assertEquals(0.5, ended.getJsonObject("scores").getJsonNumber("mae").doubleValue(), 1e-9);
    assertTrue(
        ended
            .getString("imageDigest")
            .startsWith(LocalRegistry.ADDRESS + "/podium-example@sha256:"));
    assertEquals(1, ended.getInt("attempt"));
    long id = submitted.json().getJsonNumber("id").longValue();
    assertEquals(
        List.of("s" + id + "-a1"),
        containersCreated(since).stream().filter(run -> run.startsWith("s" + id + "-")).toList(),
        "one container, of attempt 1");
    JsonObject leaderboard =
        setup
            .participant()
            .get(
                "competitions/"
                    + setup.competitionId()
                    + "/phases/"
                    + setup.phaseId()
                    + "/leaderboard")
            .json();
    JsonObject first = leaderboard.getJsonArray("rows").getJsonObject(0);
    assertEquals(1, first.getInt("rank"));
    assertEquals("Équipe Ada ✓", first.getString("teamName"));
    assertEquals("length counter", first.getString("methodName"));
    assertEquals("mae", leaderboard.getJsonArray("columns").getJsonObject(0).getString("key"));
  }

  @Test
  void seedsExactRequestWorksAndTheSameWithAHostVolumeIs400() {
    Setup setup = competition(true, null);
    String query =
        "description="
            + enc("first try")
            + "&method_name="
            + enc("lengths")
            + "&method_description="
            + enc("counts")
            + "&project_url="
            + enc("https://example.org")
            + "&publication_url=&bibtex=&team_name="
            + enc("Team Seed")
            + "&organization_or_affiliation="
            + enc("Podium")
            + "&phase_id="
            + setup.phaseId();
    String form = "id=1&name=" + enc("docker") + "&type=" + enc("docker") + "&size=0";

    ApiClient.Reply refused =
        setup
            .participant()
            .post(
                "competition/"
                    + setup.competitionId()
                    + "/submission?"
                    + query
                    + "&docker-run-command="
                    + enc("docker run -v /:/host " + RegistryImages.EXAMPLE),
                "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8));
    assertEquals(400, refused.status(), refused.body());
    assertTrue(
        refused
            .json()
            .getJsonObject("errors")
            .getString("docker-run-command")
            .contains("-v is not allowed: Podium sets the sandbox itself"),
        refused.body());

    ApiClient.Reply accepted =
        setup
            .participant()
            .post(
                "competition/"
                    + setup.competitionId()
                    + "/submission?"
                    + query
                    + "&docker-run-command="
                    + enc("docker run --rm " + RegistryImages.EXAMPLE),
                "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8));
    assertEquals(201, accepted.status(), accepted.body());
    JsonObject ended =
        awaitEnd(setup.participant(), accepted.json().getJsonNumber("id").longValue());
    assertEquals("FINISHED", ended.getString("status"), ended.toString());
    assertEquals("Team Seed", ended.getString("teamName"));
  }

  @Test
  void resultsUploadIsScoredWithoutRunningAnything() throws Exception {
    long since = java.time.Instant.now().getEpochSecond() - 1;
    Setup setup = competition(false, null);
    ApiClient.Reply submitted =
        setup
            .participant()
            .postMultipart(
                "competitions/" + setup.competitionId() + "/submissions",
                Map.of("phaseId", Long.toString(setup.phaseId()), "teamName", "Uploaders"),
                "results.zip",
                "application/zip",
                Zips.of(Map.of("predictions.csv", "1,3\n2,4\n")));
    assertEquals(201, submitted.status(), submitted.body());

    JsonObject ended =
        awaitEnd(setup.participant(), submitted.json().getJsonNumber("id").longValue());
    assertEquals("FINISHED", ended.getString("status"), ended.toString());
    assertEquals(0.0, ended.getJsonObject("scores").getJsonNumber("mae").doubleValue());
    assertEquals("RESULTS", ended.getString("kind"));
    long id = submitted.json().getJsonNumber("id").longValue();
    assertEquals(
        List.of(),
        containersCreated(since).stream().filter(run -> run.startsWith("s" + id + "-")).toList(),
        "no container was created for the results upload (the engine's create events)");
  }

  /** The run labels of every container the engine created from {@code since} (epoch s) to now. */
  private static List<String> containersCreated(long since) throws Exception {
    List<String> runs = new java.util.ArrayList<>();
    try (var events =
        engine
            .calls()
            .eventsCmd()
            .withSince(Long.toString(since))
            .withUntil(Long.toString(java.time.Instant.now().getEpochSecond() + 1))
            .withEventFilter("create")
            .withLabelFilter("org.podium.run")
            .exec(
                new com.github.dockerjava.api.async.ResultCallback.Adapter<
                    com.github.dockerjava.api.model.Event>() {
                  @Override
                  public void onNext(com.github.dockerjava.api.model.Event event) {
                    runs.add(event.getActor().getAttributes().get("org.podium.run"));
                  }
                })) {
      events.awaitCompletion(30, java.util.concurrent.TimeUnit.SECONDS);
    }
    return runs;
  }

  @Test
  void aBurstOfSubmissionsAllFinishEachRunOnceNoneStranded() throws Exception {
    Setup setup = competition(false, null);
    String path = "competitions/" + setup.competitionId() + "/submissions";
    byte[] results = Zips.of(Map.of("predictions.csv", "1,3\n2,4\n"));
    // 20 participants send 10 each, all at once: far more than the slots, and each participant's
    // own runs take turns.
    List<ApiClient> participants = new java.util.ArrayList<>();
    for (int p = 0; p < 20; p++) {
      ApiClient participant = new ApiClient(base).newParticipant(base, "burst");
      participant.join(setup.competitionId());
      participants.add(participant);
    }
    java.util.concurrent.ExecutorService senders =
        java.util.concurrent.Executors.newFixedThreadPool(10);
    List<java.util.concurrent.Future<long[]>> sent = new java.util.ArrayList<>();
    for (ApiClient participant : participants) {
      for (int i = 0; i < 10; i++) {
        sent.add(
            senders.submit(
                () -> {
                  ApiClient.Reply reply =
                      participant.postMultipart(
                          path,
                          Map.of("phaseId", Long.toString(setup.phaseId())),
                          "results.zip",
                          "application/zip",
                          results);
                  assertEquals(201, reply.status(), reply.body());
                  return new long[] {
                    participants.indexOf(participant), reply.json().getJsonNumber("id").longValue()
                  };
                }));
      }
    }
    List<long[]> ids = new java.util.ArrayList<>();
    for (var future : sent) {
      ids.add(future.get());
    }
    senders.shutdown();

    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                participants.stream()
                    .allMatch(
                        participant ->
                            participant.get(path).array().stream()
                                .map(JsonObject.class::cast)
                                .allMatch(row -> row.getString("status").equals("FINISHED"))));
    for (long[] owned : ids) {
      JsonObject submission =
          participants.get((int) owned[0]).get("submissions/" + owned[1]).json();
      assertEquals("FINISHED", submission.getString("status"), submission.toString());
      assertEquals(1, submission.getInt("attempt"), "run once: " + submission);
    }
  }

  @Test
  void failingImageFailsWithItsExitCodeAndLogsForOwnerAndOrganizerOnly() {
    Setup setup = competition(true, null);
    // participants see their logs only where the organizer says so (off by default)
    assertEquals(
        200,
        setup
            .admin()
            .put(
                "competitions/" + setup.competitionId(),
                Json.createObjectBuilder().add("participantsSeeLogs", true).build())
            .status());
    long id =
        setup
            .participant()
            .post(
                "competitions/" + setup.competitionId() + "/submissions",
                Json.createObjectBuilder()
                    .add(
                        "image",
                        "docker run "
                            + RegistryImages.BUSYBOX
                            + " /bin/busybox sh -c 'echo oops >&2; exit 3'")
                    .build())
            .json()
            .getJsonNumber("id")
            .longValue();

    JsonObject ended = awaitEnd(setup.participant(), id);

    assertEquals("FAILED", ended.getString("status"));
    assertEquals("FAILED", ended.getString("outcome"));
    assertEquals(3, ended.getInt("exitCode"));
    assertEquals("exited with code 3", ended.getString("detail"));
    assertEquals(
        "oops\n",
        setup.participant().get("submissions/" + id + "/logs").json().getString("stderr"));
    assertEquals(
        "oops\n", setup.admin().get("submissions/" + id + "/logs").json().getString("stderr"));
    ApiClient stranger = new ApiClient(base).newParticipant(base, "eve");
    assertEquals(404, stranger.get("submissions/" + id + "/logs").status());
    assertEquals(404, stranger.get("submissions/" + id).status());
  }

  /**
   * From a pasted line to what the container ran: the example image's entrypoint is replaced by
   * --entrypoint, -w is the working directory, -e is set, and the line's arguments go to the new
   * entrypoint (before, -w and --entrypoint were read and dropped: the image's own entrypoint ran
   * with "sh -c …" as its arguments).
   */
  @Test
  void aPastedLinesEntrypointWorkdirAndEnvironmentAreWhatTheContainerRuns() {
    Setup setup = competition(true, null);
    String line =
        "docker run --rm -e GREETING=hello -w /mnt/out --entrypoint /bin/busybox "
            + RegistryImages.EXAMPLE
            + " sh -c 'pwd; echo \"$GREETING from $0\"; exec /bin/busybox sh /bin/predict.sh'";
    ApiClient.Reply sent =
        setup
            .participant()
            .post(
                "competitions/" + setup.competitionId() + "/submissions",
                Json.createObjectBuilder().add("image", line).build());
    assertEquals(201, sent.status(), sent.body());
    long id = sent.json().getJsonNumber("id").longValue();

    JsonObject ended = awaitEnd(setup.participant(), id);

    assertEquals("FINISHED", ended.getString("status"), ended.toString());
    assertEquals(0.5, ended.getJsonObject("scores").getJsonNumber("mae").doubleValue(), 1e-9);
    assertEquals(
        "/mnt/out\nhello from sh\nwrote 2 predictions\n",
        setup.admin().get("submissions/" + id + "/logs").json().getString("stdout"));
  }

  @Test
  void dockerSubmissionToACompetitionWithoutDockerIs403AndQuotaIs429() {
    Setup noDocker = competition(false, null);
    ApiClient.Reply forbidden =
        noDocker
            .participant()
            .post(
                "competitions/" + noDocker.competitionId() + "/submissions",
                Json.createObjectBuilder().add("image", RegistryImages.EXAMPLE).build());
    assertEquals(403, forbidden.status());
    assertEquals(
        "This competition does not accept Docker submissions: upload a results file instead.",
        forbidden.json().getString("detail"));

    Setup quota = competition(true, 1);
    String path = "competitions/" + quota.competitionId() + "/submissions";
    assertEquals(
        201,
        quota
            .participant()
            .post(path, Json.createObjectBuilder().add("image", RegistryImages.EXAMPLE).build())
            .status());
    ApiClient.Reply tooMany =
        quota
            .participant()
            .post(path, Json.createObjectBuilder().add("image", RegistryImages.EXAMPLE).build());
    assertEquals(429, tooMany.status());
    assertTrue(
        tooMany.json().getString("detail").contains(": submit again after "), tooMany.body());
    assertEquals(
        java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1) + "T00:00:00Z",
        tooMany.json().getString("resetsAt"),
        "when it resets, for a program");
  }

  /**
   * Admission is atomic: eight POSTs at once against a quota of two admit exactly two (before, each
   * counted, then inserted, and several passed).
   */
  @Test
  void concurrentSubmissionsNeverExceedTheQuota() throws Exception {
    Setup quota = competition(true, 2);
    String path = "competitions/" + quota.competitionId() + "/submissions";
    java.util.concurrent.ExecutorService threads =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Integer>> sent = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        sent.add(
            threads.submit(
                () -> {
                  start.await();
                  return quota
                      .participant()
                      .post(
                          path,
                          Json.createObjectBuilder()
                              .add(
                                  "image",
                                  "docker run " + RegistryImages.BUSYBOX + " /bin/busybox true")
                              .build())
                      .status();
                }));
      }
      start.countDown();
      Map<Integer, Integer> statuses = new java.util.TreeMap<>();
      for (java.util.concurrent.Future<Integer> status : sent) {
        statuses.merge(status.get(), 1, Integer::sum);
      }
      assertEquals(Map.of(201, 2, 429, 6), statuses);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void cancelRemovesTheContainerWithinTwoSeconds() {
    Setup setup = competition(true, null);
    long id =
        setup
            .participant()
            .post(
                "competitions/" + setup.competitionId() + "/submissions",
                Json.createObjectBuilder()
                    .add(
                        "image",
                        "docker run " + RegistryImages.BUSYBOX + " /bin/busybox sleep 1000")
                    .build())
            .json()
            .getJsonNumber("id")
            .longValue();
    await().atMost(Duration.ofSeconds(30)).until(() -> containers(id) == 1);

    cancelAndAwaitNoContainerWithinTwoSeconds(setup, id);
    assertEquals("CANCELLED", awaitEnd(setup.participant(), id).getString("status"));
  }

  @Test
  void aRegistryThatDoesNotAnswerIsRetriedWithBackOffThenFailsWithoutChargingTheParticipant() {
    Setup setup = competition(true, 1);
    String path = "competitions/" + setup.competitionId() + "/submissions";
    // Nothing listens there: the platform's failure, not the participant's. With no retry window
    // the policy gives up after its three attempts, 5 s and 10 s apart. (A registry on loopback is
    // one the operator must list.)
    ApiClient.setting(base, "podium.retry.window.minutes", "0");
    ApiClient.setting(
        base, "podium.private.registries", "127.0.0.1:5000,127.0.0.1:5001,127.0.0.1:5999");
    try {
      long id =
          setup
              .participant()
              .post(
                  path,
                  Json.createObjectBuilder().add("image", "127.0.0.1:5999/unreachable:1").build())
              .json()
              .getJsonNumber("id")
              .longValue();

      Map<String, Long> firstSeen = new java.util.LinkedHashMap<>();
      long start = System.nanoTime();
      JsonObject[] last = new JsonObject[1];
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                last[0] = setup.participant().get("submissions/" + id).json();
                firstSeen.putIfAbsent(
                    last[0].getString("status") + "@" + last[0].getInt("attempt"),
                    (System.nanoTime() - start) / 1_000_000);
                return last[0].getString("status").equals("FAILED");
              });
      JsonObject ended = last[0];

      assertEquals("INFRA_ERROR", ended.getString("outcome"));
      assertEquals(3, ended.getInt("attempt"));
      // What the engine said (connection refused) is not the participant's to read.
      assertEquals(
          "Podium could not run it after 3 attempts. " + GENERIC_PULL_FAILURE,
          ended.getString("detail"));
      // The back-off, measured: each attempt starts no sooner than its delay after the one before
      // failed (seen as SUBMITTED again), whatever else the participant has waiting.
      // Each state lasts seconds (the back-off) and is polled every 100 ms, so all three are seen.
      for (String state : List.of("SUBMITTED@1", "SUBMITTED@2", "FAILED@3")) {
        assertTrue(firstSeen.containsKey(state), state + " was never seen: " + firstSeen);
      }
      long firstRetry = firstSeen.get("SUBMITTED@1");
      long secondRetry = firstSeen.get("SUBMITTED@2");
      assertTrue(secondRetry - firstRetry >= 4_900, "attempt 2 came too soon: " + firstSeen);
      long failed = firstSeen.get("FAILED@3");
      assertTrue(failed - secondRetry >= 9_900, "attempt 3 came too soon: " + firstSeen);
      assertEquals(
          201,
          setup
              .participant()
              .post(path, Json.createObjectBuilder().add("image", RegistryImages.EXAMPLE).build())
              .status(),
          "a failure of the platform does not use the participant's quota");
    } finally {
      ApiClient.setting(base, "podium.retry.window.minutes", null);
      ApiClient.setting(base, "podium.private.registries", "127.0.0.1:5000,127.0.0.1:5001");
    }
  }

  @Test
  void aRegistryDownForTwoMinutesFailsNothingAndAllFiftyWaitingFinishOnceItIsBack()
      throws Exception {
    Setup setup = competition(true, null);
    String path = "competitions/" + setup.competitionId() + "/submissions";
    List<ApiClient> owners = new java.util.ArrayList<>();
    for (int p = 0; p < 10; p++) {
      ApiClient participant = new ApiClient(base).newParticipant(base, "outage");
      participant.join(setup.competitionId());
      owners.add(participant);
    }
    registry.stopServing();
    List<long[]> ids = new java.util.ArrayList<>();
    try {
      // Fifty reference submissions wait while the registry is away for two minutes; with the
      // default retry window (15 minutes) that fails none of them.
      for (int i = 0; i < 50; i++) {
        ApiClient owner = owners.get(i % owners.size());
        ApiClient.Reply sent =
            owner.post(
                path, Json.createObjectBuilder().add("image", RegistryImages.EXAMPLE).build());
        assertEquals(201, sent.status(), sent.body());
        ids.add(new long[] {i % owners.size(), sent.json().getJsonNumber("id").longValue()});
      }
      Thread.sleep(Duration.ofMinutes(2).toMillis());
      for (long[] owned : ids) {
        JsonObject waiting = owners.get((int) owned[0]).get("submissions/" + owned[1]).json();
        assertTrue(
            List.of("SUBMITTED", "RUNNING").contains(waiting.getString("status")),
            "still waiting while the registry is away: " + waiting);
      }
    } finally {
      registry.startServing();
    }
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                ids.stream()
                    .allMatch(
                        owned ->
                            List.of("FINISHED", "FAILED", "CANCELLED")
                                .contains(
                                    owners
                                        .get((int) owned[0])
                                        .get("submissions/" + owned[1])
                                        .json()
                                        .getString("status"))));
    for (long[] owned : ids) {
      JsonObject ended = owners.get((int) owned[0]).get("submissions/" + owned[1]).json();
      assertEquals("FINISHED", ended.getString("status"), ended.toString());
    }
  }

  @Test
  void anImageTheRegistryDoesNotHaveFailsAtOnceAsTheParticipantsOwnFailure() {
    Setup setup = competition(true, 1);
    String path = "competitions/" + setup.competitionId() + "/submissions";
    long id =
        setup
            .participant()
            .post(
                path,
                Json.createObjectBuilder()
                    .add("image", LocalRegistry.ADDRESS + "/no-such-image:1")
                    .build())
            .json()
            .getJsonNumber("id")
            .longValue();

    JsonObject ended = awaitEnd(setup.participant(), id);

    assertEquals("FAILED", ended.getString("status"));
    assertEquals("IMAGE_UNAVAILABLE", ended.getString("outcome"));
    assertEquals(1, ended.getInt("attempt"), "not retried: the registry answered");
    // What the registry answered stays in the server's log; the participant reads general words.
    assertEquals(GENERIC_PULL_FAILURE, ended.getString("detail"));
    assertEquals(
        429,
        setup
            .participant()
            .post(path, Json.createObjectBuilder().add("image", RegistryImages.EXAMPLE).build())
            .status(),
        "the participant's own failure uses their quota");
  }

  @Test
  void aScoringContainerThatCannotStartIsRetriedNeverLeftScoring() {
    Setup setup = competition(true, null);
    long phaseId = scoredByContainer(setup, "127.0.0.1:5999/no-scoring:1", "/bin/true");
    ApiClient.setting(base, "podium.retry.window.minutes", "0");
    try {
      long id = submit(setup, phaseId, RegistryImages.EXAMPLE);
      JsonObject ended = awaitEnd(setup.participant(), id, Duration.ofSeconds(90));

      assertEquals("FAILED", ended.getString("status"), ended.toString());
      assertEquals("INFRA_ERROR", ended.getString("outcome"));
      assertEquals(3, ended.getInt("attempt"));
      assertTrue(
          ended.getString("detail").contains("the scoring container could not run"),
          ended.getString("detail"));
      org.junit.jupiter.api.Assertions.assertFalse(
          ended.getString("detail").contains("no-scoring"),
          "the participant's detail does not name the organizer's scoring image");
      org.junit.jupiter.api.Assertions.assertFalse(
          setup.admin().get("submissions/" + id + "/logs/scoring-stderr").body().isBlank(),
          "the organizers read why");
    } finally {
      ApiClient.setting(base, "podium.retry.window.minutes", null);
    }
  }

  @Test
  void cancelWhileScoringStopsTheScoringContainerAndNothingIsScored() {
    Setup setup = competition(true, null);
    long phaseId =
        scoredByContainer(
            setup,
            RegistryImages.BUSYBOX,
            "/bin/busybox sh -c \"sleep 300; echo 'score: 1' > $output/scores.txt\"");
    long id = submit(setup, phaseId, RegistryImages.EXAMPLE);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> runsOf(id).contains("s" + id + "-a1-scoring"));

    cancelAndAwaitNoContainerWithinTwoSeconds(setup, id);
    JsonObject ended = awaitEnd(setup.participant(), id);
    assertEquals("CANCELLED", ended.getString("status"));
    assertEquals(0, ended.getJsonObject("scores").size(), ended.toString());
  }

  /**
   * The participant cancels {@code id}; within 2 s no container of any of its attempts (run or
   * scoring) is left.
   */
  private void cancelAndAwaitNoContainerWithinTwoSeconds(Setup setup, long id) {
    long start = System.nanoTime();
    ApiClient.Reply cancelled =
        setup
            .participant()
            .post("submissions/" + id + "/cancel", (jakarta.json.JsonStructure) null);
    assertEquals(200, cancelled.status(), cancelled.body());
    await().atMost(Duration.ofSeconds(2)).until(() -> runsOf(id).isEmpty());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(2)) < 0);
  }

  /** A phase of {@code setup}'s competition scored by a container; its id. */
  private long scoredByContainer(Setup setup, String image, String command) {
    return scoredByContainer(setup, image, command, "codalab");
  }

  /** The same with the scoring container's mount layout, {@code codalab} or {@code codabench}. */
  private long scoredByContainer(Setup setup, String image, String command, String layout) {
    ApiClient.Reply phase =
        setup
            .admin()
            .post(
                "competitions/" + setup.competitionId() + "/phases",
                Json.createObjectBuilder()
                    .add("name", "Scored by a container")
                    .add("executionTimeLimitSeconds", 30)
                    .add("memoryMb", 128)
                    .add(
                        "scoring",
                        Json.createObjectBuilder()
                            .add("image", image)
                            .add("command", command)
                            .add("layout", layout))
                    .add(
                        "columns",
                        Json.createArrayBuilder()
                            .add(
                                Json.createObjectBuilder()
                                    .add("key", "score")
                                    .add("label", "Score")
                                    .add("sort", "desc")
                                    .add("decimals", 2)
                                    .add("primary", true)))
                    .build());
    assertEquals(201, phase.status(), phase.body());
    return phase.json().getJsonNumber("id").longValue();
  }

  private long submit(Setup setup, long phaseId, String image) {
    ApiClient.Reply sent =
        setup
            .participant()
            .post(
                "competitions/" + setup.competitionId() + "/submissions",
                Json.createObjectBuilder().add("phaseId", phaseId).add("image", image).build());
    assertEquals(201, sent.status(), sent.body());
    return sent.json().getJsonNumber("id").longValue();
  }

  @Test
  void runsNeverExceedTheSlotsAndOneParticipantsBurstDoesNotStarveAnother() {
    Setup setup = competition(true, null);
    ApiClient other = new ApiClient(base).newParticipant(base, "bob");
    other.post(
        "competitions/" + setup.competitionId() + "/participants",
        (jakarta.json.JsonStructure) null);
    String path = "competitions/" + setup.competitionId() + "/submissions";
    var slow =
        Json.createObjectBuilder()
            .add(
                "image",
                "docker run "
                    + RegistryImages.BUSYBOX
                    + " /bin/busybox sh -c 'busybox sleep 3; printf \"1,3\\n2,4\\n\" > /mnt/out/predictions.csv'")
            .build();
    java.util.List<Long> burst = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      burst.add(setup.participant().post(path, slow).json().getJsonNumber("id").longValue());
    }
    long late = other.post(path, slow).json().getJsonNumber("id").longValue();
    java.util.List<Long> all = new java.util.ArrayList<>(burst);
    all.add(late);

    int[] mostRunning = {0};
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              int running = 0;
              int ended = 0;
              for (long id : all) {
                String status = setup.admin().get("submissions/" + id).json().getString("status");
                running += status.equals("RUNNING") || status.equals("SCORING") ? 1 : 0;
                ended += status.equals("FINISHED") || status.equals("FAILED") ? 1 : 0;
              }
              mostRunning[0] = Math.max(mostRunning[0], running);
              return ended == all.size();
            });

    assertTrue(
        mostRunning[0] <= 2, "at most the node's 2 slots run at once, saw " + mostRunning[0]);
    java.time.Instant lateStarted =
        java.time.Instant.parse(
            setup.admin().get("submissions/" + late).json().getString("startedAt"));
    java.time.Instant secondOfBurst =
        java.time.Instant.parse(
            setup.admin().get("submissions/" + burst.get(1)).json().getString("startedAt"));
    assertTrue(
        lateStarted.isBefore(secondOfBurst),
        "the other participant ran before the burst's second run");
    for (long id : all) {
      assertEquals("FINISHED", setup.admin().get("submissions/" + id).json().getString("status"));
    }
  }

  @Test
  void uploadedDockerSaveArchiveRunsAndABrokenOneIsRefusedWithItsReason() throws Exception {
    Setup setup = competition(true, null);
    byte[] archive;
    try (var saved =
        engine
            .calls()
            .saveImageCmd(
                RegistryImages.EXAMPLE.substring(0, RegistryImages.EXAMPLE.lastIndexOf(':')))
            .withTag("1")
            .exec()) {
      archive = saved.readAllBytes();
    }
    String path = "competitions/" + setup.competitionId() + "/submissions";

    ApiClient.Reply submitted =
        setup
            .participant()
            .postMultipart(
                path, Map.of("teamName", "Archivists"), "image.tar", "application/x-tar", archive);
    assertEquals(201, submitted.status(), submitted.body());
    JsonObject ended =
        awaitEnd(setup.participant(), submitted.json().getJsonNumber("id").longValue());
    assertEquals("FINISHED", ended.getString("status"), ended.toString());
    assertTrue(
        ended.getString("imageDigest").startsWith("sha256:"), ended.getString("imageDigest"));

    ApiClient.Reply broken =
        setup
            .participant()
            .postMultipart(
                path,
                Map.of(),
                "image.tar",
                "application/x-tar",
                "not an archive".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, broken.status(), broken.body());
    assertTrue(
        broken.json().getJsonObject("errors").getString("file").contains("docker save"),
        broken.body());

    // An image and an archive: one of them would be ignored, so both are refused, before the
    // archive is read when the image came first.
    ApiClient.Reply both =
        setup
            .participant()
            .postMultipart(
                path,
                Map.of("image", RegistryImages.EXAMPLE),
                "image.tar",
                "application/x-tar",
                archive);
    assertEquals(400, both.status(), both.body());
    String notBoth =
        "Give an image or a file, not both: leave out the image to submit the file, or the file"
            + " to run the image.";
    assertEquals(notBoth, both.json().getJsonObject("errors").getString("image"));
    // The same with a results zip: before, the image was silently ignored and the zip scored.
    ApiClient.Reply withResults =
        setup
            .participant()
            .postMultipart(
                path,
                Map.of("image", RegistryImages.EXAMPLE),
                "results.zip",
                "application/zip",
                Zips.of(Map.of("predictions.csv", "1,3\n2,4\n")));
    assertEquals(400, withResults.status(), withResults.body());
    assertEquals(notBoth, withResults.json().getJsonObject("errors").getString("image"));
  }

  @Test
  void scoringContainersGetCodaLabsOrCodabenchsLayoutAndTheirScoresRank() {
    for (String layout : java.util.List.of("codalab", "codabench")) {
      Setup setup = competition(true, null);
      String script =
          "test -f $input/ref/truth.csv && test -f $input/res/predictions.csv"
              + " && test -d "
              + (layout.equals("codabench") ? "/app/input" : "/mnt/in")
              + " && echo 'score: 0.75' > $output/scores.txt";
      long phaseId =
          scoredByContainer(
              setup, RegistryImages.BUSYBOX, "/bin/busybox sh -c \"" + script + "\"", layout);
      setup
          .admin()
          .put(
              "competitions/" + setup.competitionId() + "/phases/" + phaseId + "/reference-data",
              "application/zip",
              Zips.of(Map.of("truth.csv", "1,3\n2,4\n")));

      long id = submit(setup, phaseId, RegistryImages.EXAMPLE);
      JsonObject ended = awaitEnd(setup.participant(), id);

      assertEquals("FINISHED", ended.getString("status"), layout + ": " + ended);
      assertEquals(
          0.75, ended.getJsonObject("scores").getJsonNumber("score").doubleValue(), layout);
    }
  }

  @Test
  void organizersRunASubmissionAgainAndParticipantsCannot() {
    Setup setup = competition(true, null);
    long id =
        setup
            .participant()
            .post(
                "competitions/" + setup.competitionId() + "/submissions",
                Json.createObjectBuilder()
                    .add("image", RegistryImages.EXAMPLE)
                    .add("teamName", "Again")
                    .build())
            .json()
            .getJsonNumber("id")
            .longValue();
    assertEquals("FINISHED", awaitEnd(setup.participant(), id).getString("status"));

    assertEquals(
        403,
        setup
            .participant()
            .post("submissions/" + id + "/rerun", (jakarta.json.JsonStructure) null)
            .status());
    ApiClient.Reply again =
        setup.admin().post("submissions/" + id + "/rerun", (jakarta.json.JsonStructure) null);
    assertEquals(201, again.status(), again.body());
    long againId = again.json().getJsonNumber("id").longValue();
    JsonObject ended = awaitEnd(setup.participant(), againId);
    assertEquals("FINISHED", ended.getString("status"));
    assertEquals("Again", ended.getString("teamName"));
  }

  @Test
  void pendingParticipantsAndClosedPhasesAreRefusedWithReasons() {
    ApiClient admin = ApiClient.admin(base);
    long id =
        admin
            .post(
                "competitions",
                Json.createObjectBuilder()
                    .add("title", "Approval")
                    .add("published", true)
                    .add("enableDockerSubmission", true)
                    .add("participation", "APPROVAL")
                    .build())
            .json()
            .getJsonNumber("id")
            .longValue();
    java.time.Instant now = java.time.Instant.now();
    long closed =
        admin
            .post(
                "competitions/" + id + "/phases",
                Json.createObjectBuilder()
                    .add("name", "Past")
                    .add("opensAt", now.minus(Duration.ofDays(2)).toString())
                    .add("closesAt", now.minus(Duration.ofDays(1)).toString())
                    .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                    .build())
            .json()
            .getJsonNumber("id")
            .longValue();
    ApiClient participant = new ApiClient(base).newParticipant(base, "pending");
    participant.post("competitions/" + id + "/participants", (jakarta.json.JsonStructure) null);
    String path = "competitions/" + id + "/submissions";
    JsonObject request =
        Json.createObjectBuilder()
            .add("phaseId", closed)
            .add("image", RegistryImages.EXAMPLE)
            .build();

    ApiClient.Reply pending = participant.post(path, request);
    assertEquals(403, pending.status());
    assertEquals(
        "Your participation waits for an organizer's approval: you can submit once they approve it.",
        pending.json().getString("detail"));

    admin.put(
        "competitions/"
            + id
            + "/participants/"
            + participant.get("accounts/me").json().getString("username"),
        Json.createObjectBuilder().add("status", "APPROVED").build());
    ApiClient.Reply late = participant.post(path, request);
    assertEquals(409, late.status());
    assertTrue(
        late.json().getString("detail").startsWith("Phase 'Past' is closed: it closed at"),
        late.body());
  }

  @Test
  void scoresWithoutThePrimaryColumnFailTheSubmissionWithAClearDetail() {
    Setup setup = competition(true, null);
    long phaseId =
        setup
            .admin()
            .post(
                "competitions/" + setup.competitionId() + "/phases",
                Json.createObjectBuilder()
                    .add("name", "Wrong keys")
                    .add("executionTimeLimitSeconds", 30)
                    .add("memoryMb", 128)
                    .add(
                        "scoring",
                        Json.createObjectBuilder()
                            .add("image", RegistryImages.BUSYBOX)
                            .add(
                                "command",
                                "/bin/busybox sh -c \"echo 'other: 1' > $output/scores.txt\""))
                    .add(
                        "columns",
                        Json.createArrayBuilder()
                            .add(
                                Json.createObjectBuilder()
                                    .add("key", "score")
                                    .add("primary", true)))
                    .build())
            .json()
            .getJsonNumber("id")
            .longValue();

    long id =
        setup
            .participant()
            .post(
                "competitions/" + setup.competitionId() + "/submissions",
                Json.createObjectBuilder()
                    .add("phaseId", phaseId)
                    .add("image", RegistryImages.EXAMPLE)
                    .build())
            .json()
            .getJsonNumber("id")
            .longValue();
    JsonObject ended = awaitEnd(setup.participant(), id);

    assertEquals("FAILED", ended.getString("status"));
    assertEquals(
        "Scoring failed. Scoring produced no numeric 'score', the leaderboard's primary score: the"
            + " scoring program must write it.",
        ended.getString("detail"));
  }

  private static int containers(long submissionId) {
    return engine
        .calls()
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of("org.podium.run", "s" + submissionId + "-a1"))
        .exec()
        .size();
  }

  /** When this class started: containers from before (another run's, same ids) are not ours. */
  private static final long CLASS_STARTED = java.time.Instant.now().getEpochSecond() - 1;

  /**
   * The run labels of every container of any attempt of a submission, scoring included, created
   * since this class started.
   */
  private static List<String> runsOf(long submissionId) {
    return engine
        .calls()
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(List.of("org.podium.run"))
        .exec()
        .stream()
        .filter(
            container -> container.getCreated() != null && container.getCreated() >= CLASS_STARTED)
        .map(container -> container.getLabels().get("org.podium.run"))
        .filter(run -> run.startsWith("s" + submissionId + "-a"))
        .toList();
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
