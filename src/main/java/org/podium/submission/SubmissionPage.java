package org.podium.submission;

import java.util.Map;

/**
 * What a submission's page shows, read in one call ({@link SubmissionControl#page}): the
 * submission, its metadata by label, the limits its latest attempt ran under (null before a
 * container), whether the caller organizes it, the tails of its logs when the caller may read them,
 * the tails of the scoring program's output when the caller may read that, and whether its output
 * download is ready (the run ended and left something the caller may download).
 */
public record SubmissionPage(
    SubmissionView submission,
    Map<String, String> metadata,
    RunLimits limits,
    boolean organizer,
    boolean logsVisible,
    String stdoutTail,
    String stderrTail,
    boolean truncated,
    boolean scoringOutputVisible,
    String scoringStdoutTail,
    String scoringStderrTail,
    boolean outputReady) {

  /** How much of each log the page shows; the download has all that was kept. */
  static final int TAIL_CHARS = 16 * 1024;

  public boolean cancellable() {
    return submission.live();
  }

  /** Whether it was a Docker image that ran (rather than a file of results, scored as it is). */
  public boolean ran() {
    return SubmissionKind.DOCKER.name().equals(submission.kind());
  }

  /** The last {@link #TAIL_CHARS} characters, from a line start when one is near. */
  static String tail(String log) {
    if (log.length() <= TAIL_CHARS) {
      return log;
    }
    String tail = log.substring(log.length() - TAIL_CHARS);
    int newline = tail.indexOf('\n');
    return newline >= 0 && newline < 200 ? tail.substring(newline + 1) : tail;
  }
}
