package org.podium.submission.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.podium.competition.LeaderboardColumn;
import org.podium.compute.HostPaths;
import org.podium.compute.ImageArchives;
import org.podium.compute.ImageReference;
import org.podium.compute.ImageSource;
import org.podium.compute.InvalidImageException;
import org.podium.compute.RegistryCredentials;
import org.podium.compute.RunOutcome;
import org.podium.compute.RunResult;
import org.podium.compute.RunSpec;
import org.podium.compute.SandboxLimits;
import org.podium.compute.SandboxRuns;
import org.podium.files.Folders;
import org.podium.platform.PodiumConfig;
import org.podium.platform.Secrets;
import org.podium.scoring.Scores;
import org.podium.scoring.Scoring;
import org.podium.scoring.ScoringException;
import org.podium.scoring.ScoringPlan;
import org.podium.storage.AttemptFiles;
import org.podium.storage.DataStore;
import org.podium.submission.ClaimedRun;
import org.podium.submission.RetryPolicy;
import org.podium.submission.RunLimits;
import org.podium.submission.SubmissionKind;
import org.podium.submission.SubmissionLifecycle;

/**
 * One attempt of one submission, on a compute executor thread: claim it, run the participant's
 * container in the sandbox, score the output, record the result. Platform failures are retried with
 * back-off up to the configured number of attempts; the participant's own failures are not.
 */
@ApplicationScoped
public class SubmissionRunner {

  private static final Logger LOG = Logger.getLogger(SubmissionRunner.class.getName());
  @Inject SubmissionLifecycle lifecycle;

  @Inject SandboxRuns sandbox;

  @Inject ImageArchives imageArchives;

  @Inject Scoring scoring;

  @Inject DataStore dataStore;

  @Inject PodiumConfig config;

  @Inject Secrets secrets;

  /** Platform failures: back-off from the first delay, doubling up to a minute. */
  public RetryPolicy retryPolicy() {
    return new RetryPolicy(
        config.firstRetryDelay(),
        Duration.ofSeconds(Math.max(60, config.firstRetryDelay().toSeconds())),
        config.maxAttempts(),
        config.retryWindow());
  }

  /**
   * Runs a claimed attempt to its end. Whatever happens, the attempt ends in a recorded state: a
   * failure of Podium's own is a platform failure; one it could not even record leaves the attempt
   * to its lease, which then expires.
   */
  public void run(ClaimedRun run) {
    try {
      attempt(run);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Attempt " + run.runId() + " failed in Podium itself", e);
      // Participants read this: the exception's detail stays in the log, its paths do not leave it.
      platformFailure(run, "Podium failed while running it: " + HostPaths.scrub(e.getMessage()));
    } finally {
      sandbox.forget(run.runId());
      sandbox.forget(scoringRunId(run));
    }
  }

  static String scoringRunId(ClaimedRun run) {
    return run.runId() + "-scoring";
  }

  private void attempt(ClaimedRun run) {
    AttemptFiles work = dataStore.freshAttempt(run.submissionId(), run.attempt());
    Path output;
    if (run.kind() == SubmissionKind.DOCKER) {
      RunResult result;
      try {
        result = sandbox.run(spec(run, work));
      } catch (InvalidImageException refused) {
        // An archive accepted at upload and refused now (stricter checks since): the
        // participant's, and of no further use; nothing of it stays on disk.
        if (lifecycle.fail(
            run.submissionId(),
            run.attempt(),
            RunOutcome.IMAGE_UNAVAILABLE,
            "The archive was refused. " + refused.getMessage(),
            null,
            null,
            null)) {
          Folders.delete(dataStore.upload(run.submissionId(), DataStore.Upload.ARCHIVE));
        }
        return;
      } finally {
        if (run.image().isUploadedArchive()) {
          imageArchives.unload("s" + run.submissionId());
        }
      }
      writeLogs(work, result);
      switch (result.outcome()) {
        case SUCCEEDED -> {
          output = work.output();
          if (!lifecycle.scoring(
              run.submissionId(),
              run.attempt(),
              result.imageDigest().orElse(null),
              result.exitCode().orElse(null),
              result.wallTime().toMillis())) {
            return; // cancelled, or the attempt is no longer this node's: nothing is scored
          }
        }
        case INFRA_ERROR -> {
          platformFailure(run, result.message());
          return;
        }
        case CANCELLED -> {
          return; // the cancel (or the loss of the lease) recorded the status already
        }
        default -> {
          lifecycle.fail(
              run.submissionId(),
              run.attempt(),
              result.outcome(),
              result.message(),
              result.imageDigest().orElse(null),
              result.exitCode().orElse(null),
              result.wallTime().toMillis());
          return;
        }
      }
    } else {
      output = dataStore.upload(run.submissionId(), DataStore.Upload.RESULTS);
      if (!lifecycle.scoring(run.submissionId(), run.attempt(), null, null, null)) {
        return;
      }
    }
    score(run, output, work);
  }

