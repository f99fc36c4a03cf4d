package org.podium.submission;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
import org.podium.testing.SecondEngine;

/**
 * An outage of the Docker engine fails nothing: a server process drives an engine of the test's
 * own, which is stopped for 30 s while 20 submissions wait and run; every one of them finishes once
 * it is back, none as INFRA_ERROR, and while it is away the waiting ones say so.
 */
class EngineOutageIT {

  private static final int PORT_OFFSET = 400;

  @TempDir Path work;

  @Test
  void submissionsWaitForAnEngineThatStopsAndAllFinishWhenItReturns() throws Exception {
    DockerRequirement.engine();
    Path war = Path.of(System.getProperty("podium.it.war", "target/podium.war"));
    Path home = work.resolve("home");
    try (DockerEngine machine = new DockerEngine(DockerRequirement.settings());
        LocalRegistry registry = LocalRegistry.start();
        SecondEngine engine = SecondEngine.start();
        EmbeddedDatabase database =
            EmbeddedDatabase.start(work.resolve("postgres"), 0, UUID.randomUUID().toString())) {
      RegistryImages.pushAll(machine.calls());
      Map<String, String> environment = new HashMap<>();
      environment.put("PODIUM_DB_URL", database.url());
      environment.put("PODIUM_DB_USER", database.user());
      environment.put("PODIUM_DB_PASSWORD", database.password());
      environment.put("PODIUM_HOME", home.toString());
      Path data = work.resolve("shared-data");
      environment.put("PODIUM_DATA", data.toString());
      environment.put("PODIUM_NODE_ID", "outage-node");
      environment.put("PODIUM_PRIVATE_REGISTRIES", LocalRegistry.ADDRESS);
      environment.put("DOCKER_HOST", engine.host());
      ServerProcess server = ServerProcess.forIntegrationTest(war, work, PORT_OFFSET, environment);
      try {
        server.awaitHealth(Duration.ofMinutes(3));
        URL base = server.base().toURL();
        ApiClient organizer = ApiClient.admin(base, home);
        ApiClient.Created created = organizer.lineLengthCompetition("Outage", 60, 128);
        long competition = created.competition();
        long phase = created.phase();
        // The data lives where PODIUM_DATA says, not under PODIUM_HOME.
        assertTrue(
            java.nio.file.Files.isRegularFile(
                data.resolve("phases/" + phase + "/reference/truth.csv")));
        assertTrue(!java.nio.file.Files.exists(home.resolve("data/phases")));

        // Four participants, five submissions each.
        List<ApiClient> owners = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
          ApiClient participant = new ApiClient(base).newParticipant(base, "outage" + p);
          participant.join(competition);
          for (int i = 0; i < 5; i++) {
            ApiClient.Reply sent =
                participant.post(
                    "competitions/" + competition + "/submissions",
                    Json.createObjectBuilder().add("image", RegistryImages.EXAMPLE).build());
            assertEquals(201, sent.status(), sent.body());
            owners.add(participant);
            ids.add(sent.json().getJsonNumber("id").longValue());
          }
        }
        // Some have run; then the engine goes away for 30 s.
        await()
            .atMost(Duration.ofSeconds(120))
            .until(() -> statuses(owners, ids).stream().anyMatch(s -> s.equals("FINISHED")));
        engine.stopDaemon();
        long stopped = System.nanoTime();
        await()
            .atMost(Duration.ofSeconds(25))
            .until(
                () ->
                    details(owners, ids).stream()
                        .anyMatch(d -> d.startsWith("waiting for a Docker engine")));
        long left = Duration.ofSeconds(30).toMillis() - (System.nanoTime() - stopped) / 1_000_000;
        if (left > 0) {
          Thread.sleep(left);
        }
        assertTrue(
            statuses(owners, ids).stream().noneMatch(s -> s.equals("FAILED")),
            "nothing failed while the engine was away: " + statuses(owners, ids));
        engine.startDaemon();

        await()
            .atMost(Duration.ofMinutes(4))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () ->
                    statuses(owners, ids).stream()
                        .allMatch(s -> List.of("FINISHED", "FAILED", "CANCELLED").contains(s)));
        for (int i = 0; i < ids.size(); i++) {
          JsonObject submission = owners.get(i).get("submissions/" + ids.get(i)).json();
          assertEquals("FINISHED", submission.getString("status"), submission.toString());
        }
      } finally {
        server.stop();
      }
    }
  }

  private static List<String> statuses(List<ApiClient> owners, List<Long> ids) {
    return field(owners, ids, "status");
  }

  private static List<String> details(List<ApiClient> owners, List<Long> ids) {
    return field(owners, ids, "detail");
  }

  private static List<String> field(List<ApiClient> owners, List<Long> ids, String name) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      JsonObject submission = owners.get(i).get("submissions/" + ids.get(i)).json();
      values.add(
          submission.containsKey(name) && !submission.isNull(name)
              ? submission.getString(name)
              : "");
    }
    return values;
  }
}
