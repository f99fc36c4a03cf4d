package org.podium.submission;

import jakarta.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.podium.compute.DockerEngine;
import org.podium.testing.ApiClient;
import org.podium.testing.DockerRequirement;
import org.podium.testing.LargeFiles;

/**
 * P7: uploads of gigabytes over loopback against a running Podium (the run command), each against
 * {@code cp} of the same file on the same disk (each from a cold page cache until its bytes are on
 * disk; run as root, it drops the caches), with the server's heap sampled throughout: a {@code
 * docker save} archive, checked before the answer, sent as the request's body and as a multipart
 * form, and a phase's data zip (PUT), unpacked before the answer, all sent by {@code curl}. {@code
 * ./mvnw -Pbench -Dbench.class=org.podium.submission.UploadBenchmark -Dbench.home=$HOME/.podium
 * [-Dbench.bytes=2000000000 -Dbench.runs=3 -Dbench.work=target/upload-bench
 * -Dbench.kinds=zip,archive,archive-form]}
 */
public final class UploadBenchmark {

  private UploadBenchmark() {}

  public static void main(String[] args) throws Exception {
    URL base = URI.create(System.getProperty("bench.url", "http://127.0.0.1:8080/podium/")).toURL();
    Path home =
        Path.of(System.getProperty("bench.home", System.getProperty("user.home") + "/.podium"));
    long bytes = Long.getLong("bench.bytes", 2_000_000_000L);
    int runs = Integer.getInteger("bench.runs", 3);
    Path work = Path.of(System.getProperty("bench.work", "target/upload-bench")).toAbsolutePath();
    Files.createDirectories(work);
    long server = serverPid();
    DockerRequirement.engine();

    Path zip = work.resolve("data.zip");
    if (!Files.exists(zip)) {
      LargeFiles.zip(zip, Map.of("data.txt", "abc\n"), Map.of("ballast.bin", bytes));
    }
    Path archive;
    try (DockerEngine engine = new DockerEngine(DockerRequirement.settings())) {
      archive = LargeFiles.participantArchive(engine.calls(), work.resolve("image.tar"), bytes);
    }
    System.out.printf(
        "files: data zip %,d bytes, docker save archive %,d bytes%n",
        Files.size(zip), Files.size(archive));

    ApiClient organizer = ApiClient.admin(base, home);
    long competition =
        organizer.createCompetition(
            Json.createObjectBuilder()
                .add("title", "Upload benchmark")
                .add("published", true)
                .add("enableDockerSubmission", true)
                .build());
    long phase =
        organizer.addPhase(
            competition,
            Json.createObjectBuilder()
                .add("name", "P")
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .build());
    // Archives run in a phase of their own, with a line of input: the data phase's gigabytes would
    // keep the example image reading for its whole time limit.
    long runPhase =
        organizer.addPhase(
            competition,
            Json.createObjectBuilder()
                .add("name", "Runs")
                .add("executionTimeLimitSeconds", 60)
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .build());
    organizer.uploadData(competition, runPhase, false, Map.of("data.txt", "abc\n"));
    organizer.uploadData(competition, runPhase, true, Map.of("truth.csv", "1,3\n"));
    ApiClient participant = new ApiClient(base).newParticipant(base, "bench");
    participant.join(competition);
    String api = base.toExternalForm() + "api/";

    for (String kind : System.getProperty("bench.kinds", "zip,archive,archive-form").split(",")) {
      Path file = kind.equals("zip") ? zip : archive;
      long[] upload = new long[runs];
      long[] copy = new long[runs];
      long[] heapPeak = new long[runs];
      long[] oldPeak = new long[runs];
      for (int i = 0; i < runs; i++) {
        copy[i] = copy(file, work.resolve("copy.bin"));
        Heap heap = Heap.watch(server);
        coldCache();
        long start = System.nanoTime();
        String answer =
            switch (kind) {
              case "zip" ->
                  curl(
                      "-T",
                      file.toString(),
                      "-H",
                      "Content-Type: application/zip",
                      "-H",
                      "Authorization: " + organizer.authorization(),
                      api + "competitions/" + competition + "/phases/" + phase + "/input-data");
              case "archive" ->
                  curl(
                      "-X",
                      "POST",
                      "-T",
                      file.toString(),
                      "-H",
                      "Content-Type: application/x-tar",
                      "-H",
                      "Authorization: " + participant.authorization(),
                      api
                          + "competitions/"
                          + competition
                          + "/submissions?teamName=bench&phaseId="
                          + runPhase);
              default ->
                  curl(
                      "-F",
                      "file=@" + file + ";type=application/x-tar",
                      "-F",
                      "teamName=bench",
                      "-F",
                      "phaseId=" + runPhase,
                      "-H",
                      "Authorization: " + participant.authorization(),
                      api + "competitions/" + competition + "/submissions");
            };
        sync();
        upload[i] = System.nanoTime() - start;
        heap.stop();
        heapPeak[i] = heap.peakAboveBaseline();
        oldPeak[i] = heap.oldPeakAboveBaseline();
        if (kind.startsWith("archive")) {
          // Measured is the upload; the run it starts (loading gigabytes into the engine) ends
          // before the next measurement begins.
          long id =
              Json.createReader(new java.io.StringReader(answer.substring(answer.indexOf('{'))))
                  .readObject()
                  .getJsonNumber("id")
                  .longValue();
          awaitEnd(participant, id);
        }
        System.out.printf(
            "%s run %d: upload %.2f s, cp %.2f s, ratio %.2f; heap peak +%d MiB (old gen +%d MiB) over %d MiB before; answer %s%n",
            kind,
            i + 1,
            upload[i] / 1e9,
            copy[i] / 1e9,
            (double) upload[i] / copy[i],
            heapPeak[i] >> 20,
            oldPeak[i] >> 20,
            heap.baseline >> 20,
            answer.substring(0, 3));
      }
      System.out.printf(
          "%s median: upload %.2f s, cp %.2f s, ratio %.2f, heap peak +%d MiB, old gen +%d MiB%n",
          kind,
          median(upload) / 1e9,
          median(copy) / 1e9,
          (double) median(upload) / median(copy),
          median(heapPeak) >> 20,
          median(oldPeak) >> 20);
    }
  }

