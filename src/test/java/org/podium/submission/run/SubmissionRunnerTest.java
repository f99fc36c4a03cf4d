package org.podium.submission.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.compute.CapturedLog;
import org.podium.compute.OutputReport;
import org.podium.compute.RunOutcome;
import org.podium.compute.RunResult;
import org.podium.compute.RunSpec;
import org.podium.compute.SandboxRuns;
import org.podium.platform.PodiumConfig;
import org.podium.scoring.Metric;
import org.podium.scoring.Scores;
import org.podium.scoring.ScoringException;
import org.podium.scoring.ScoringPlan;
import org.podium.storage.DataStore;
import org.podium.submission.ClaimedRun;
import org.podium.submission.DockerRunLine;
import org.podium.submission.ImageRun;
import org.podium.submission.RetryPolicy;
import org.podium.submission.SubmissionKind;
import org.podium.submission.SubmissionLifecycle;

/**
 * The runner's rules without a server or an engine: where each way a claimed attempt can end goes
 * (scored and finished; the participant's failure, charged; the platform's, retried; cancelled,
 * untouched), that nothing is scored once the attempt is no longer this node's, and that an
 * exception of Podium's own becomes a platform failure. The sandbox, scoring and lifecycle are
 * scripted; the lifecycle's own fencing is tested against PostgreSQL (RunPropertiesIT).
 */
class SubmissionRunnerTest {

  @TempDir Path data;

  private final List<String> calls = new ArrayList<>();
  private Function<RunSpec, RunResult> container;
  private boolean stillOurs = true;
  private Scores scored = Scores.of("mae", 0.5);
  private ScoringException refused;
  private ScoringException refusedPrivately;
  private SubmissionRunner runner;

  @BeforeEach
  void runner() {
    runner = new SubmissionRunner();
    runner.config = new PodiumConfig();
    runner.sandbox =
        new SandboxRuns() {
          @Override
          public RunResult run(RunSpec spec) {
            calls.add("run " + spec.runId());
            return container.apply(spec);
          }

          @Override
          public void forget(String runId) {
            calls.add("forget " + runId);
          }
        };
    runner.dataStore =
        new DataStore() {
          @Override
          public Path root() {
            return data;
          }
        };
    runner.scoring =
        new org.podium.scoring.Scoring() {
          @Override
          public Scores score(ScoringPlan plan, Path output, Path work, String runId) {
            boolean secret = plan.referenceDir().endsWith("private-reference");
            calls.add("score " + runId + (secret ? " private" : ""));
            if (secret) {
              if (refusedPrivately != null) {
                throw refusedPrivately;
              }
              return Scores.of("mae", 0.25);
            }
            if (refused != null) {
              throw refused;
            }
            return scored;
          }
        };
    runner.lifecycle =
        new SubmissionLifecycle() {
          @Override
          public boolean scoring(
              long id, int attempt, String imageDigest, Integer exitCode, Long wallMs) {
            calls.add("scoring " + id + "/" + attempt + " exit " + exitCode);
            return stillOurs;
          }

          @Override
          public boolean finish(long id, int attempt, Scores scores, Scores privateScores) {
            calls.add(
                "finish "
                    + id
                    + "/"
                    + attempt
                    + " "
                    + scores.values()
                    + (privateScores == null ? "" : " private " + privateScores.values()));
            return true;
          }

          @Override
          public boolean fail(
              long id,
              int attempt,
              RunOutcome outcome,
              String detail,
              String imageDigest,
              Integer exitCode,
              Long wallMs) {
            calls.add("fail " + id + "/" + attempt + " " + outcome + ": " + detail);
            return true;
          }

          @Override
          public boolean platformFailure(long id, int attempt, String detail, RetryPolicy policy) {
            calls.add("platform " + id + "/" + attempt + ": " + detail);
            return true;
          }
        };
  }

  private static ClaimedRun claimed() {
    return claimed(false);
  }

  private static ClaimedRun claimed(boolean privateLeaderboard) {
    return new ClaimedRun(
        7,
        2,
        SubmissionKind.DOCKER,
        ImageRun.of(
            DockerRunLine.parse(
                "docker run -e MODE=fast -w /work --entrypoint /bin/tool"
                    + " registry.example/team/model:1 --epochs 3")),
        3,
        60,
        128,
        BigDecimal.ONE,
        0,
        Metric.MAE,
        null,
        null,
        "predictions.csv",
        "truth.csv",
        List.of(),
        org.podium.competition.ScoringLayout.CODALAB,
        privateLeaderboard);
  }

  private static RunResult ended(RunOutcome outcome, Integer exit, String message) {
    return new RunResult(
        outcome,
        Optional.ofNullable(exit),
        Duration.ofMillis(1200),
        CapturedLog.EMPTY,
        CapturedLog.EMPTY,
        Optional.of("sha256:abc"),
        OutputReport.NONE,
        message);
  }

  @Test
  void aSucceededRunIsScoredThenFinishedAndItsRunIdsForgotten() {
    container = spec -> ended(RunOutcome.SUCCEEDED, 0, "exited 0");
    runner.run(claimed());
    assertEquals(
        List.of(
            "run s7-a2",
            "scoring 7/2 exit 0",
            "score s7-a2-scoring",
            "finish 7/2 {mae=0.5}",
            "forget s7-a2",
            "forget s7-a2-scoring"),
        calls);
  }

