package org.podium.submission;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.podium.testing.ApiClient;
import org.podium.testing.Zips;

/**
 * A burst of submissions against a running Podium (the run command): {@code bench.submissions}
 * results uploads (a tiny zip, scored by MAE) sent by {@code bench.clients} threads for {@code
 * bench.participants} participants, as fast as Podium accepts them. Prints the accepted rate and
 * the POST latencies (median, p99), then the time until the last is FINISHED and how many were left
 * waiting, running or failed (stranded). {@code ./mvnw -Pbench
 * -Dbench.class=org.podium.submission.BurstBenchmark -Dbench.home=$HOME/.podium
 * [-Dbench.submissions=10000 -Dbench.clients=30 -Dbench.participants=100]}
 */
public final class BurstBenchmark {

  private BurstBenchmark() {}

  public static void main(String[] args) throws Exception {
    URL base = URI.create(System.getProperty("bench.url", "http://127.0.0.1:8080/podium/")).toURL();
    Path home =
        Path.of(System.getProperty("bench.home", System.getProperty("user.home") + "/.podium"));
    int total = Integer.getInteger("bench.submissions", 10_000);
    int clients = Integer.getInteger("bench.clients", 30);
    int people = Integer.getInteger("bench.participants", 100);

    ApiClient organizer = ApiClient.admin(base, home);
    long competition =
        organizer.createCompetition(
            jakarta.json.Json.createObjectBuilder()
                .add("title", "Burst")
                .add("published", true)
                .add("participation", "AUTO")
                .build());
    long phase =
        organizer.addPhase(
            competition,
            jakarta.json.Json.createObjectBuilder()
                .add("name", "P")
                .add("scoring", jakarta.json.Json.createObjectBuilder().add("metric", "mae"))
                .build());
    organizer.uploadData(competition, phase, true, Map.of("truth.csv", "1,3\n2,4\n"));
    List<ApiClient> participants = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      ApiClient participant = new ApiClient(base).newParticipant(base, "burst");
      participant.join(competition);
      participants.add(participant);
    }
    String path = "competitions/" + competition + "/submissions";
    byte[] results = Zips.of(Map.of("predictions.csv", "1,3\n2,4\n"));
    Map<String, String> fields = Map.of("phaseId", Long.toString(phase));

    long[] latencies = new long[total];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    ExecutorService senders = Executors.newFixedThreadPool(clients);
    List<Future<?>> done = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      done.add(
          senders.submit(
              () -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                  long sent = System.nanoTime();
                  ApiClient.Reply reply =
                      participants
                          .get(i % people)
                          .postMultipart(path, fields, "results.zip", "application/zip", results);
                  latencies[i] = System.nanoTime() - sent;
                  if (reply.status() != 201) {
                    refused.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    double acceptSeconds = (System.nanoTime() - start) / 1e9;
    senders.shutdown();
    Arrays.sort(latencies);
    System.out.printf(
        "accepted %d of %d in %.1f s: %.0f POST/s; latency median %.1f ms, p99 %.1f ms (%d clients)%n",
        total - refused.get(),
        total,
        acceptSeconds,
        total / acceptSeconds,
        latencies[total / 2] / 1e6,
        latencies[(int) (total * 0.99)] / 1e6,
        clients);

    // The drain: until every submission has ended, or nothing has moved for two minutes.
    int left = total;
    int stuckPolls = 0;
    int failed = 0;
    while (left > 0 && stuckPolls < 24) {
      Thread.sleep(5000);
      int waiting = 0;
      int ended = 0;
      failed = 0;
      for (ApiClient participant : participants) {
        for (var row : participant.get(path).array()) {
          String status = ((JsonObject) row).getString("status");
          if (status.equals("FINISHED")) {
            ended++;
          } else if (status.equals("FAILED") || status.equals("CANCELLED")) {
            ended++;
            failed++;
          } else {
            waiting++;
          }
        }
      }
      stuckPolls = waiting == left ? stuckPolls + 1 : 0;
      left = waiting;
      System.out.printf(
          "  %.0f s: %d ended (%d failed), %d not yet%n",
          (System.nanoTime() - start) / 1e9, ended, failed, waiting);
    }
    System.out.printf(
        "last FINISHED %.1f s after the first POST; stranded (not ended, or failed): %d%n",
        (System.nanoTime() - start) / 1e9, left + failed);
  }
}
