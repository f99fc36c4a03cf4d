package org.podium.competition;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.podium.account.Account;

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
      boolean participantsSeeScoringOutput,
      boolean scoringProgramsPublic,
      List<String> organizers,
      List<PhaseView> phases,
      String terms,
      CompetitionState state,
      String summary,
      Instant opensAt,
      Instant closesAt,
      long participants) {

    /**
     * The competition as {@code reader} may see it (null: anonymous): the phases' scoring images
     * and commands only for its organizers, unless they made the programs public. Its state is
     * taken now; {@code participants} counts the approved ones.
     */
    public static CompetitionView of(Competition c, Account reader, long participants) {
      boolean programs = c.showsScoringProgramsTo(reader);
      List<Phase> phases = c.getPhases();
      return new CompetitionView(
          c.getId(),
          c.getTitle(),
          c.getDescription(),
          c.isPublished(),
          c.isDockerSubmission(),
          c.getParticipation(),
          c.isParticipantsSeeLogs(),
          c.isParticipantsSeeScoringOutput(),
          c.isScoringProgramsPublic(),
          c.getOrganizers().stream().map(a -> a.getUsername()).sorted().toList(),
          phases.stream().map(p -> PhaseView.of(p, programs)).toList(),
          c.getTerms(),
          c.stateAt(Instant.now()),
          Summary.of(c.getDescription()),
          phases.stream().map(Phase::getOpensAt).min(Instant::compareTo).orElse(null),
          phases.isEmpty() || phases.stream().anyMatch(p -> p.getClosesAt() == null)
              ? null
              : phases.stream().map(Phase::getClosesAt).max(Instant::compareTo).orElse(null),
          participants);
    }

    /** The organizers' usernames for a sentence: "alice, bob". */
    public String organizedBy() {
      return String.join(", ", organizers);
    }

    /** Whether joining asks to accept terms. */
    public boolean hasTerms() {
      return terms != null && !terms.isBlank();
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
      List<ColumnView> columns,
      boolean privateLeaderboard,
      int finalSubmissions,
      Instant privateRevealedAt,
      Long privateReferenceDataBytes) {

    /**
     * @param program whether the reader may see the scoring image and command (null otherwise)
     */
    public static PhaseView of(Phase p, boolean program) {
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
          program ? p.getScoringImage() : null,
          program ? p.getScoringCommand() : null,
          p.getScoringLayout().apiName(),
          p.getInputDataBytes(),
          p.getReferenceDataBytes(),
          p.getPredictionsFile(),
          p.getTruthFile(),
          p.getColumns().stream().map(ColumnView::of).toList(),
          p.hasPrivateLeaderboard(),
          p.getFinalSubmissions(),
          p.getPrivateRevealedAt(),
          p.getPrivateReferenceDataBytes());
    }
  }

  /**
   * @param termsAcceptedAt when they accepted the competition's terms to join (null: it had none)
   */
  public record ParticipantView(
      String username, ParticipantStatus status, Instant joinedAt, Instant termsAcceptedAt) {
    public static ParticipantView of(Participant p) {
      return new ParticipantView(
          p.getAccount().getUsername(), p.getStatus(), p.getJoinedAt(), p.getTermsAcceptedAt());
    }
  }
}
