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
import java.util.List;
import java.util.Map;
import org.podium.account.Account;
import org.podium.platform.problem.Problem;
import org.podium.scoring.Scoring;
import org.podium.storage.AttemptFiles;
import org.podium.storage.DataStore;
import org.podium.storage.Uploads;

/** What participants and organizers do to a submission after sending it: logs, cancel. */
@Stateless
public class SubmissionControl {

  @PersistenceContext EntityManager entityManager;

  @Inject Submissions submissions;

  @Inject SubmissionLifecycle lifecycle;

  @Inject DataStore dataStore;

  @Inject Uploads uploads;

  @Inject RunRequests runRequests;

  @Inject RunControl runControl;

  /**
   * The logs of the latest attempt; the scoring program's stdout and stderr only for those the
   * competition shows them to (null otherwise).
   */
  public record Logs(
      String stdout,
      String stderr,
      boolean truncated,
      String scoringStdout,
      String scoringStderr) {}

  public Logs logs(Account caller, long id) {
    Submission submission = submissions.visible(caller, id);
    if (!maySeeLogs(caller, submission)) {
      throw Problem.forbidden(
          "This competition does not show participants their logs: ask its organizers for them.");
    }
    return logs(attemptFolder(submission), maySeeScoringOutput(caller, submission));
  }

  private static Logs logs(AttemptFiles files, boolean scoringOutput) {
    // While the run goes on, what it wrote so far (LiveLogs); its logs once it ended.
    return new Logs(
        read(Files.exists(files.stdout()) ? files.stdout() : files.stdoutSoFar()),
        read(Files.exists(files.stderr()) ? files.stderr() : files.stderrSoFar()),
        Boolean.parseBoolean(read(files.logsTruncated())),
        scoringOutput ? read(Scoring.stdoutLog(files.scoringWork())) : null,
        scoringOutput ? read(Scoring.stderrLog(files.scoringWork())) : null);
  }

  /** The streams a log download may name. */
  private static final List<String> STREAMS =
      List.of(
          "stdout",
          "stderr",
          "scoring-stdout",
          "scoring-stderr",
          "private-scoring-stdout",
          "private-scoring-stderr",
          "private-scoring-failure");

  /**
   * One stream's stored log of the latest attempt, for a download; empty when none was kept. The
   * scoring program's streams follow their own setting, the run's the logs'.
   */
  public Path logFile(Account caller, long id, String stream) {
    if (!STREAMS.contains(stream)) {
      throw Problem.notFoundSaying(
          "There is no log named '"
              + stream
              + "': ask for one of "
              + String.join(", ", STREAMS)
              + ".");
    }
    Submission submission = submissions.visible(caller, id);
    AttemptFiles files = attemptFolder(submission);
    if (stream.startsWith("private-")) {
      // Scoring against the private reference data: the organizers' only, whatever the
      // competition shows participants of the public scoring.
      if (!submission.getPhase().getCompetition().isOrganizedBy(caller)) {
        throw Problem.forbidden("Only the organizers read the private scoring's output.");
      }
      Path work = files.privateScoringWork();
      return switch (stream) {
        case "private-scoring-stdout" -> Scoring.stdoutLog(work);
        case "private-scoring-stderr" -> Scoring.stderrLog(work);
        default -> work.resolve("scoring-failure.log");
      };
    }
    if (stream.startsWith("scoring-")) {
      if (!maySeeScoringOutput(caller, submission)) {
        throw Problem.forbidden(
            "This competition does not show participants the scoring program's output.");
      }
      return stream.equals("scoring-stdout")
          ? Scoring.stdoutLog(files.scoringWork())
          : Scoring.stderrLog(files.scoringWork());
    }
    if (!maySeeLogs(caller, submission)) {
      throw Problem.forbidden(
          "This competition does not show participants their logs: ask its organizers for them.");
    }
    return stream.equals("stdout") ? files.stdout() : files.stderr();
  }

  /**
   * Whether the caller may read the submission's logs: organizers always, participants if the
   * competition says so.
   */
  private static boolean maySeeLogs(Account caller, Submission submission) {
    return submission.getPhase().getCompetition().showsLogsTo(caller);
  }

