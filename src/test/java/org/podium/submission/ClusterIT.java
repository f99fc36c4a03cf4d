package org.podium.submission;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.podium.compute.DockerEngine;
import org.podium.devserver.ClusterFixture;
import org.podium.devserver.EmbeddedDatabase;
import org.podium.devserver.ServerProcess;
import org.podium.testing.ApiClient;
import org.podium.testing.Browser;
import org.podium.testing.DockerRequirement;
import org.podium.testing.LocalRegistry;
import org.podium.testing.RegistryImages;
import org.podium.testing.SecondEngine;

/**
 * Two WildFly nodes as an operator runs them: one PostgreSQL, one standalone Artemis broker made by
 * server-config/artemis, one shared data folder, and each node its own Docker engine (the machine's
 * and a second dockerd). Submissions spread over both engines; a cancel taken by one node stops the
 * containers on the other's engine within 2 s; a page open on one node changes live when the other
 * runs the submission; kill -9 of the node running a submission, and the other finishes it as
 * attempt 2 within the lease and a heartbeat; nothing is lost, run twice or left waiting. WildFly
 * only: the failsafe run on Payara leaves this class out (README, "Several nodes").
 */
class ClusterIT {

  private static final int LEASE_SECONDS = 15;
  private static final int HEARTBEAT_SECONDS = 3;

  @TempDir Path work;

