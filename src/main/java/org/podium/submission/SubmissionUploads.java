package org.podium.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import org.podium.account.Account;
import org.podium.compute.ImageArchives;
import org.podium.compute.InvalidImageException;
import org.podium.platform.PodiumConfig;
import org.podium.platform.Problem;
import org.podium.storage.Staged;
import org.podium.storage.Uploads;

/**
 * Submissions that come with a file of any size. The participant's right to submit is checked
 * before a byte is read; the file is written (an archive, then checked) or unpacked (a results zip)
 * while it streams, outside any transaction, since a gigabyte may take longer to arrive than a
 * transaction may last; only then is the submission created, in one short transaction. A refused or
 * broken upload leaves no file and no row.
 */
@ApplicationScoped
public class SubmissionUploads {

  @Inject Submissions submissions;

  @Inject Uploads uploads;

  @Inject ImageArchives imageArchives;

  @Inject PodiumConfig config;

  /**
   * Receives a submission's file.
   *
   * @param soFar the fields sent before the file, for the early check
   */
  public SubmissionUpload receive(
      Account caller,
      long competitionId,
      SubmissionRequest soFar,
      SubmissionUpload.Kind kind,
      InputStream content) {
    submissions.checkUpload(caller, competitionId, soFar, kind);
    if (kind == SubmissionUpload.Kind.RESULTS) {
      return new SubmissionUpload(kind, uploads.unpackZip(content, config.zipLimit()));
    }
    Staged archive;
    try {
      // checked as it is written: one pass over gigabytes
      archive = uploads.receive(content, config.archiveLimit(), imageArchives::check);
    } catch (InvalidImageException e) {
      throw Problem.invalidField("file", e.getMessage());
    }
    return new SubmissionUpload(kind, archive);
  }

  /** Submits a received file; refused, the file is deleted. */
  public SubmissionView submit(
      Account caller, long competitionId, SubmissionRequest request, SubmissionUpload upload) {
    try (upload) {
      return submissions.submitUpload(caller, competitionId, request, upload);
    }
  }

  /** Receives and submits a file that comes with all its fields (a page's form). */
  public SubmissionView submit(
      Account caller,
      long competitionId,
      SubmissionRequest request,
      SubmissionUpload.Kind kind,
      InputStream content) {
    return submit(
        caller, competitionId, request, receive(caller, competitionId, request, kind, content));
  }
}
