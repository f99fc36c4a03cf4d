package org.podium.submission;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.compute.DockerEngine;
import org.podium.devserver.EmbeddedDatabase;
import org.podium.devserver.ServerProcess;
import org.podium.testing.ApiClient;
import org.podium.testing.DockerRequirement;
import org.podium.testing.LocalRegistry;
import org.podium.testing.RegistryImages;

/**
 * Crash recovery with a real server process: kill -9 the server (WildFly, or Payara in the Payara
 * run) mid-run, start it again; the orphan container goes and the submission runs again (attempt
 * 2); a second crash, with two attempts allowed, fails it as "worker lost".
 */
class CrashRecoveryIT {

  private static final int PORT_OFFSET = 300;

  @TempDir Path work;

  private ServerProcess start(Path war, Map<String, String> environment) {
    return ServerProcess.forIntegrationTest(war, work, PORT_OFFSET, environment);
  }

  @Test
  void killedServerRunsTheSubmissionAgainAfterRestartThenFailsItAsWorkerLost() throws Exception {
    DockerRequirement.engine();
    Path war = Path.of(System.getProperty("podium.it.war", "target/podium.war"));
    Path home = work.resolve("home");
    try (DockerEngine engine = new DockerEngine(DockerRequirement.settings());
        LocalRegistry registry = LocalRegistry.start();
        EmbeddedDatabase database =
            EmbeddedDatabase.start(work.resolve("postgres"), 0, UUID.randomUUID().toString())) {
      RegistryImages.pushAll(engine.calls());
      Map<String, String> environment =
          Map.of(
              "PODIUM_DB_URL",
              database.url(),
              "PODIUM_DB_USER",
              database.user(),
              "PODIUM_DB_PASSWORD",
              database.password(),
              "PODIUM_HOME",
              home.toString(),
              "PODIUM_NODE_ID",
              "crash-node",
              "PODIUM_PRIVATE_REGISTRIES",
              LocalRegistry.ADDRESS,
              "PODIUM_MAX_ATTEMPTS",
              "2",
              // attempts alone decide when a lost run is given up, not the time it has been failing
              "PODIUM_RETRY_WINDOW_MINUTES",
              "0");

      ServerProcess server = start(war, environment);
      try {
        server.awaitHealth(Duration.ofMinutes(3));
        URL base = server.base().toURL();
        ApiClient organizer = ApiClient.admin(base, home);
        long competition =
            organizer
                .post(
                    "competitions",
                    Json.createObjectBuilder()
                        .add("title", "Crash")
                        .add("published", true)
                        .add("enableDockerSubmission", true)
                        .build())
                .json()
                .getJsonNumber("id")
                .longValue();
        organizer.post(
            "competitions/" + competition + "/phases",
            Json.createObjectBuilder()
                .add("name", "P")
                .add("executionTimeLimitSeconds", 600)
                .add("memoryMb", 64)
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .build());
        ApiClient participant = new ApiClient(base).newParticipant(base, "crash");
        participant.post(
            "competitions/" + competition + "/participants", (jakarta.json.JsonStructure) null);
        long id =
            participant
                .post(
                    "competitions/" + competition + "/submissions",
                    Json.createObjectBuilder()
                        .add(
                            "image",
                            "docker run " + RegistryImages.BUSYBOX + " /bin/busybox sleep 1000")
                        .build())
                .json()
                .getJsonNumber("id")
                .longValue();
        await().atMost(Duration.ofSeconds(60)).until(() -> containers(engine, id, 1) == 1);

        server.kill();
        assertEquals(
            1, containers(engine, id, 1), "the container outlives the server it belonged to");
        // An upload the crash cut off, as it lies in the node's staging folder.
        Path staged = home.resolve("data/uploads/crash-node/file-" + UUID.randomUUID());
        Files.createDirectories(staged.getParent());
        Files.write(staged, new byte[64 * 1024]);

        server = start(war, environment);
        server.awaitHealth(Duration.ofMinutes(3));
        assertTrue(!Files.exists(staged), "the start deleted what the crash left of an upload");
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> containers(engine, id, 1) == 0 && containers(engine, id, 2) == 1);
        JsonObject again = participant.get("submissions/" + id).json();
        assertEquals("RUNNING", again.getString("status"));
        assertEquals(2, again.getInt("attempt"));

        server.kill();
        server = start(war, environment);
        server.awaitHealth(Duration.ofMinutes(3));
        await().atMost(Duration.ofSeconds(30)).until(() -> containers(engine, id, 2) == 0);
        JsonObject lost = participant.get("submissions/" + id).json();
        assertEquals("FAILED", lost.getString("status"));
        assertEquals("INFRA_ERROR", lost.getString("outcome"));
        assertEquals(
            "Podium could not run it after 2 attempts: worker lost: the server stopped during the run",
            lost.getString("detail"));
      } finally {
        server.stop();
      }
    }
  }

  private static int containers(DockerEngine engine, long submissionId, int attempt) {
    return engine
        .calls()
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of("org.podium.run", "s" + submissionId + "-a" + attempt))
        .exec()
        .size();
  }
}
