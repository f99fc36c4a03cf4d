package org.podium.submission;

import java.math.BigDecimal;
import java.util.List;
import org.podium.competition.LeaderboardColumn;
import org.podium.competition.ScoringLayout;
import org.podium.scoring.Metric;

/**
 * Everything a worker needs to run one attempt of a submission, read when it was claimed; {@code
 * image} is null for a results upload; {@code privateLeaderboard} when the output is scored a
 * second time, against the private reference data.
 */
public record ClaimedRun(
    long submissionId,
    int attempt,
    SubmissionKind kind,
    ImageRun image,
    long phaseId,
    int timeLimitSeconds,
    int memoryMb,
    BigDecimal cpus,
    int gpus,
    Metric metric,
    String scoringImage,
    String scoringCommand,
    String predictionsFile,
    String truthFile,
    List<LeaderboardColumn> columns,
    ScoringLayout scoringLayout,
    boolean privateLeaderboard) {

  public String runId() {
    return "s" + submissionId + "-a" + attempt;
  }
}
