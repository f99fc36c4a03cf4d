package org.podium.submission;

import java.util.List;
import java.util.Map;

/**
 * What a participant sends with a submission. {@code image} may be an image reference or a pasted
 * {@code docker run} line; without it (and with a results file) the submission is a results upload.
 */
public record SubmissionRequest(
    Long phaseId,
    String image,
    List<String> command,
    Map<String, String> env,
    String description,
    String methodName,
    String methodDescription,
    String projectUrl,
    String publicationUrl,
    String bibtex,
    String teamName,
    String organization) {

  SubmissionMetadata metadata() {
    return new SubmissionMetadata(
        limit("description", description, 10_000),
        limit("methodName", methodName, 200),
        limit("methodDescription", methodDescription, 10_000),
        limit("projectUrl", projectUrl, 2000),
        limit("publicationUrl", publicationUrl, 2000),
        limit("bibtex", bibtex, 20_000),
        limit("teamName", teamName, 200),
        limit("organization", organization, 200));
  }

  /** A request with nothing in it, to ask whether one would be accepted. */
  static SubmissionRequest empty() {
    return new SubmissionRequest(
        null, null, null, null, null, null, null, null, null, null, null, null);
  }

  private static String limit(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > max) {
      throw org.podium.platform.Problem.invalidField(
          field, "is longer than " + max + " characters: shorten it");
    }
    return value.strip();
  }
}
