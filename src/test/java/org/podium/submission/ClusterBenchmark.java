package org.podium.submission;

import jakarta.json.Json;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.podium.devserver.ClusterFixture;
import org.podium.devserver.EmbeddedDatabase;
import org.podium.devserver.ServerProcess;
import org.podium.testing.ApiClient;
import org.podium.testing.LocalRegistry;
import org.podium.testing.RegistryImages;

/**
 * Several nodes, measured side by side in one run on this machine (PostgreSQL, a standalone Artemis
 * broker and two WildFly nodes of 2 run slots each, all on the machine's Docker engine, the example
 * image in a local registry):
 *
 * <ul>
 *   <li>drain: {@code bench.submissions} (1,000) queued reference submissions of the trivial
 *       example image, then delivery switched on for one node or for both, until the last has
 *       ended; against as many {@code docker run --rm} with the sandbox's flags at the same total
 *       concurrency (2 and 4). {@code bench.rounds} (3) rounds, interleaved;
 *   <li>lease takeover: a run of 30 s, kill -9 of the node running it, time until its attempt 2 is
 *       RUNNING on the other node (lease 15 s, heartbeat 3 s); {@code bench.takeovers} (5) times.
 * </ul>
 *
 * Delivery is switched with the nodes' own management CLI ({@code
 * /subsystem=ejb3/mdb-delivery-group=podium-runs:write-attribute(name=active, …)}), as an operator
 * drains a node. {@code ./mvnw -Pbench -Dbench.class=org.podium.submission.ClusterBenchmark}
 * (nothing may listen on 8780, 8880, 61816 or 5000).
 */
public final class ClusterBenchmark {

  private static final int[] OFFSETS = {700, 800};

  private ClusterBenchmark() {}