  private static void awaitEnd(ApiClient client, long id) throws InterruptedException {
    for (int i = 0; i < 1200; i++) {
      String status = client.get("submissions/" + id).json().getString("status");
      if (List.of("FINISHED", "FAILED", "CANCELLED").contains(status)) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("submission " + id + " did not end");
  }

  /** Sends a request with curl; returns the status code and the body. */
  private static String curl(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("curl", "-sS", "-w", "%{http_code} ", "-o", "/dev/stderr"));
    command.addAll(Arrays.asList(args));
    Process process = new ProcessBuilder(command).start();
    String body = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    String status = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0 || !status.startsWith("2")) {
      throw new IllegalStateException("upload failed: " + status + body);
    }
    return status + body;
  }

  /** {@code cp} from a cold page cache, until the copy is on disk ({@code sync}). */
  private static long copy(Path from, Path to) throws IOException, InterruptedException {
    Files.deleteIfExists(to);
    coldCache();
    long start = System.nanoTime();
    run("cp", from.toString(), to.toString());
    sync();
    long took = System.nanoTime() - start;
    Files.delete(to);
    return took;
  }

  /**
   * Both sides start with nothing in the page cache and end with their bytes on disk, so each pays
   * for the same disk (with a warm cache, cp's in-kernel copy would meet only memory).
   */
  private static void coldCache() throws IOException, InterruptedException {
    sync();
    Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "3");
  }

  private static void sync() throws IOException, InterruptedException {
    run("sync");
  }

  private static void run(String... command) throws IOException, InterruptedException {
    if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed");
    }
  }

  /** The server's process: WildFly's jboss-modules or Payara's ASMain. */
  private static long serverPid() {
    return ProcessHandle.allProcesses()
        .filter(
            process ->
                process
                    .info()
                    .commandLine()
                    .map(line -> line.contains("jboss-modules.jar") || line.contains("ASMain"))
                    .orElse(false))
        .mapToLong(ProcessHandle::pid)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no running WildFly or Payara"));
  }

  /**
   * The server's heap sampled every 50 ms by {@code jstat -gc} while an upload runs, after a full
   * collection fixed the baseline: the peak of all used heap (garbage not yet collected included)
   * and of the old generation (what outlives young collections) above it.
   */
  private static final class Heap {
    private final Process jstat;
    private final Thread reader;
    private final long baseline;
    private final long oldBaseline;
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong oldPeak = new AtomicLong();

    private Heap(Process jstat, long baseline, long oldBaseline) {
      this.jstat = jstat;
      this.baseline = baseline;
      this.oldBaseline = oldBaseline;
      this.reader = new Thread(this::read);
      reader.start();
    }

    static Heap watch(long pid) throws IOException, InterruptedException {
      new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").start().waitFor();
      long[] now = sample(pid);
      return new Heap(
          new ProcessBuilder("jstat", "-gc", Long.toString(pid), "50").start(), now[0], now[1]);
    }

    private static long[] sample(long pid) throws IOException, InterruptedException {
      Process once = new ProcessBuilder("jstat", "-gc", Long.toString(pid)).start();
      List<String> lines =
          new BufferedReader(new InputStreamReader(once.getInputStream())).lines().toList();
      once.waitFor();
      return used(lines.get(0), lines.get(1));
    }

    private void read() {
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(jstat.getInputStream()))) {
        String header = lines.readLine();
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.isBlank() || line.trim().startsWith("S0C")) {
            continue;
          }
          long[] used = used(header, line);
          peak.accumulateAndGet(used[0], Math::max);
          oldPeak.accumulateAndGet(used[1], Math::max);
        }
      } catch (IOException ignored) {
        // jstat stopped
      }
    }

    /** Used heap and used old generation, in bytes, from a jstat -gc header and line. */
    private static long[] used(String header, String line) {
      List<String> names = Arrays.asList(header.trim().split("\\s+"));
      String[] values = line.trim().split("\\s+");
      double total = 0;
      for (String column : List.of("S0U", "S1U", "EU", "OU")) {
        total += Double.parseDouble(values[names.indexOf(column)]);
      }
      double old = Double.parseDouble(values[names.indexOf("OU")]);
      return new long[] {(long) (total * 1024), (long) (old * 1024)};
    }

    void stop() throws InterruptedException {
      jstat.destroy();
      reader.join();
    }

    long peakAboveBaseline() {
      return Math.max(0, peak.get() - baseline);
    }

    long oldPeakAboveBaseline() {
      return Math.max(0, oldPeak.get() - oldBaseline);
    }
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
