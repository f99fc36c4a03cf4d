package org.podium.leaderboard;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.podium.account.Account;
import org.podium.competition.CompetitionViews.ColumnView;
import org.podium.competition.Competitions;
import org.podium.competition.LeaderboardColumn;
import org.podium.competition.Phase;
import org.podium.platform.problem.Problem;
import org.podium.submission.Submission;
import org.podium.submission.SubmissionStatus;

/**
 * Ranks a phase: per participant the best finished submission by the primary column (ascending or
 * descending as configured); ties go to the earlier submission.
 */
@Stateless
public class Leaderboards {

  @PersistenceContext EntityManager entityManager;

  @Inject Competitions competitions;

  /** The leaderboard of a phase of a competition the caller may see; 404 otherwise. */
  public Leaderboard of(Optional<Account> caller, long competitionId, long phaseId) {
    return of(competitions.phase(competitions.visible(caller, competitionId), phaseId));
  }

  /**
   * The public or private leaderboard of a phase of a competition the caller may see; 404 when it
   * is not there, 403 for the private one before the organizers reveal it (they see it always).
   */
  public Leaderboard of(Optional<Account> caller, long competitionId, long phaseId, Board board) {
    Phase phase = competitions.phase(competitions.visible(caller, competitionId), phaseId);
    if (board == Board.PUBLIC) {
      return of(phase);
    }
    if (!phase.hasPrivateLeaderboard()) {
      throw Problem.notFound("private leaderboard of phase " + phaseId + " (it has none)");
    }
    if (!phase.showsPrivateTo(caller.orElse(null))) {
      throw Problem.forbidden(
          "the private leaderboard of phase '"
              + phase.getName()
              + "' is not revealed yet: the organizers reveal it when they choose");
    }
    return privateBoard(phase);
  }

  /** Whether the caller may see the phase's private leaderboard (there is one, and it shows). */
  public boolean showsPrivate(Optional<Account> caller, long competitionId, long phaseId) {
    return competitions
        .phase(competitions.visible(caller, competitionId), phaseId)
        .showsPrivateTo(caller.orElse(null));
  }

  /** The private rule, ranked by PostgreSQL ({@link PrivateRankingSql}). */
  private Leaderboard privateBoard(Phase phase) {
    LeaderboardColumn primary = primary(phase);
    @SuppressWarnings("unchecked")
    List<Object[]> ranked =
        entityManager
            .createNativeQuery(PrivateRankingSql.ranked(primary.isAscending()))
            .setParameter(1, primary.getKey())
            .setParameter(2, primary.getKey())
            .setParameter(3, phase.getId())
            .setParameter(4, phase.getFinalSubmissions())
            .getResultList();
    List<Leaderboard.Row> rows = new ArrayList<>();
    for (Object[] row : ranked) {
      Submission s = entityManager.find(Submission.class, ((Number) row[0]).longValue());
      rows.add(
          new Leaderboard.Row(
              rows.size() + 1,
              s.getParticipant().getAccount().getUsername(),
              s.getMetadata() == null ? null : s.getMetadata().getTeamName(),
              s.getMetadata() == null ? null : s.getMetadata().getMethodName(),
              s.getId(),
              Map.copyOf(s.getPrivateScores())));
    }
    return new Leaderboard(phase.getColumns().stream().map(ColumnView::of).toList(), rows);
  }

  private static LeaderboardColumn primary(Phase phase) {
    return phase
        .primaryColumn()
        .orElseThrow(
            () -> new IllegalStateException("phase " + phase.getId() + " has no primary column"));
  }

  private Leaderboard of(Phase phase) {
    LeaderboardColumn primary =
        phase
            .primaryColumn()
            .orElseThrow(
                () ->
                    new IllegalStateException("phase " + phase.getId() + " has no primary column"));
    List<Submission> finished =
        entityManager
            .createQuery(
                "select s from Submission s where s.phase = :phase and s.status = :finished",
                Submission.class)
            .setParameter("phase", phase)
            .setParameter("finished", SubmissionStatus.FINISHED)
            .getResultList();
    Map<Long, Submission> byId = new HashMap<>();
    List<Ranking.Entry> entries = new ArrayList<>();
    for (Submission s : finished) {
      byId.put(s.getId(), s);
      entries.add(
          new Ranking.Entry(
              s.getId(), s.getParticipant().getId(), s.getSubmittedAt(), s.getScores()));
    }
    List<Submission> ranked =
        Ranking.rank(entries, primary.getKey(), primary.isAscending()).stream()
            .map(e -> byId.get(e.submissionId()))
            .toList();
    List<Leaderboard.Row> rows = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      Submission s = ranked.get(i);
      rows.add(
          new Leaderboard.Row(
              i + 1,
              s.getParticipant().getAccount().getUsername(),
              s.getMetadata() == null ? null : s.getMetadata().getTeamName(),
              s.getMetadata() == null ? null : s.getMetadata().getMethodName(),
              s.getId(),
              Map.copyOf(s.getScores())));
    }
    return new Leaderboard(phase.getColumns().stream().map(ColumnView::of).toList(), rows);
  }
}
