package org.podium.submission;

import java.util.Objects;
import java.util.Optional;
import org.podium.compute.RegistryCredentials;

/**
 * A submission as {@link Submissions#submit} takes it, whichever boundary it came through: the
 * phase (null: the open one), what the participant tells about it, and what it is. Built by {@link
 * SubmissionIntake}, so every boundary applies the same field rules.
 */
public record SubmissionRequest(Long phaseId, SubmissionMetadata metadata, Entry entry) {

  public SubmissionRequest {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(entry, "entry");
  }

  /** What is submitted: an image to run, or a received file. Later: a code bundle. */
  public sealed interface Entry permits ImageLine, SubmissionUpload {

    SubmissionKind submissionKind();
  }

  /**
   * An image reference or a pasted {@code docker run} line, read and checked, and the participant's
   * own credentials for its registry when the image is private.
   */
  public record ImageLine(DockerRunLine.Parsed line, Optional<RegistryCredentials> login)
      implements Entry {

    public ImageLine {
      Objects.requireNonNull(line, "line");
      Objects.requireNonNull(login, "login");
    }

    /** The login, masked: a request may be logged. */
    @Override
    public String toString() {
      return "ImageLine[" + line + ", " + login.map(RegistryCredentials::toString).orElse("") + "]";
    }

    @Override
    public SubmissionKind submissionKind() {
      return SubmissionKind.DOCKER;
    }
  }
}
