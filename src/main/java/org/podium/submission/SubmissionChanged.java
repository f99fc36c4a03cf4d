package org.podium.submission;

/** A submission's status changed (fired inside the changing transaction). */
public record SubmissionChanged(long submissionId) {}