  @Test
  void twoNodesShareTheWorkCancelAcrossNodesAndTakeOverARunWhenOneDies() throws Exception {
    DockerRequirement.engine();
    try (DockerEngine machine = new DockerEngine(DockerRequirement.settings());
        LocalRegistry registry = LocalRegistry.start();
        SecondEngine second = SecondEngine.start();
        DockerEngine secondEngine = new DockerEngine(second.settings());
        ClusterFixture cluster = ClusterFixture.start(work, 61716)) {
      RegistryImages.pushAll(machine.calls());
      EmbeddedDatabase database = cluster.database();
      Path home = cluster.home();
      cluster.environment().put("PODIUM_LEASE_SECONDS", Integer.toString(LEASE_SECONDS));
      cluster.environment().put("PODIUM_HEARTBEAT_SECONDS", Integer.toString(HEARTBEAT_SECONDS));
      cluster.environment().put("PODIUM_RUNS_PER_PARTICIPANT", "4");
      cluster.environment().put("PODIUM_COMPUTE_THREADS", "2");
      // Node A creates the schema and the administrator; B starts once A answers.
      ServerProcess nodeA = cluster.node("node-a", 500, Map.of());
      try {
        nodeA.awaitHealth(Duration.ofMinutes(3));
        ServerProcess nodeB = cluster.node("node-b", 600, Map.of("DOCKER_HOST", second.host()));
        String healthB = nodeB.awaitHealth(Duration.ofMinutes(3));
        assertTrue(healthB.contains("\"name\":\"node-b\""), healthB);
        URL baseA = nodeA.base().toURL();
        URL baseB = nodeB.base().toURL();

        ApiClient organizer = ApiClient.admin(baseA, home);
        ApiClient.Created created = organizer.lineLengthCompetition("Cluster", 600, 128);
        long competition = created.competition();
        ApiClient.Person person = new ApiClient(baseA).register(baseA, "cluster");
        String username = person.username();
        String password = person.password();
        ApiClient onNodeA = person.client();
        onNodeA.join(competition);
        ApiClient onNodeB = onNodeA.at(baseB);
        String submissions = "competitions/" + competition + "/submissions";

        // 0. A page open on node B changes live when node A runs the submission: B takes no runs
        // for now, and the submission is sent to A.
        cluster.delivery(nodeB, false);
        try (Browser browser = Browser.open("cluster")) {
          browser.signIn(baseB, username, password);
          var page = browser.driver();
          page.get(baseB + "competition.xhtml?id=" + competition + "&tab=participate");
          ((org.openqa.selenium.JavascriptExecutor) page)
              .executeScript("window.podiumNoReload = true;");
          long live = submit(onNodeA, submissions, RegistryImages.EXAMPLE);
          await()
              .atMost(Duration.ofSeconds(60))
              // one matcher for both: a second ignoreException replaces the first
              .ignoreExceptionsMatching(
                  e ->
                      e instanceof org.openqa.selenium.StaleElementReferenceException
                          || e instanceof org.openqa.selenium.NoSuchElementException)
              .until(
                  () ->
                      page.findElement(By.cssSelector("table.submissions tbody tr td.status"))
                          .getText()
                          .equals("Finished"));
          assertEquals(
              Boolean.TRUE,
              ((org.openqa.selenium.JavascriptExecutor) page)
                  .executeScript("return window.podiumNoReload === true;"),
              "the page changed by push, not by a reload");
          browser.screenshot("node-b-page-after-node-a-ran-it");
          assertEquals(Map.of("node-a", 1), runsByNode(database), "node A ran it");
          assertEquals("FINISHED", onNodeB.get("submissions/" + live).json().getString("status"));
        } finally {
          cluster.delivery(nodeB, true);
        }

        // 1. Twelve quick submissions, sent to either node, run on both engines and all finish.
        List<Long> quick = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          quick.add(submit(i % 2 == 0 ? onNodeA : onNodeB, submissions, RegistryImages.EXAMPLE));
        }
        await()
            .atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> quick.stream().allMatch(id -> ended(onNodeA, id)));
        for (long id : quick) {
          JsonObject done = onNodeB.get("submissions/" + id).json();
          assertEquals("FINISHED", done.getString("status"), done.toString());
          assertEquals(1, done.getInt("attempt"), done.toString());
        }
        Map<String, Integer> byNode = runsByNode(database);
        assertTrue(
            byNode.getOrDefault("node-a", 0) > 0 && byNode.getOrDefault("node-b", 0) > 0,
            "both nodes ran some: " + byNode);

        // 2. Four long runs fill both nodes' slots (two each, requests wait in the broker only).
        String sleeper = "docker run " + RegistryImages.BUSYBOX + " /bin/busybox sleep 1000";
        List<Long> long_ = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          long_.add(submit(onNodeA, submissions, sleeper));
        }
        await()
            .atMost(Duration.ofSeconds(90))
            .until(
                () ->
                    long_.stream().filter(id -> running(machine, id, 1)).count() == 2
                        && long_.stream().filter(id -> running(secondEngine, id, 1)).count() == 2);
        long onEngineA = long_.stream().filter(id -> running(machine, id, 1)).findFirst().get();
        // A cancel taken by node B stops the container on node A's engine within 2 s.
        long asked = System.nanoTime();
        ApiClient.Reply cancelled = onNodeB.post("submissions/" + onEngineA + "/cancel", null);
        assertEquals(200, cancelled.status(), cancelled.body());
        await()
            .atMost(Duration.ofSeconds(2))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> !running(machine, onEngineA, 1));
        long stoppedMillis = (System.nanoTime() - asked) / 1_000_000;
        System.out.println("cross-node cancel: container gone " + stoppedMillis + " ms after");
        for (long id : long_) {
          if (id != onEngineA) {
            onNodeB.post("submissions/" + id + "/cancel", null);
          }
        }
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    long_.stream()
                        .noneMatch(id -> running(machine, id, 1) || running(secondEngine, id, 1)));

        // 3. A run of 20 s; kill -9 the node running it: the other finishes it as attempt 2.
        String slow =
            "docker run "
                + RegistryImages.BUSYBOX
                + " /bin/busybox sh -c 'sleep 20; printf \"id,value\\n1,3\\n2,5\\n\""
                + " > /mnt/out/predictions.csv'";
        long victim = submit(onNodeA, submissions, slow);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> running(machine, victim, 1) || running(secondEngine, victim, 1));
        boolean ranOnA = running(machine, victim, 1);
        ServerProcess dying = ranOnA ? nodeA : nodeB;
        DockerEngine survivorEngine = ranOnA ? secondEngine : machine;
        ApiClient survivor = ranOnA ? onNodeB : onNodeA;
        long killed = System.nanoTime();
        dying.kill();
        await()
            .atMost(Duration.ofSeconds(LEASE_SECONDS + HEARTBEAT_SECONDS + 10))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> running(survivorEngine, victim, 2));
        System.out.println(
            "lease takeover: attempt 2 running "
                + (System.nanoTime() - killed) / 1_000_000
                + " ms after kill -9 (lease "
                + LEASE_SECONDS
                + " s, heartbeat "
                + HEARTBEAT_SECONDS
                + " s)");
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> ended(survivor, victim));
        JsonObject finished = survivor.get("submissions/" + victim).json();
        assertEquals("FINISHED", finished.getString("status"), finished.toString());
        assertEquals(2, finished.getInt("attempt"), finished.toString());

        // Nothing is left waiting or going, and every quick one ran once.
        assertEquals(Map.of(), unfinished(database));
        for (long id : quick) {
          assertEquals(1, survivor.get("submissions/" + id).json().getInt("attempt"));
        }

        // 4. Roles. The dead node comes back as a web node: it takes submissions and serves
        // pages, but runs none of them (its listener's delivery group is off).
        String deadName = ranOnA ? "node-a" : "node-b";
        String survivorName = ranOnA ? "node-b" : "node-a";
        int deadOffset = ranOnA ? 500 : 600;
        Map<String, String> deadEngine = ranOnA ? Map.of() : Map.of("DOCKER_HOST", second.host());
        Map<String, String> asWeb = new HashMap<>(deadEngine);
        asWeb.put("PODIUM_ROLE", "web");
        ServerProcess web = cluster.node(deadName, deadOffset, asWeb);
        String webHealth = web.awaitHealth(Duration.ofMinutes(3));
        assertTrue(
            webHealth.contains("\"role\":\"web\"") && webHealth.contains("\"takesRuns\":\"false\""),
            webHealth);
        ApiClient onWeb = onNodeA.at(web.base().toURL());
        int before = runsByNode(database).get(survivorName);
        List<Long> viaWeb = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          viaWeb.add(submit(onWeb, submissions, RegistryImages.EXAMPLE));
        }
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> viaWeb.stream().allMatch(id -> ended(onWeb, id)));
        assertEquals(
            before + viaWeb.size(),
            runsByNode(database).get(survivorName),
            "the web node ran none: " + runsByNode(database));
        web.stop();

        // As a worker it answers nothing but its health.
        Map<String, String> asWorker = new HashMap<>(deadEngine);
        asWorker.put("PODIUM_ROLE", "worker");
        ServerProcess worker = cluster.node(deadName, deadOffset, asWorker);
        String workerHealth = worker.awaitHealth(Duration.ofMinutes(3));
        assertTrue(workerHealth.contains("\"role\":\"worker\""), workerHealth);
        ApiClient.Reply refused = onNodeA.at(worker.base().toURL()).get("competitions");
        assertEquals(503, refused.status(), refused.body());
        assertTrue(refused.body().contains("This node only runs submissions"), refused.body());
      } finally {
        removeContainers(machine, home);
      }
    }
  }

  private static long submit(ApiClient participant, String path, String image) {
    ApiClient.Reply sent =
        participant.post(path, Json.createObjectBuilder().add("image", image).build());
    assertEquals(201, sent.status(), sent.body());
    return sent.json().getJsonNumber("id").longValue();
  }

  private static boolean ended(ApiClient client, long id) {
    return List.of("FINISHED", "FAILED", "CANCELLED")
        .contains(client.get("submissions/" + id).json().getString("status"));
  }

  /** Whether the engine has a running container of that attempt. */
  private static boolean running(DockerEngine engine, long submissionId, int attempt) {
    return !engine
        .calls()
        .listContainersCmd()
        .withLabelFilter(Map.of("org.podium.run", "s" + submissionId + "-a" + attempt))
        .exec()
        .isEmpty();
  }

  private static Map<String, Integer> runsByNode(EmbeddedDatabase database) throws Exception {
    return counts(
        database, "select node, count(*) from submission where node is not null group by node");
  }

  private static Map<String, Integer> unfinished(EmbeddedDatabase database) throws Exception {
    return counts(
        database,
        "select status, count(*) from submission"
            + " where status in ('SUBMITTED', 'RUNNING', 'SCORING') group by status");
  }

  private static Map<String, Integer> counts(EmbeddedDatabase database, String sql)
      throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    try (Connection connection =
            DriverManager.getConnection(database.url(), database.user(), database.password());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        counts.put(rows.getString(1), rows.getInt(2));
      }
    }
    return counts;
  }

  /** What the killed node left on the machine's engine (the second engine goes with its daemon). */
  private static void removeContainers(DockerEngine machine, Path home) throws Exception {
    Path id = home.resolve("installation-id");
    if (!java.nio.file.Files.exists(id)) {
      return;
    }
    String installation = java.nio.file.Files.readString(id).trim();
    for (var container :
        machine
            .calls()
            .listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(Map.of("org.podium.installation", installation))
            .exec()) {
      machine.calls().removeContainerCmd(container.getId()).withForce(true).exec();
    }
  }
}
