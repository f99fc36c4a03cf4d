package org.podium.submission;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.podium.account.Account;
import org.podium.compute.Sandbox;
import org.podium.platform.Problem;
import org.podium.storage.DataStore;

/** What participants and organizers do to a submission after sending it: logs, cancel. */
@Stateless
public class SubmissionControl {

  @PersistenceContext EntityManager entityManager;

  @Inject Submissions submissions;

  @Inject SubmissionLifecycle lifecycle;

  @Inject Sandbox sandbox;

  @Inject DataStore dataStore;

  /** The logs of the latest attempt. */
  public record Logs(String stdout, String stderr, boolean truncated) {}

  public Logs logs(Account caller, long id) {
    Submission submission = submissions.visible(caller, id);
    boolean organizer = submission.getPhase().getCompetition().isOrganizedBy(caller);
    if (!organizer && !submission.getPhase().getCompetition().isParticipantsSeeLogs()) {
      throw Problem.forbidden("this competition does not show participants their logs");
    }
    Path work = dataStore.submission(id).resolve("attempt-" + submission.getAttempt());
    return new Logs(
        read(work.resolve("stdout.log")),
        read(work.resolve("stderr.log")),
        Boolean.parseBoolean(read(work.resolve("logs-truncated"))));
  }

  public Submission cancel(Account caller, long id) {
    Submission submission = submissions.visible(caller, id);
    if (!lifecycle.cancel(id)) {
      throw Problem.conflict(
          "submission " + id + " has ended already (" + submission.getStatus() + ")");
    }
    entityManager.refresh(submission);
    // The container, if one runs here, goes now; the run then ends as CANCELLED. A worker that
    // claimed the submission but has not started its container yet finds the cancel waiting.
    sandbox.cancel("s" + id + "-a" + submission.getAttempt());
    return submission;
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
