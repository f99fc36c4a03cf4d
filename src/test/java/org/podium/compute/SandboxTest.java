package org.podium.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sandbox's contract with a well-behaved image, against a real engine. */
class SandboxTest extends EngineTestBase {

  @Test
  void readsInputAndWritesOutputThenSucceedsWithItsOutputCollected() {
    RunSpec spec =
        fixture.shell(
            work,
            "busybox wc -l < /mnt/in/data.txt > /mnt/out/count.txt; echo done; echo note >&2");

    RunResult result = fixture.sandbox.run(spec);

    assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
    assertEquals(0, result.exitCode().orElseThrow());
    assertEquals("done\n", result.stdout().text());
    assertEquals("note\n", result.stderr().text());
    assertEquals(List.of("count.txt"), result.output().files());
    assertEquals(List.of(), result.output().rejected());
    assertEquals(fixture.busybox, result.imageDigest().orElseThrow());
    assertTrue(result.wallTime().compareTo(Duration.ZERO) > 0);
    assertFalse(fixture.containerExists(spec.runId()), "the container is removed after the run");
  }

  @Test
  void nonZeroExitIsFailedWithItsCode() throws Exception {
    RunResult result = fixture.sandbox.run(fixture.shell(work, "echo broken >&2; exit 3"));

    assertEquals(RunOutcome.FAILED, result.outcome());
    assertEquals(3, result.exitCode().orElseThrow());
    assertEquals("broken\n", result.stderr().text());
    assertEquals("exited with code 3", result.message());
  }

  @Test
  void runsAsUid1000WithNoCapabilitiesNoNewPrivilegesAndSeccomp() {
    RunResult result =
        fixture.sandbox.run(
            fixture.shell(
                work,
                "id -u; id -g; busybox grep -E '^(CapEff|NoNewPrivs|Seccomp):' /proc/self/status"));

    assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.stderr().text());
    assertEquals(
        List.of("1000", "1000", "CapEff:\t0000000000000000", "NoNewPrivs:\t1", "Seccomp:\t2"),
        result.stdout().text().lines().toList());
  }

  @Test
  void networkHasOnlyLoopbackAndNoConnectionLeavesTheContainer() throws Exception {
    try (ServerSocket host = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      host.setSoTimeout(500);
      RunResult result =
          fixture.sandbox.run(
              fixture.shell(
                  work,
                  "busybox ls /sys/class/net; busybox wget -T 2 -q -O - http://127.0.0.1:"
                      + host.getLocalPort()
                      + "/ && echo CONNECTED; busybox wget -T 2 -q -O - http://podium.invalid/ && echo RESOLVED; true"));

      assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.stderr().text());
      assertEquals("lo\n", result.stdout().text(), "only the loopback interface exists");
      assertFalse(result.stdout().text().contains("CONNECTED"));
      assertFalse(result.stdout().text().contains("RESOLVED"));
      boolean reached;
      try (var ignored = host.accept()) {
        reached = true;
      } catch (SocketTimeoutException e) {
        reached = false;
      }
      assertFalse(reached, "the host's loopback is not the container's");
    }
  }

  @Test
  void inputAndRootFilesystemAreReadOnlyAndTmpIsWritable() throws Exception {
    RunResult result =
        fixture.sandbox.run(
            fixture.shell(
                work,
                "busybox touch /mnt/in/x && echo WROTE_INPUT; busybox touch /x && echo WROTE_ROOT;"
                    + " busybox touch /tmp/x && echo WROTE_TMP; true"));

    assertEquals("WROTE_TMP\n", result.stdout().text());
    assertTrue(result.stderr().text().contains("Read-only file system"), result.stderr().text());
    try (var input = Files.list(work.resolve("in"))) {
      assertEquals(List.of(work.resolve("in/data.txt")), input.toList());
    }
  }

  @Test
  void environmentAndWorkingDirectoryReachTheWorkload() {
    RunSpec spec =
        new RunSpec(
            SandboxFixture.runId(),
            new ImageSource.Loaded(fixture.busybox),
            java.util.Optional.of(List.of("/bin/busybox", "sh", "-c")),
            java.util.Optional.of(
                List.of("echo $MODEL_SIZE; busybox pwd; echo $NVIDIA_VISIBLE_DEVICES")),
            java.util.Map.of("MODEL_SIZE", "small"),
            java.util.Optional.of("/mnt/in"),
            SandboxFixture.input(work),
            work.resolve("out"),
            SandboxFixture.TEST_LIMITS,
            RunSpec.Mounts.PODIUM);

    RunResult result = fixture.sandbox.run(spec);

    assertEquals(List.of("small", "/mnt/in", "void"), result.stdout().text().lines().toList());
  }

  @Test
  void aRunAskingForMoreGpusThanTheNodeListsIsAPlatformErrorAndStartsNothing() {
    Sandbox twoGpus =
        new Sandbox(
            fixture.engine, fixture.settings, GpuAllocator.parse(java.util.Optional.of("0,1")));
    RunSpec spec = fixture.shell(work, "true").withLimits(SandboxFixture.TEST_LIMITS.withGpus(3));

    RunResult result = twoGpus.run(spec);

    assertEquals(RunOutcome.INFRA_ERROR, result.outcome());
    assertEquals("this node has 2 GPUs; the run asks for 3", result.message());
    assertFalse(fixture.containerExists(spec.runId()));
  }
}