  private void score(ClaimedRun run, Path output, AttemptFiles work) {
    String primary =
        run.columns().stream()
            .filter(LeaderboardColumn::isPrimary)
            .findFirst()
            .map(LeaderboardColumn::getKey)
            .orElse(run.metric() == null ? "score" : run.metric().key());
    Scores scores;
    try {
      scores =
          scoring.score(
              plan(run, primary, dataStore.phaseReference(run.phaseId())),
              output,
              work.scoringWork(),
              scoringRunId(run));
    } catch (ScoringException e) {
      lifecycle.fail(
          run.submissionId(),
          run.attempt(),
          RunOutcome.SUCCEEDED,
          "Scoring failed. " + e.getMessage(),
          null,
          null,
          null);
      return;
    }
    Scores privateScores = null;
    if (run.privateLeaderboard()
        && Files.isDirectory(dataStore.phasePrivateReference(run.phaseId()))) {
      privateScores = privateScores(run, primary, output, work);
      if (privateScores == null) {
        return;
      }
    }
    lifecycle.finish(run.submissionId(), run.attempt(), scores, privateScores);
  }

  /**
   * Scores the same output against the private reference data, in its own folder (same run id, so a
   * cancel stops it as it stops the public scoring). A failure fails the submission with a detail
   * that says nothing of the private data (participants read it); why it failed is kept with the
   * private scoring logs, which only organizers read.
   *
   * @return the private scores, or null when it failed (and the failure is recorded)
   */
  private Scores privateScores(ClaimedRun run, String primary, Path output, AttemptFiles work) {
    Path privateWork = work.privateScoringWork();
    try {
      Files.createDirectories(privateWork);
      return scoring.score(
          plan(run, primary, dataStore.phasePrivateReference(run.phaseId())),
          output,
          privateWork,
          scoringRunId(run));
    } catch (ScoringException | IOException e) {
      // (A scoring container that could not start is the platform's: retried, as for public.)
      LOG.log(Level.INFO, "Private scoring of " + run.runId() + " failed", e);
      keepPrivateFailure(privateWork, e.getMessage());
      lifecycle.fail(
          run.submissionId(),
          run.attempt(),
          RunOutcome.SUCCEEDED,
          "Scoring failed: the organizers see why on the submission's page.",
          null,
          null,
          null);
      return null;
    }
  }

  private static void keepPrivateFailure(Path privateWork, String message) {
    try {
      Files.createDirectories(privateWork);
      Files.writeString(
          privateWork.resolve("scoring-failure.log"),
          String.valueOf(message),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not keep why private scoring failed", e);
    }
  }

  private ScoringPlan plan(ClaimedRun run, String primary, Path reference) {
    return new ScoringPlan(
        Optional.ofNullable(run.metric()),
        Optional.ofNullable(run.scoringImage()),
        Optional.ofNullable(run.scoringCommand()),
        run.predictionsFile(),
        reference,
        run.truthFile(),
        primary,
        run.scoringLayout().mounts());
  }

  private void platformFailure(ClaimedRun run, String message) {
    lifecycle.platformFailure(run.submissionId(), run.attempt(), message, retryPolicy());
  }

  private RunSpec spec(ClaimedRun run, AttemptFiles work) {
    Path input = dataStore.phaseInput(run.phaseId());
    try {
      Files.createDirectories(input);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SandboxLimits limits =
        SandboxLimits.DEFAULT
            .withWallTime(Duration.ofSeconds(run.timeLimitSeconds()))
            .withMemoryBytes(run.memoryMb() * 1024L * 1024L)
            .withCpus(run.cpus().doubleValue())
            .withGpus(run.gpus());
    RunLimits.of(limits).write(work);
    return run.image().applyTo(RunSpec.of(run.runId(), image(run), input, work.output(), limits));
  }

  /**
   * A registry reference is pulled, with the participant's own credentials when they gave some; an
   * uploaded archive is loaded now, under a Podium name.
   */
  private ImageSource image(ClaimedRun run) {
    if (!run.image().isUploadedArchive()) {
      ImageReference reference = ImageReference.parse(run.image().getImage());
      Optional<RegistryCredentials> login =
          run.image()
              .sealedLogin()
              .map(kept -> secrets.open(kept))
              .map(
                  opened ->
                      new RegistryCredentials(
                          reference.registryHost(),
                          opened.substring(0, opened.indexOf(':')),
                          opened.substring(opened.indexOf(':') + 1)));
      return ImageSource.Registry.participant(reference, login);
    }
    return imageArchives.load(
        dataStore.upload(run.submissionId(), DataStore.Upload.ARCHIVE), "s" + run.submissionId());
  }

  private static void writeLogs(AttemptFiles work, RunResult result) {
    try {
      Files.writeString(work.stdout(), result.stdout().text(), StandardCharsets.UTF_8);
      Files.writeString(work.stderr(), result.stderr().text(), StandardCharsets.UTF_8);
      Files.writeString(
          work.logsTruncated(),
          Boolean.toString(result.stdout().truncated() || result.stderr().truncated()));
      // What LiveLogs showed while it ran: the logs above replace it.
      Files.deleteIfExists(work.stdoutSoFar());
      Files.deleteIfExists(work.stderrSoFar());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
