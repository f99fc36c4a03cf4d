package org.podium.compute;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a run ended and what it left.
 *
 * @param outcome how it ended
 * @param exitCode the container's exit code, when it exited
 * @param wallTime from container start to exit (zero when it never started)
 * @param stdout standard output, capped
 * @param stderr standard error, capped
 * @param imageDigest the image that ran: the registry digest of a pulled image, the id of a loaded
 *     one
 * @param output what it left in /mnt/out
 * @param message what happened, in words a participant can act on
 */
public record RunResult(
    RunOutcome outcome,
    Optional<Integer> exitCode,
    Duration wallTime,
    CapturedLog stdout,
    CapturedLog stderr,
    Optional<String> imageDigest,
    OutputReport output,
    String message) {

  public RunResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(exitCode, "exitCode");
    Objects.requireNonNull(wallTime, "wallTime");
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
    Objects.requireNonNull(imageDigest, "imageDigest");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(message, "message");
  }

  /** A run that never started because the registry has no such image or refuses it. */
  static RunResult unavailable(String message) {
    return new RunResult(
        RunOutcome.IMAGE_UNAVAILABLE,
        Optional.empty(),
        Duration.ZERO,
        CapturedLog.EMPTY,
        CapturedLog.EMPTY,
        Optional.empty(),
        OutputReport.NONE,
        message);
  }

  /** A run that never started because the platform failed it. */
  static RunResult infraError(String message, Optional<String> imageDigest) {
    return new RunResult(
        RunOutcome.INFRA_ERROR,
        Optional.empty(),
        Duration.ZERO,
        CapturedLog.EMPTY,
        CapturedLog.EMPTY,
        imageDigest,
        OutputReport.NONE,
        message);
  }
}
