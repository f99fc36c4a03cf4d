package org.podium.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.Map;
import org.podium.account.Account;
import org.podium.compute.ImageArchives;
import org.podium.compute.InvalidImageException;
import org.podium.platform.PodiumConfig;
import org.podium.platform.problem.Problem;
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
   * Receives a submission's file, once the fields sent before it pass: no image beside a file, and
   * the participant may submit this kind of entry now.
   *
   * @param fieldsSoFar the fields sent before the file, by {@link SubmissionIntake}'s names
   */
  public SubmissionUpload receive(
      Account caller,
      long competitionId,
      Map<String, String> fieldsSoFar,
      SubmissionUpload.Kind kind,
      InputStream content) {
    SubmissionIntake.refuseImageWithFile(fieldsSoFar.get(SubmissionIntake.IMAGE));
    submissions.checkAdmission(
        caller,
        competitionId,
        SubmissionIntake.phaseId(fieldsSoFar.get(SubmissionIntake.PHASE)),
        kind.submissionKind());
    if (kind == SubmissionUpload.Kind.RESULTS) {
      return new SubmissionUpload(kind, uploads.unpackZip(content, config.zipLimit()));
    }
    Staged archive;
    try {
      // checked as it is written: one pass over gigabytes
      archive = uploads.receive(content, config.archiveLimit(), imageArchives::check);
    } catch (InvalidImageException e) {
      throw Problem.invalidField(SubmissionIntake.FILE, e.getMessage());
    }
    return new SubmissionUpload(kind, archive);
  }

  /**
   * Receives a file that comes with all its fields and submits it; whatever is refused, the file is
   * deleted.
   */
  public SubmissionView submit(
      Account caller,
      long competitionId,
      Map<String, String> fields,
      SubmissionUpload.Kind kind,
      InputStream content) {
    try (SubmissionUpload upload = receive(caller, competitionId, fields, kind, content)) {
      return submit(caller, competitionId, fields, upload);
    }
  }

  /** Submits a received file with its fields; refused, the file is deleted. */
  public SubmissionView submit(
      Account caller, long competitionId, Map<String, String> fields, SubmissionUpload upload) {
    try (upload) {
      return submissions.submit(caller, competitionId, SubmissionIntake.of(fields, upload));
    }
  }
}
