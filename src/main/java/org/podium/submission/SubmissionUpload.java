package org.podium.submission;

import java.util.Locale;
import org.podium.storage.DataStore;
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
    RESULTS(DataStore.Upload.RESULTS, SubmissionKind.RESULTS),
    /** A {@code docker save} archive ({@code .tar}, {@code .tar.gz}), run like an image. */
    ARCHIVE(DataStore.Upload.ARCHIVE, SubmissionKind.DOCKER);

    private final DataStore.Upload kept;
    private final SubmissionKind submissionKind;

    Kind(DataStore.Upload kept, SubmissionKind submissionKind) {
      this.kept = kept;
      this.submissionKind = submissionKind;
    }

    /** How the data store keeps it. */
    DataStore.Upload kept() {
      return kept;
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
