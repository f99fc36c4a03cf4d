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
        limit(description, 10_000),
        limit(methodName, 200),
        limit(methodDescription, 10_000),
        limit(projectUrl, 2000),
        limit(publicationUrl, 2000),
        limit(bibtex, 20_000),
        limit(teamName, 200),
        limit(organization, 200));
  }

  private static String limit(String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > max) {
      throw org.podium.platform.Problem.badRequest(
          "a metadata field is longer than " + max + " characters");
    }
    return value.strip();
  }
}
