package org.podium.submission;

import java.time.Instant;

/** An attempt in progress, as the database records it: the node that holds it. */
public record LiveAttempt(
    long id, int attempt, SubmissionStatus status, Instant startedAt, String node) {

  public String runId() {
    return "s" + id + "-a" + attempt;
  }
}