  /** Whether the caller may read the scoring program's output: as the competition says. */
  private static boolean maySeeScoringOutput(Account caller, Submission submission) {
    return submission.getPhase().getCompetition().showsScoringOutputTo(caller);
  }

  /** What the submission's page shows; 404 when the caller may not see it. */
  public SubmissionPage page(Account caller, long id) {
    Submission submission = submissions.visible(caller, id);
    boolean logsVisible = maySeeLogs(caller, submission);
    boolean scoringVisible = maySeeScoringOutput(caller, submission);
    AttemptFiles files = attemptFolder(submission);
    Logs logs = logs(files, scoringVisible);
    SubmissionView view = SubmissionView.of(submission, caller);
    // Offered once the run has ended and left something this caller may download.
    boolean outputReady =
        !view.live()
            && !SubmissionOutput.of(
                    dataStore,
                    submission.getId(),
                    submission.getKind(),
                    submission.getAttempt(),
                    logsVisible,
                    scoringVisible)
                .isEmpty();
    return new SubmissionPage(
        view,
        submission.getMetadata() == null ? Map.of() : submission.getMetadata().labelled(),
        RunLimits.read(files).orElse(null),
        submission.getPhase().getCompetition().isOrganizedBy(caller),
        logsVisible,
        logsVisible ? SubmissionPage.tail(logs.stdout()) : "",
        logsVisible ? SubmissionPage.tail(logs.stderr()) : "",
        logsVisible && logs.truncated(),
        scoringVisible,
        scoringVisible ? SubmissionPage.tail(logs.scoringStdout()) : "",
        scoringVisible ? SubmissionPage.tail(logs.scoringStderr()) : "",
        outputReady);
  }

  /** The limits the latest attempt ran under, when it started a container. */
  public java.util.Optional<RunLimits> limits(Account caller, long id) {
    Submission submission = submissions.visible(caller, id);
    return RunLimits.read(attemptFolder(submission));
  }

  /** The latest attempt's files, as they are. */
  private AttemptFiles attemptFolder(Submission submission) {
    return dataStore.attempt(submission.getId(), submission.getAttempt());
  }

  public SubmissionView cancel(Account caller, long id) {
    Submission submission = submissions.visible(caller, id);
    if (!lifecycle.cancel(id)) {
      throw Problem.conflict(
          "Submission "
              + id
              + " has ended already ("
              + SubmissionText.status(SubmissionView.of(submission))
              + "): there is nothing left to cancel.");
    }
    entityManager.refresh(submission);
    // Whichever node runs it stops its containers (run and scoring) when this commits; the run
    // then ends as CANCELLED and nothing is scored. A worker that claimed it but has not started
    // its container yet finds the stop waiting.
    if (submission.getAttempt() > 0) {
      runControl.stop(id, submission.getAttempt());
    }
    return SubmissionView.of(submission);
  }

  /**
   * Organizers run a submission again as a new submission of the same participant, with the same
   * image, command, environment, metadata and uploads; the original keeps its result.
   */
  public SubmissionView rerun(Account caller, long id) {
    Submission original = submissions.visible(caller, id);
    if (!original.getPhase().getCompetition().isOrganizedBy(caller)) {
      throw Problem.forbidden("Only the competition's organizers may run a submission again.");
    }
    Submission again = original.copy();
    entityManager.persist(again);
    entityManager.flush();
    uploads.deleteOnRollback(dataStore.submission(again.getId()));
    for (DataStore.Upload kind : DataStore.Upload.values()) {
      Path from = dataStore.upload(id, kind);
      Path to = dataStore.upload(again.getId(), kind);
      try {
        org.podium.files.Folders.delete(to);
        if (Files.isDirectory(from)) {
          org.podium.files.Folders.copy(from, to);
        } else if (Files.isRegularFile(from)) {
          Files.createDirectories(to.getParent());
          link(from, to);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    runRequests.send(again.getId());
    return SubmissionView.of(again);
  }

  /**
   * An archive is never changed once uploaded: a second name for it (a hard link) costs nothing,
   * where a copy of gigabytes would hold the organizer's request; a copy where links fail.
   */
  private static void link(Path from, Path to) throws IOException {
    try {
      Files.createLink(to, from);
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(from, to);
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
