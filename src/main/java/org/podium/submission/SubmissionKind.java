package org.podium.submission;

/** A file of results, or a Docker image Podium runs. */
public enum SubmissionKind {
  RESULTS,
  DOCKER
}
