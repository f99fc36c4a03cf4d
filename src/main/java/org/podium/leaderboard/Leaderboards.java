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
