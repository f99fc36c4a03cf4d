package org.podium.submission;

import java.time.Instant;

/** An attempt a node has in progress, as the database records it. */
public record LiveAttempt(
    long id, int attempt, SubmissionStatus status, Instant startedAt, int timeLimitSeconds) {

  String runId() {
    return "s" + id + "-a" + attempt;
  }
}