  public static void main(String[] args) throws Exception {
    int total = Integer.getInteger("bench.submissions", 1000);
    int rounds = Integer.getInteger("bench.rounds", 3);
    int takeovers = Integer.getInteger("bench.takeovers", 5);
    System.setProperty("jboss.home", System.getProperty("jboss.home", wildFlyHome()));
    Path work = Files.createTempDirectory("podium-cluster-bench");
    try (org.podium.compute.DockerEngine engine =
            new org.podium.compute.DockerEngine(org.podium.testing.DockerRequirement.settings());
        LocalRegistry registry = LocalRegistry.start();
        ClusterFixture cluster = ClusterFixture.start(work, 61816)) {
      RegistryImages.pushAll(engine.calls());
      cluster.environment().put("PODIUM_RUNS_PER_PARTICIPANT", "4");
      cluster.environment().put("PODIUM_COMPUTE_THREADS", "2");
      cluster.environment().put("PODIUM_LEASE_SECONDS", "15");
      cluster.environment().put("PODIUM_HEARTBEAT_SECONDS", "3");
      List<ServerProcess> nodes = new ArrayList<>();
      for (int i = 0; i < OFFSETS.length; i++) {
        nodes.add(cluster.node("node-" + (i + 1), OFFSETS[i], Map.of()));
        nodes.get(i).awaitHealth(Duration.ofMinutes(3));
      }
      URL base = nodes.get(0).base().toURL();
      ApiClient organizer = ApiClient.admin(base, cluster.home());
      long competition = organizer.lineLengthCompetition("Cluster bench", 60, 128).competition();
      List<ApiClient> participants = new ArrayList<>();
      for (int p = 0; p < 20; p++) {
        ApiClient participant = new ApiClient(base).newParticipant(base, "drain");
        participant.join(competition);
        participants.add(participant);
      }
      String path = "competitions/" + competition + "/submissions";
      EmbeddedDatabase database = cluster.database();

      List<double[]> drains = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        double one = drain(cluster, nodes, 1, participants, path, total, database);
        double two = drain(cluster, nodes, 2, participants, path, total, database);
        double cli2 = dockerRuns(work, total, 2);
        double cli4 = dockerRuns(work, total, 4);
        drains.add(new double[] {one, two, cli2, cli4});
        System.out.printf(
            "round %d: drain of %d on 1 node %.1f s, on 2 nodes %.1f s (ratio %.2f);"
                + " docker run --rm x%d at 2 at once %.1f s, at 4 at once %.1f s%n",
            round, total, one, two, two / one, total, cli2, cli4);
      }
      System.out.printf(
          "median: 1 node %.1f s, 2 nodes %.1f s, docker run --rm at 2 %.1f s, at 4 %.1f s%n",
          median(drains, 0), median(drains, 1), median(drains, 2), median(drains, 3));

      setDelivery(cluster, nodes, 2);
      String slow =
          "docker run "
              + RegistryImages.BUSYBOX
              + " /bin/busybox sh -c 'sleep 30; printf \"id,value\\n1,3\\n2,5\\n\""
              + " > /mnt/out/predictions.csv'";
      long[] takeoverMillis = new long[takeovers];
      for (int t = 0; t < takeovers; t++) {
        ApiClient owner = participants.get(t).at(nodes.get(0).base().toURL());
        long id =
            owner
                .post(path, Json.createObjectBuilder().add("image", slow).build())
                .json()
                .getJsonNumber("id")
                .longValue();
        String holder = awaitRunning(database, id, 1, Duration.ofSeconds(60));
        int victim = holder.equals("node-1") ? 0 : 1;
        long killed = System.nanoTime();
        nodes.get(victim).kill();
        awaitRunning(database, id, 2, Duration.ofSeconds(60));
        takeoverMillis[t] = (System.nanoTime() - killed) / 1_000_000;
        System.out.printf(
            "takeover %d: %s killed, attempt 2 RUNNING elsewhere after %d ms%n",
            t + 1, holder, takeoverMillis[t]);
        ApiClient survivor = owner.at(nodes.get(1 - victim).base().toURL());
        survivor.post("submissions/" + id + "/cancel", null);
        nodes.set(victim, cluster.node(holder, OFFSETS[victim], Map.of()));
        nodes.get(victim).awaitHealth(Duration.ofMinutes(3));
      }
      java.util.Arrays.sort(takeoverMillis);
      System.out.printf(
          "lease takeover median %d ms (of %d; lease 15 s, heartbeat 3 s)%n",
          takeoverMillis[takeovers / 2], takeovers);
    }
  }

  /** Queues {@code total} with delivery off everywhere, then on for {@code active} nodes. */
  private static double drain(
      ClusterFixture cluster,
      List<ServerProcess> nodes,
      int active,
      List<ApiClient> participants,
      String path,
      int total,
      EmbeddedDatabase database)
      throws Exception {
    setDelivery(cluster, nodes, 0);
    ExecutorService senders = Executors.newFixedThreadPool(8);
    List<Future<Integer>> sent = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      ApiClient owner = participants.get(i % participants.size());
      sent.add(
          senders.submit(
              () ->
                  owner
                      .post(
                          path,
                          Json.createObjectBuilder().add("image", RegistryImages.EXAMPLE).build())
                      .status()));
    }
    for (Future<Integer> status : sent) {
      if (status.get() != 201) {
        throw new IllegalStateException("a submission was refused: " + status.get());
      }
    }
    senders.shutdown();
    long start = System.nanoTime();
    setDelivery(cluster, nodes, active);
    while (count(database, "status in ('SUBMITTED', 'RUNNING', 'SCORING')") > 0) {
      Thread.sleep(250);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int failed = count(database, "status <> 'FINISHED' and status <> 'CANCELLED'");
    if (failed > 0) {
      throw new IllegalStateException(failed + " submissions did not finish");
    }
    return seconds;
  }

  /** Delivery of run requests on the first {@code active} nodes, off on the others. */
  private static void setDelivery(ClusterFixture cluster, List<ServerProcess> nodes, int active) {
    for (int i = 0; i < nodes.size(); i++) {
      cluster.delivery(nodes.get(i), i < active);
    }
  }

  private static double dockerRuns(Path work, int total, int atOnce) throws Exception {
    ExecutorService runners = Executors.newFixedThreadPool(atOnce);
    List<Future<Long>> runs = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      int n = i;
      runs.add(runners.submit(() -> PlatformBenchmark.dockerRun(work, 10_000 * atOnce + n)));
    }
    for (Future<Long> run : runs) {
      run.get();
    }
    runners.shutdown();
    return (System.nanoTime() - start) / 1e9;
  }

  private static String awaitRunning(
      EmbeddedDatabase database, long id, int attempt, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      try (Connection connection =
              DriverManager.getConnection(database.url(), database.user(), database.password());
          Statement statement = connection.createStatement();
          ResultSet row =
              statement.executeQuery(
                  "select node from submission where id = "
                      + id
                      + " and status = 'RUNNING' and attempt = "
                      + attempt)) {
        if (row.next()) {
          return row.getString(1);
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("submission " + id + " attempt " + attempt + " never ran");
  }

  private static int count(EmbeddedDatabase database, String condition) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(database.url(), database.user(), database.password());
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery("select count(*) from submission where " + condition)) {
      row.next();
      return row.getInt(1);
    }
  }

  private static double median(List<double[]> rounds, int column) {
    double[] values = rounds.stream().mapToDouble(r -> r[column]).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  private static String wildFlyHome() {
    return Path.of("target/wildfly-39.0.1.Final").toAbsolutePath().toString();
  }
}
