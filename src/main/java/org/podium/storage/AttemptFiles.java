package org.podium.storage;

import java.nio.file.Path;

/**
 * The files of one attempt of a submission, in its folder under the submission's: the output the
 * container wrote, its logs, whether they were cut, the limits it ran under, and room for scoring.
 * Only {@link DataStore} makes them, so every path of a submission is named in one place.
 */
public record AttemptFiles(Path folder) {

  /** Mounted as the container's output folder; scored afterwards. */
  public Path output() {
    return folder.resolve("out");
  }

  public Path stdout() {
    return folder.resolve("stdout.log");
  }

  public Path stderr() {
    return folder.resolve("stderr.log");
  }

  /** What the run had written to stdout at the last look while it ran; stdout.log once it ended. */
  public Path stdoutSoFar() {
    return folder.resolve("stdout.so-far.log");
  }

  public Path stderrSoFar() {
    return folder.resolve("stderr.so-far.log");
  }

  /** {@code true} when a log was longer than the sandbox keeps. */
  public Path logsTruncated() {
    return folder.resolve("logs-truncated");
  }

  /** The limits the attempt ran under (JSON), written when its container was started. */
  public Path limits() {
    return folder.resolve("limits.json");
  }

  /**
   * Where scoring works: its copies of the output and reference data (deleted once the scoring
   * container has run), its own output and its logs (kept).
   */
  public Path scoringWork() {
    return folder;
  }

  /**
   * Where scoring against the private reference data works, apart from the public scoring: its logs
   * are the organizers' only, whatever the competition shows participants.
   */
  public Path privateScoringWork() {
    return folder.resolve("scoring-private");
  }
}
