package org.podium.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.podium.files.Bytes.MIB;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.testing.DockerRequirement;
import org.podium.testing.TestImages;

/** Each hostile image ends in its documented outcome, with the host untouched. */
class HostileImageTest extends EngineTestBase {

  @Test
  void imageWhoseUserIsRootStillRunsAsUid1000() {
    String rootImage =
        TestImages.busybox().with("USER 0").build(fixture.engine.calls(), "podium-test/root:1");
    RunSpec spec = fixture.shell(work, "id -u").withImage(new ImageSource.Loaded(rootImage));

    RunResult result = fixture.sandbox.run(spec);

    assertEquals("1000\n", result.stdout().text());
  }

  @Test
  void setuidRootBinaryGainsNothing(@TempDir Path build) throws Exception {
    DockerRequirement.tool(Path.of("/usr/bin/gcc"), "apt-get install gcc libc6-dev");
    Path source = build.resolve("euid.c");
    Files.writeString(
        source,
        "#include <stdio.h>\n#include <unistd.h>\nint main(void){printf(\"%d\\n\",(int)geteuid());return 0;}\n");
    Path binary = build.resolve("euid");
    Process gcc =
        new ProcessBuilder("gcc", "-static", "-O2", "-o", binary.toString(), source.toString())
            .inheritIO()
            .start();
    assertEquals(0, gcc.waitFor(), "gcc -static builds the probe (Debian: gcc, libc6-dev)");
    String image =
        TestImages.busybox()
            .withBinary("euid", binary)
            .with("RUN [\"/bin/busybox\", \"chmod\", \"4755\", \"/bin/euid\"]")
            .build(fixture.engine.calls(), "podium-test/setuid:1");

    RunResult result =
        fixture.sandbox.run(
            fixture
                .shell(work, "busybox ls -l /bin/euid; /bin/euid")
                .withImage(new ImageSource.Loaded(image)));

    List<String> lines = result.stdout().text().lines().toList();
    assertTrue(lines.get(0).startsWith("-rwsr-xr-x"), "the probe is setuid root: " + lines.get(0));
    assertEquals("1000", lines.get(1), "its effective uid stays the participant's");
  }

