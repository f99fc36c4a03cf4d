package org.podium.compute;

import static org.podium.files.Bytes.MIB;

import java.time.Duration;
import java.util.Objects;

/**
 * What one run may use. The platform enforces each: a run that exceeds one ends with the outcome
 * named beside it.
 *
 * @param wallTime from container start to exit ({@link RunOutcome#TIMED_OUT})
 * @param memoryBytes memory, swap included ({@link RunOutcome#OUT_OF_MEMORY})
 * @param cpus CPU share, e.g. 1.5
 * @param pids processes and threads at once (a fork bomb meets this)
 * @param gpus NVIDIA GPUs; 0 exposes none
 * @param outputBytes total size of /mnt/out ({@link RunOutcome#OUTPUT_LIMIT})
 * @param outputFiles entries in /mnt/out ({@link RunOutcome#OUTPUT_LIMIT})
 * @param logBytes stdout and stderr kept, each (head and tail; the middle is dropped)
 */
public record SandboxLimits(
    Duration wallTime,
    long memoryBytes,
    double cpus,
    int pids,
    int gpus,
    long outputBytes,
    int outputFiles,
    int logBytes) {

  /** Defaults for a phase that says nothing: 10 minutes, 2 GiB, 1 CPU, no GPU. */
  public static final SandboxLimits DEFAULT =
      new SandboxLimits(
          Duration.ofMinutes(10), 2048 * MIB, 1.0, 256, 0, 512 * MIB, 10_000, 1 << 20);

  public SandboxLimits {
    Objects.requireNonNull(wallTime, "wallTime");
    if (wallTime.isNegative() || wallTime.isZero()) {
      throw new IllegalArgumentException("the time limit must be positive");
    }
    if (memoryBytes < 6 * MIB) {
      throw new IllegalArgumentException(
          "the memory limit must be at least 6 MiB (Docker's minimum)");
    }
    if (!(cpus > 0)) {
      throw new IllegalArgumentException("the CPU limit must be positive");
    }
    if (pids < 1) {
      throw new IllegalArgumentException("the process limit must be at least 1");
    }
    if (gpus < 0) {
      throw new IllegalArgumentException("the GPU count cannot be negative");
    }
    if (outputBytes < 0 || outputFiles < 0) {
      throw new IllegalArgumentException("output limits cannot be negative");
    }
    if (logBytes < 2) {
      throw new IllegalArgumentException("the log limit must keep at least 2 bytes");
    }
  }

  public SandboxLimits withWallTime(Duration value) {
    return new SandboxLimits(
        value, memoryBytes, cpus, pids, gpus, outputBytes, outputFiles, logBytes);
  }

  public SandboxLimits withMemoryBytes(long value) {
    return new SandboxLimits(wallTime, value, cpus, pids, gpus, outputBytes, outputFiles, logBytes);
  }

  public SandboxLimits withCpus(double value) {
    return new SandboxLimits(
        wallTime, memoryBytes, value, pids, gpus, outputBytes, outputFiles, logBytes);
  }

  public SandboxLimits withPids(int value) {
    return new SandboxLimits(
        wallTime, memoryBytes, cpus, value, gpus, outputBytes, outputFiles, logBytes);
  }

  public SandboxLimits withGpus(int value) {
    return new SandboxLimits(
        wallTime, memoryBytes, cpus, pids, value, outputBytes, outputFiles, logBytes);
  }

  public SandboxLimits withOutput(long bytes, int files) {
    return new SandboxLimits(wallTime, memoryBytes, cpus, pids, gpus, bytes, files, logBytes);
  }

  public SandboxLimits withLogBytes(int value) {
    return new SandboxLimits(
        wallTime, memoryBytes, cpus, pids, gpus, outputBytes, outputFiles, value);
  }
}
