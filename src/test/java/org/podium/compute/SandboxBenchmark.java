package org.podium.compute;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.podium.testing.DockerCli;
import org.podium.testing.DockerRequirement;
import org.podium.testing.TestImages;

/**
 * Per-run cost of the sandbox against {@code docker run --rm} with the same flags, interleaved on
 * the same engine: {@code ./mvnw -Pbench} (K runs each, default 30; {@code -Dbench.runs=K}).
 */
public final class SandboxBenchmark {

  private SandboxBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.getInteger("bench.runs", 30);
    DockerRequirement.engine();
    try (DockerEngine engine = new DockerEngine(DockerRequirement.settings())) {
      SandboxSettings settings = SandboxSettings.defaults("bench");
      Sandbox sandbox = new Sandbox(engine, settings);
      String image = TestImages.busybox().build(engine.calls(), "podium-bench/true:1");
      Path work = Files.createTempDirectory("podium-bench");
      Path in = Files.createDirectories(work.resolve("in"));
      SandboxLimits limits = SandboxLimits.DEFAULT;

      // Warm both paths once: first runs pay for page cache and engine start-up work.
      sandboxRun(sandbox, image, in, work, limits, -1);
      cliRun(image, in, work, limits, settings, -1);

      long[] viaSandbox = new long[runs];
      long[] viaCli = new long[runs];
      for (int i = 0; i < runs; i++) {
        viaSandbox[i] = sandboxRun(sandbox, image, in, work, limits, i);
        viaCli[i] = cliRun(image, in, work, limits, settings, i);
      }
      double sandboxMedian = median(viaSandbox);
      double cliMedian = median(viaCli);
      System.out.printf("runs each: %d%n", runs);
      System.out.printf("sandbox median: %.1f ms%n", sandboxMedian);
      System.out.printf("docker run --rm median: %.1f ms%n", cliMedian);
      System.out.printf("ratio sandbox / cli: %.2f%n", sandboxMedian / cliMedian);
    }
  }

  private static long sandboxRun(
      Sandbox sandbox, String image, Path in, Path work, SandboxLimits limits, int i) {
    RunSpec spec =
        RunSpec.of(
                "bench-s" + (i + 1),
                new ImageSource.Loaded(image),
                in,
                work.resolve("s" + (i + 1)),
                limits)
            .withEntrypoint(List.of("/bin/busybox", "true"));
    long start = System.nanoTime();
    RunResult result = sandbox.run(spec);
    long elapsed = System.nanoTime() - start;
    if (result.outcome() != RunOutcome.SUCCEEDED) {
      throw new IllegalStateException("sandbox run failed: " + result.message());
    }
    return elapsed;
  }

  private static long cliRun(
      String image, Path in, Path work, SandboxLimits limits, SandboxSettings settings, int i)
      throws Exception {
    Path out = Files.createDirectories(work.resolve("c" + (i + 1)));
    out.toFile().setWritable(true, false);
    List<String> command = DockerCli.runWithSandboxFlags(limits, settings, in, out);
    command.addAll(
        List.of(
            "--label",
            "org.podium.installation=bench-cli",
            "--name",
            "podium-bench-cli-" + (i + 1),
            "--entrypoint",
            "/bin/busybox",
            image,
            "true"));
    return DockerCli.timed(command);
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double middle = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    return middle / 1_000_000.0;
  }
}
