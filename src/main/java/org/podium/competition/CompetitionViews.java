package org.podium.competition;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the API answers about competitions and phases (JSON bodies). */
public final class CompetitionViews {

  private CompetitionViews() {}

  public record CompetitionView(
      long id,
      String title,
      String description,
      boolean published,
      boolean enableDockerSubmission,
      Participation participation,
      boolean participantsSeeLogs,
      List<String> organizers,
      List<PhaseView> phases) {

    public static CompetitionView of(Competition c) {
      return new CompetitionView(
          c.getId(),
          c.getTitle(),
          c.getDescription(),
          c.isPublished(),
          c.isDockerSubmission(),
          c.getParticipation(),
          c.isParticipantsSeeLogs(),
          c.getOrganizers().stream().map(a -> a.getUsername()).sorted().toList(),
          c.getPhases().stream().map(PhaseView::of).toList());
    }
  }

  public record ColumnView(String key, String label, String sort, int decimals, boolean primary) {
    public static ColumnView of(LeaderboardColumn c) {
      return new ColumnView(
          c.getKey(),
          c.getLabel(),
          c.isAscending() ? "asc" : "desc",
          c.getDecimals(),
          c.isPrimary());
    }
  }

  public record PhaseView(
      long id,
      int position,
      String name,
      Instant opensAt,
      Instant closesAt,
      int executionTimeLimitSeconds,
      Integer maxSubmissions,
      Integer maxSubmissionsPerDay,
      int memoryMb,
      BigDecimal cpus,
      int gpus,
      String metric,
      String scoringImage,
      String scoringCommand,
      String scoringLayout,
      Long inputDataBytes,
      Long referenceDataBytes,
      String predictionsFile,
      String truthFile,
      List<ColumnView> columns) {

    public static PhaseView of(Phase p) {
      return new PhaseView(
          p.getId(),
          p.getPosition(),
          p.getName(),
          p.getOpensAt(),
          p.getClosesAt(),
          p.getExecutionTimeLimitSeconds(),
          p.getMaxSubmissions(),
          p.getMaxSubmissionsPerDay(),
          p.getMemoryMb(),
          p.getCpus(),
          p.getGpus(),
          p.getScoringMetric() == null ? null : p.getScoringMetric().key(),
          p.getScoringImage(),
          p.getScoringCommand(),
          p.getScoringLayout().apiName(),
          p.getInputDataBytes(),
          p.getReferenceDataBytes(),
          p.getPredictionsFile(),
          p.getTruthFile(),
          p.getColumns().stream().map(ColumnView::of).toList());
    }
  }

  public record ParticipantView(String username, ParticipantStatus status, Instant joinedAt) {
    public static ParticipantView of(Participant p) {
      return new ParticipantView(p.getAccount().getUsername(), p.getStatus(), p.getJoinedAt());
    }
  }
}
