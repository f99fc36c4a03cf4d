package org.podium.submission;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.podium.compute.DockerEngine;
import org.podium.compute.SandboxLimits;
import org.podium.compute.SandboxSettings;
import org.podium.testing.ApiClient;
import org.podium.testing.DockerCli;
import org.podium.testing.DockerRequirement;
import org.podium.testing.LocalRegistry;
import org.podium.testing.RegistryImages;

/**
 * Whole-platform figures against a running Podium (the run command): submit-to-FINISHED of a
 * trivial image against {@code docker run --rm} of the same image with the sandbox's flags, and the
 * drain time of many queued submissions against the same number of {@code docker run --rm} in a
 * loop. {@code ./mvnw -Pbench -Dbench.class=org.podium.submission.PlatformBenchmark
 * -Dbench.url=http://127.0.0.1:8080/podium/ -Dbench.home=$HOME/.podium}
 */
public final class PlatformBenchmark {

  private PlatformBenchmark() {}

  public static void main(String[] args) throws Exception {
    URL base = URI.create(System.getProperty("bench.url", "http://127.0.0.1:8080/podium/")).toURL();
    Path home =
        Path.of(System.getProperty("bench.home", System.getProperty("user.home") + "/.podium"));
    int runs = Integer.getInteger("bench.runs", 20);
    int queued = Integer.getInteger("bench.queued", 200);
    DockerRequirement.engine();
    try (DockerEngine engine = new DockerEngine(DockerRequirement.settings());
        LocalRegistry registry = LocalRegistry.start()) {
      RegistryImages.pushAll(engine.calls());
      ApiClient organizer = ApiClient.admin(base, home);
      long competition =
          organizer.createCompetition(
              Json.createObjectBuilder()
                  .add("title", "Benchmark")
                  .add("published", true)
                  .add("enableDockerSubmission", true)
                  .build());
      long phase =
          organizer.addPhase(
              competition,
              Json.createObjectBuilder()
                  .add("name", "P")
                  .add("executionTimeLimitSeconds", 60)
                  .add("memoryMb", 256)
                  .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                  .build());
      organizer.uploadData(competition, phase, false, Map.of("data.txt", "abc\n"));
      organizer.uploadData(competition, phase, true, Map.of("truth.csv", "1,3\n"));
      List<ApiClient> participants = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        ApiClient participant = new ApiClient(base).newParticipant(base, "bench");
        participant.join(competition);
        participants.add(participant);
      }
      String path = "competitions/" + competition + "/submissions";
      JsonObject submission =
          Json.createObjectBuilder().add("image", RegistryImages.EXAMPLE).build();
      Path work = Files.createTempDirectory("podium-bench");
      Files.writeString(work.resolve("data.txt"), "abc\n");

      long[] platform = new long[runs];
      long[] cli = new long[runs];
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        long id = participants.get(0).post(path, submission).json().getJsonNumber("id").longValue();
        awaitFinished(participants.get(0), List.of(id));
        platform[i] = System.nanoTime() - start;
        cli[i] = dockerRun(work, i);
      }
      System.out.printf("submit-to-FINISHED median: %.1f ms (%d runs)%n", median(platform), runs);
      System.out.printf("docker run --rm median:    %.1f ms%n", median(cli));
      System.out.printf("ratio platform / cli:      %.2f%n", median(platform) / median(cli));

      long drainStart = System.nanoTime();
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < queued; i++) {
        ApiClient participant = participants.get(i % participants.size());
        ids.add(participant.post(path, submission).json().getJsonNumber("id").longValue());
      }
      awaitFinished(organizer, ids);
      double drain = (System.nanoTime() - drainStart) / 1e9;
      long loopStart = System.nanoTime();
      for (int i = 0; i < queued; i++) {
        dockerRun(work, 1000 + i);
      }
      double loop = (System.nanoTime() - loopStart) / 1e9;
      System.out.printf("drain of %d queued submissions: %.1f s%n", queued, drain);
      System.out.printf("%d docker run --rm in a loop:    %.1f s%n", queued, loop);
      System.out.printf("ratio drain / loop:              %.2f%n", drain / loop);
    }
  }

  private static void awaitFinished(ApiClient client, List<Long> ids) throws InterruptedException {
    for (long id : ids) {
      while (true) {
        String status = client.get("submissions/" + id).json().getString("status");
        if (status.equals("FINISHED")) {
          break;
        }
        if (status.equals("FAILED") || status.equals("CANCELLED")) {
          throw new IllegalStateException("submission " + id + " ended " + status);
        }
        Thread.sleep(20);
      }
    }
  }

  static long dockerRun(Path work, int i) throws Exception {
    Path out = Files.createDirectories(work.resolve("out-" + i));
    out.toFile().setWritable(true, false);
    SandboxLimits limits = SandboxLimits.DEFAULT.withMemoryBytes(256L * 1024 * 1024);
    List<String> command =
        DockerCli.runWithSandboxFlags(limits, SandboxSettings.defaults("bench"), work, out);
    command.add(RegistryImages.EXAMPLE);
    return DockerCli.timed(command);
  }

  static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0) / 1e6;
  }
}
