package org.podium.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.podium.compute.SandboxLimits;
import org.podium.compute.SandboxSettings;

/** The benchmarks' baseline: {@code docker run --rm} with the flags the sandbox sets itself. */
public final class DockerCli {

  private DockerCli() {}

  /** {@code docker run --rm} with the sandbox's flags, up to (not including) the image. */
  public static List<String> runWithSandboxFlags(
      SandboxLimits limits, SandboxSettings settings, Path in, Path out) {
    return new ArrayList<>(
        List.of(
            "docker",
            "run",
            "--rm",
            "--network",
            "none",
            "--user",
            "1000:1000",
            "--read-only",
            "--tmpfs",
            "/tmp:rw,nosuid,nodev,size=" + settings.tmpBytes() + ",mode=1777,uid=1000,gid=1000",
            "-v",
            in + ":/mnt/in:ro",
            "-v",
            out + ":/mnt/out:rw",
            "--cap-drop",
            "ALL",
            "--security-opt",
            "no-new-privileges",
            "--memory",
            String.valueOf(limits.memoryBytes()),
            "--memory-swap",
            String.valueOf(limits.memoryBytes()),
            "--cpus",
            String.valueOf(limits.cpus()),
            "--pids-limit",
            String.valueOf(limits.pids()),
            "--ulimit",
            "nofile=" + settings.openFiles() + ":" + settings.openFiles(),
            "--shm-size",
            String.valueOf(settings.shmBytes()),
            "--ipc",
            "private",
            "--init",
            "--log-driver",
            "none",
            "-e",
            "NVIDIA_VISIBLE_DEVICES=void"));
  }

  /** Runs a command to its end and returns how long it took, in nanoseconds. */
  public static long timed(List<String> command) throws Exception {
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + new String(output));
    }
    return System.nanoTime() - start;
  }
}
