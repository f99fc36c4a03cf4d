package org.podium.submission;

import java.util.Locale;
import org.podium.storage.Staged;

/**
 * A submission's file, received and checked, waiting to be submitted: a results zip unpacked into a
 * folder, or a {@code docker save} archive. Closed before it is submitted, it is deleted.
 */
public record SubmissionUpload(Kind kind, Staged file)
    implements SubmissionRequest.Entry, AutoCloseable {

  @Override
  public SubmissionKind submissionKind() {
    return kind.submissionKind();
  }

  /** What a submission's file is. */
  public enum Kind {
    /** A zip of predictions, scored without running anything. */
    RESULTS("results", SubmissionKind.RESULTS),
    /** A {@code docker save} archive ({@code .tar}, {@code .tar.gz}), run like an image. */
    ARCHIVE("image.tar", SubmissionKind.DOCKER);

    private final String fileName;
    private final SubmissionKind submissionKind;

    Kind(String fileName, SubmissionKind submissionKind) {
      this.fileName = fileName;
      this.submissionKind = submissionKind;
    }

    /** Its name in the submission's folder. */
    String fileName() {
      return fileName;
    }

    SubmissionKind submissionKind() {
      return submissionKind;
    }

    /** What an uploaded file's name says it is: an archive by its extension, else results. */
    public static Kind ofFileName(String name) {
      String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
      return lower.endsWith(".tar") || lower.endsWith(".tar.gz") || lower.endsWith(".tgz")
          ? ARCHIVE
          : RESULTS;
    }
  }

  @Override
  public void close() {
    file.close();
  }
}