  @Test
  void aPhaseWithAPrivateLeaderboardScoresTheOutputTwiceAndFinishesWithBoth() throws Exception {
    java.nio.file.Files.createDirectories(runner.dataStore.phasePrivateReference(3));
    container = spec -> ended(RunOutcome.SUCCEEDED, 0, "exited 0");
    runner.run(claimed(true));
    assertEquals(
        List.of(
            "run s7-a2",
            "scoring 7/2 exit 0",
            "score s7-a2-scoring",
            "score s7-a2-scoring private",
            "finish 7/2 {mae=0.5} private {mae=0.25}",
            "forget s7-a2",
            "forget s7-a2-scoring"),
        calls);
  }

  @Test
  void withoutPrivateReferenceDataOnlyThePublicScoringRuns() {
    container = spec -> ended(RunOutcome.SUCCEEDED, 0, "exited 0");
    runner.run(claimed(true));
    assertTrue(calls.contains("finish 7/2 {mae=0.5}"), calls.toString());
  }

  @Test
  void aFailedPrivateScoringFailsTheSubmissionWithoutSayingWhy() throws Exception {
    java.nio.file.Files.createDirectories(runner.dataStore.phasePrivateReference(3));
    container = spec -> ended(RunOutcome.SUCCEEDED, 0, "exited 0");
    refusedPrivately = new ScoringException("row 'secret-id-17' of truth.csv is missing");
    runner.run(claimed(true));
    assertTrue(
        calls.contains(
            "fail 7/2 SUCCEEDED: Scoring failed: the organizers see why on the submission's page."),
        calls.toString());
    assertTrue(calls.stream().noneMatch(call -> call.contains("secret-id-17")), calls.toString());
    assertTrue(calls.stream().noneMatch(call -> call.startsWith("finish")), calls.toString());
    assertEquals(
        "row 'secret-id-17' of truth.csv is missing",
        java.nio.file.Files.readString(
            runner.dataStore.attempt(7, 2).privateScoringWork().resolve("scoring-failure.log")));
  }

  @Test
  void theContainerRunsWhatThePastedLineSaid() {
    List<RunSpec> specs = new ArrayList<>();
    container =
        spec -> {
          specs.add(spec);
          return ended(RunOutcome.SUCCEEDED, 0, "exited 0");
        };
    runner.run(claimed());
    RunSpec spec = specs.get(0);
    assertEquals(
        "registry.example/team/model:1",
        ((org.podium.compute.ImageSource.Registry) spec.image()).reference().toString());
    assertEquals(Optional.of(List.of("/bin/tool")), spec.entrypoint());
    assertEquals(Optional.of(List.of("--epochs", "3")), spec.command());
    assertEquals(Optional.of("/work"), spec.workingDir());
    assertEquals(java.util.Map.of("MODE", "fast"), spec.env());
  }

  @Test
  void theParticipantsFailuresEndTheSubmissionAtOnceAndAreNotRetried() {
    for (RunOutcome outcome :
        List.of(
            RunOutcome.FAILED,
            RunOutcome.TIMED_OUT,
            RunOutcome.OUT_OF_MEMORY,
            RunOutcome.OUTPUT_LIMIT,
            RunOutcome.IMAGE_UNAVAILABLE)) {
      calls.clear();
      container = spec -> ended(outcome, 1, "their reason");
      runner.run(claimed());
      assertEquals(
          List.of(
              "run s7-a2",
              "fail 7/2 " + outcome + ": their reason",
              "forget s7-a2",
              "forget s7-a2-scoring"),
          calls,
          outcome.name());
    }
  }

  @Test
  void aPlatformFailureOfTheRunGoesToTheRetryPolicy() {
    container = spec -> ended(RunOutcome.INFRA_ERROR, null, "cannot pull: registry down");
    runner.run(claimed());
    assertEquals(
        List.of(
            "run s7-a2",
            "platform 7/2: cannot pull: registry down",
            "forget s7-a2",
            "forget s7-a2-scoring"),
        calls);
  }

  @Test
  void aCancelledRunIsLeftAsTheCancelRecordedIt() {
    container = spec -> ended(RunOutcome.CANCELLED, null, "cancelled");
    runner.run(claimed());
    assertEquals(List.of("run s7-a2", "forget s7-a2", "forget s7-a2-scoring"), calls);
  }

  @Test
  void nothingIsScoredOnceTheAttemptIsNoLongerThisNodes() {
    container = spec -> ended(RunOutcome.SUCCEEDED, 0, "exited 0");
    stillOurs = false;
    runner.run(claimed());
    assertEquals(
        List.of("run s7-a2", "scoring 7/2 exit 0", "forget s7-a2", "forget s7-a2-scoring"), calls);
  }

  @Test
  void outputTheScoringRejectsIsTheParticipantsFailure() {
    container = spec -> ended(RunOutcome.SUCCEEDED, 0, "exited 0");
    refused = new ScoringException("The file predictions.csv has 1 row, and the reference 2.");
    runner.run(claimed());
    assertTrue(
        calls.contains(
            "fail 7/2 SUCCEEDED: Scoring failed. The file predictions.csv has 1 row, and the"
                + " reference 2."),
        calls.toString());
    assertTrue(calls.stream().noneMatch(call -> call.startsWith("finish")), calls.toString());
  }

  @Test
  void anExceptionInPodiumItselfIsAPlatformFailureAndTheRunIdsAreStillForgotten() {
    container =
        spec -> {
          throw new IllegalStateException("database refused the update");
        };
    runner.run(claimed());
    assertEquals(
        List.of(
            "run s7-a2",
            "platform 7/2: Podium failed while running it: database refused the update",
            "forget s7-a2",
            "forget s7-a2-scoring"),
        calls);
  }
}
