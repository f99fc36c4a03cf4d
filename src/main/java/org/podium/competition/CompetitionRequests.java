package org.podium.competition;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What organizers send to create and change competitions and phases (JSON bodies). */
public final class CompetitionRequests {

  private CompetitionRequests() {}

  public record CompetitionRequest(
      String title,
      String description,
      Boolean published,
      Boolean enableDockerSubmission,
      Participation participation,
      Boolean participantsSeeLogs,
      List<String> organizers) {}

  public record ScoringRequest(String metric, String image, String command, String layout) {}

  public record ColumnRequest(
      String key, String label, String sort, Integer decimals, Boolean primary) {}

  public record PhaseRequest(
      String name,
      Instant opensAt,
      Instant closesAt,
      Integer executionTimeLimitSeconds,
      Integer maxSubmissions,
      Integer maxSubmissionsPerDay,
      Integer memoryMb,
      BigDecimal cpus,
      Integer gpus,
      ScoringRequest scoring,
      List<ColumnRequest> columns,
      String predictionsFile,
      String truthFile) {}

  public record ParticipantDecision(ParticipantStatus status) {}
}
