package org.podium.submission;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.podium.testing.ApiClient;

/**
 * What accepting a JSON submission costs, part by part, against a running node: {@code
 * bench.requests} requests by {@code bench.clients} threads of (1) an anonymous {@code GET} of a
 * competition (HTTP, JAX-RS, one read), (2) the same with a bearer token (+ the token check), (3)
 * {@code POST} of a Docker submission by reference (+ validation, the admission rules, the insert
 * and the XA commit of the row with its run message). {@code bench.rounds} rounds, interleaved;
 * prints each one's rate and median/p99 latency. Run it against a node that takes no runs, so
 * containers do not share the cores: {@code PODIUM_ROLE=web ./mvnw -Prun}, then {@code ./mvnw
 * -Pbench -Dbench.class=org.podium.submission.AcceptRateBenchmark -Dbench.home=…
 * [-Dbench.parts=123]}.
 */
public final class AcceptRateBenchmark {

  private AcceptRateBenchmark() {}

  public static void main(String[] args) throws Exception {
    URL base = URI.create(System.getProperty("bench.url", "http://127.0.0.1:8080/podium/")).toURL();
    Path home =
        Path.of(System.getProperty("bench.home", System.getProperty("user.home") + "/.podium"));
    int requests = Integer.getInteger("bench.requests", 5000);
    int clients = Integer.getInteger("bench.clients", 30);
    int rounds = Integer.getInteger("bench.rounds", 3);
    // Which parts to measure, by number (1 anonymous GET, 2 GET with a token, 3 POST): e.g. "3"
    // alone while the server's transaction statistics count what the POSTs' commits take.
    String parts = System.getProperty("bench.parts", "123");

    ApiClient organizer = ApiClient.admin(base, home);
    long competition =
        organizer.createCompetition(
            Json.createObjectBuilder()
                .add("title", "Accept rate")
                .add("published", true)
                .add("enableDockerSubmission", true)
                .add("participation", "AUTO")
                .build());
    organizer.addPhase(
        competition,
        Json.createObjectBuilder()
            .add("name", "P")
            .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
            .build());
    List<ApiClient> participants = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      ApiClient participant = new ApiClient(base).newParticipant(base, "accept");
      participant.join(competition);
      participants.add(participant);
    }
    ApiClient anonymous = new ApiClient(base);
    String one = "competitions/" + competition;
    String submissions = one + "/submissions";
    JsonObject image = Json.createObjectBuilder().add("image", "127.0.0.1:5000/bench:1").build();

    String[] names = {"GET anonymous", "GET with token", "POST submission"};
    List<IntFunction<ApiClient.Reply>> calls =
        List.of(
            i -> anonymous.get(one),
            i -> participants.get(i % clients).get(one),
            i -> participants.get(i % clients).post(submissions, image));
    double[][] rates = new double[names.length][rounds];
    double[][] p99s = new double[names.length][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int part = 0; part < names.length; part++) {
        if (parts.indexOf('1' + part) < 0) {
          continue;
        }
        double[] measured = burst(calls.get(part), requests, clients);
        rates[part][round] = measured[0];
        p99s[part][round] = measured[2];
        System.out.printf(
            "round %d, %-16s %6.0f req/s, median %6.1f ms, p99 %6.1f ms%n",
            round + 1, names[part], measured[0], measured[1], measured[2]);
      }
    }
    for (int part = 0; part < names.length; part++) {
      if (parts.indexOf('1' + part) < 0) {
        continue;
      }
      System.out.printf(
          "median of rounds, %-16s %6.0f req/s, p99 %6.1f ms%n",
          names[part], median(rates[part]), median(p99s[part]));
    }
  }

  /** Returns {rate per second, median ms, p99 ms}; fails on any answer but 200/201. */
  private static double[] burst(IntFunction<ApiClient.Reply> call, int total, int clients)
      throws Exception {
    long[] latencies = new long[total];
    AtomicInteger next = new AtomicInteger();
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
                  ApiClient.Reply reply = call.apply(i);
                  latencies[i] = System.nanoTime() - sent;
                  if (reply.status() != 200 && reply.status() != 201) {
                    throw new IllegalStateException("refused: " + reply);
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    senders.shutdown();
    Arrays.sort(latencies);
    return new double[] {
      total / seconds, latencies[total / 2] / 1e6, latencies[(int) (total * 0.99)] / 1e6
    };
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