  @Test
  void forkBombIsContainedByThePidsLimitAndTheHostStaysResponsive() throws Exception {
    RunSpec spec =
        fixture
            .shell(work, "bomb() { bomb | bomb & }; bomb; busybox sleep 1000")
            .withLimits(
                SandboxFixture.TEST_LIMITS.withPids(32).withWallTime(Duration.ofSeconds(6)));

    CompletableFuture<RunResult> run =
        CompletableFuture.supplyAsync(() -> fixture.sandbox.run(spec));
    awaitRunning(spec);
    // While the bomb runs (until its 6 s wall time), the host starts processes, and quickly.
    RunResult result = null;
    for (int probes = 0; result == null; probes++) {
      long before = System.nanoTime();
      Process probe = new ProcessBuilder("true").start();
      assertTrue(probe.waitFor(5, TimeUnit.SECONDS), "the host still starts processes");
      assertTrue(Duration.ofNanos(System.nanoTime() - before).toMillis() < 2000, "and quickly");
      assertTrue(probes < 150, "the run ends by its wall time");
      try {
        result = run.get(200, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException stillRunning) {
        // probe again
      }
    }

    assertTrue(
        Set.of(RunOutcome.TIMED_OUT, RunOutcome.FAILED).contains(result.outcome()),
        result.outcome().name());
    assertTrue(
        result.wallTime().compareTo(Duration.ofSeconds(9)) < 0, result.wallTime().toString());
    assertFalse(fixture.containerExists(spec.runId()));
  }

  @Test
  void memoryBalloonIsOutOfMemory() {
    RunSpec spec =
        fixture
            .shell(
                work,
                "x=$(busybox head -c 200000000 /dev/zero | busybox tr '\\000' x); echo survived")
            .withLimits(SandboxFixture.TEST_LIMITS.withMemoryBytes(32 * MIB));

    RunResult result = fixture.sandbox.run(spec);

    assertEquals(RunOutcome.OUT_OF_MEMORY, result.outcome(), result.message());
    assertEquals("killed for using more than its memory limit of 32 MiB", result.message());
    assertFalse(result.stdout().text().contains("survived"));
  }

  @Test
  void sleepingForeverIsTimedOutWithinTheLimitPlusTwoSecondsAndItsContainerIsGone() {
    RunSpec spec =
        fixture
            .shell(work, "echo started; busybox sleep 100000")
            .withLimits(SandboxFixture.TEST_LIMITS.withWallTime(Duration.ofSeconds(2)));

    long start = System.nanoTime();
    RunResult result = fixture.sandbox.run(spec);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(RunOutcome.TIMED_OUT, result.outcome());
    assertEquals("started\n", result.stdout().text());
    assertTrue(elapsed.compareTo(Duration.ofSeconds(4)) < 0, "ended after " + elapsed);
    assertTrue(result.wallTime().compareTo(Duration.ofSeconds(2)) >= 0);
    assertFalse(fixture.containerExists(spec.runId()));
  }

  @Test
  void gibibyteOnStdoutIsTruncatedWithAMarkerAndLeavesTheHeapFlat() throws Exception {
    RunSpec spec =
        fixture
            .shell(
                work,
                "echo first line; busybox head -c 1073741824 /dev/zero | busybox tr '\\000' y; echo; echo last line")
            .withLimits(
                SandboxFixture.TEST_LIMITS
                    .withWallTime(Duration.ofMinutes(3))
                    .withLogBytes(64 * 1024));
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long baseline = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleAtFixedRate(
        () -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
        0,
        20,
        TimeUnit.MILLISECONDS);
    RunResult result;
    try {
      result = fixture.sandbox.run(spec);
    } finally {
      sampler.shutdownNow();
    }
    System.gc();
    long retained = memory.getHeapMemoryUsage().getUsed() - baseline;

    assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
    assertTrue(result.stdout().truncated());
    assertEquals(
        1073741824L + "first line\n".length() + "\nlast line\n".length(),
        result.stdout().totalBytes());
    assertTrue(result.stdout().text().startsWith("first line\nyyyy"));
    assertTrue(result.stdout().text().endsWith("yyyy\nlast line\n"));
    assertTrue(result.stdout().text().contains(" bytes truncated by Podium ...]"));
    assertTrue(result.stdout().text().length() < 66 * 1024);
    // The test JVM runs with -Xmx256m (pom): holding the stream would not even fit.
    assertTrue(retained < 16 * MIB, "retained " + retained / MIB + " MiB");
    assertTrue(
        peak.get() - baseline < 200 * MIB,
        "peak " + (peak.get() - baseline) / MIB + " MiB over baseline");
    System.out.printf(
        "1 GiB stdout: peak heap %d MiB over baseline, retained %d KiB, wall %s%n",
        (peak.get() - baseline) / MIB, retained / 1024, result.wallTime());
  }

  @Test
  void fillingTheOutputPastItsLimitIsOutputLimitAndStopsTheRun() {
    RunSpec spec =
        fixture
            .shell(
                work,
                "i=0; while true; do busybox dd if=/dev/zero of=/mnt/out/f$i bs=1048576 count=1 2>/dev/null; i=$((i+1)); done")
            .withLimits(
                SandboxFixture.TEST_LIMITS
                    .withOutput(8 * MIB, 1000)
                    .withWallTime(Duration.ofSeconds(60)));

    RunResult result = fixture.sandbox.run(spec);

    assertEquals(RunOutcome.OUTPUT_LIMIT, result.outcome());
    assertTrue(
        result.wallTime().compareTo(Duration.ofSeconds(30)) < 0, result.wallTime().toString());
    assertEquals("wrote more than 8 MiB or 1000 files to /mnt/out", result.message());
  }

  @Test
  void tooManyOutputFilesIsOutputLimit() {
    RunSpec spec =
        fixture
            .shell(work, "for i in $(busybox seq 1 50); do busybox touch /mnt/out/f$i; done")
            .withLimits(SandboxFixture.TEST_LIMITS.withOutput(8 * MIB, 10));

    assertEquals(RunOutcome.OUTPUT_LIMIT, fixture.sandbox.run(spec).outcome());
  }

  @Test
  void linksDevicesAndFifosInTheOutputAreDroppedAndReportedWithoutTouchingTheHost()
      throws Exception {
    Path secret = Files.createFile(work.resolve("host-secret.txt"));
    Files.writeString(secret, "host only");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
    String passwdBefore = Files.readString(Path.of("/etc/passwd"));
    RunSpec spec =
        fixture.shell(
            work,
            "cd /mnt/out; echo 1 > good.csv; busybox ln -s /etc/passwd passwd; busybox ln -s / root;"
                + " busybox ln good.csv hard.csv; busybox mkfifo pipe; busybox mkdir sub; echo 2 > sub/ok.txt;"
                + " echo 3 > 'bad name'; busybox ln -s "
                + secret
                + " secret");

    RunResult result = fixture.sandbox.run(spec);

    assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.stderr().text());
    assertEquals(Set.of("sub/ok.txt"), Set.copyOf(result.output().files()));
    assertEquals(
        Set.of("passwd", "root", "hard.csv", "good.csv", "pipe", "bad name", "secret"),
        result.output().rejected().stream()
            .map(OutputReport.Rejected::path)
            .collect(java.util.stream.Collectors.toSet()));
    assertTrue(
        result.output().rejected().stream()
            .filter(rejected -> rejected.path().equals("passwd"))
            .allMatch(rejected -> rejected.reason().startsWith("symbolic link")));
    try (var left = Files.list(work.resolve("out"))) {
      assertEquals(
          Set.of(work.resolve("out/sub")),
          Set.copyOf(left.toList()),
          "rejected entries are removed");
    }
    assertEquals(passwdBefore, Files.readString(Path.of("/etc/passwd")));
    assertEquals("host only", Files.readString(secret));
  }

  @Test
  void cancelFromAnotherThreadRemovesTheContainerWithinTwoSeconds() throws Exception {
    RunSpec spec = fixture.shell(work, "echo started; busybox sleep 100000");
    CompletableFuture<RunResult> run =
        CompletableFuture.supplyAsync(() -> fixture.sandbox.run(spec));
    awaitRunning(spec);

    long cancelled = System.nanoTime();
    assertTrue(fixture.sandbox.cancel(spec.runId()));
    RunResult result = run.get(10, TimeUnit.SECONDS);
    Duration toGone = Duration.ofNanos(System.nanoTime() - cancelled);

    assertEquals(RunOutcome.CANCELLED, result.outcome());
    assertFalse(fixture.containerExists(spec.runId()));
    assertTrue(toGone.compareTo(Duration.ofSeconds(2)) < 0, "gone after " + toGone);
  }

  /** Waits until the run's container exists and the sandbox counts it live. */
  private void awaitRunning(RunSpec spec) {
    org.awaitility.Awaitility.await("the run started")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                fixture.containerExists(spec.runId())
                    && fixture.sandbox.liveRuns().contains(spec.runId()));
  }
}
