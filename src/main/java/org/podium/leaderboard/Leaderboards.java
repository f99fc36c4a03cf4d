package org.podium.leaderboard;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.podium.account.Account;
import org.podium.competition.CompetitionViews.ColumnView;
import org.podium.competition.Competitions;
import org.podium.competition.LeaderboardColumn;
import org.podium.competition.Phase;
import org.podium.platform.PageRequest;
import org.podium.platform.problem.Problem;

/**
 * Ranks a phase in the database ({@link RankingQuery}, the rule of {@link Ranking}): per approved
 * participant the best finished submission by the primary column (ascending or descending as
 * configured); ties go to the earlier submission. Answers a page at a time. A phase with a private
 * leaderboard has a second ranking ({@link PrivateRankingQuery}, {@link Ranking#rankPrivate}),
 * shown to its organizers, and to everyone once they reveal it.
 */
@Stateless
public class Leaderboards {

  @PersistenceContext EntityManager entityManager;

  @Inject Competitions competitions;

  @Inject RankedPhases ranked;

  /**
   * A page of the public leaderboard of a phase of a competition the caller may see (past the last
   * page the rows are empty); 404 otherwise.
   */
  public Leaderboard of(
      Optional<Account> caller, long competitionId, long phaseId, PageRequest page) {
    return of(caller, competitionId, phaseId, Board.PUBLIC, page);
  }

  /**
   * A page of the public or private leaderboard of a phase of a competition the caller may see; 404
   * when it is not there, 403 for the private one before the organizers reveal it (they see it
   * always).
   */
  public Leaderboard of(
      Optional<Account> caller, long competitionId, long phaseId, Board board, PageRequest page) {
    Phase phase = competitions.phase(competitions.visible(caller, competitionId), phaseId);
    if (board == Board.PRIVATE) {
      checkPrivate(caller, phase);
    }
    LeaderboardColumn primary =
        phase
            .primaryColumn()
            .orElseThrow(
                () ->
                    new IllegalStateException("phase " + phase.getId() + " has no primary column"));
    // The revision counts private changes too (V11): marks, private scores, K, the reveal.
    List<Leaderboard.Row> rows =
        ranked.rows(
            phase.getId(),
            board,
            RankingQuery.revision(entityManager, phase.getId()),
            primary.getKey(),
            primary.isAscending(),
            () ->
                board == Board.PRIVATE
                    ? PrivateRankingQuery.rank(
                        entityManager,
                        phase.getId(),
                        primary.getKey(),
                        primary.isAscending(),
                        phase.getFinalSubmissions())
                    : RankingQuery.rank(
                        entityManager, phase.getId(), primary.getKey(), primary.isAscending()));
    int from = Math.min(page.offset(), rows.size());
    int to = Math.min(from + page.size(), rows.size());
    return new Leaderboard(
        phase.getColumns().stream().map(ColumnView::of).toList(),
        rows.subList(from, to),
        page.page(),
        page.size(),
        rows.size(),
        board.apiName());
  }

  private static void checkPrivate(Optional<Account> caller, Phase phase) {
    if (!phase.hasPrivateLeaderboard()) {
      throw Problem.notFoundSaying(
          "Phase "
              + phase.getId()
              + " has no private leaderboard: ask for its public one (board=public).");
    }
    if (!phase.showsPrivateTo(caller.orElse(null))) {
      throw Problem.forbidden(
          "The private leaderboard of phase '"
              + phase.getName()
              + "' is not revealed yet: the organizers reveal it when they choose.");
    }
  }

  /** Whether the caller may see the phase's private leaderboard (there is one, and it shows). */
  public boolean showsPrivate(Optional<Account> caller, long competitionId, long phaseId) {
    return competitions
        .phase(competitions.visible(caller, competitionId), phaseId)
        .showsPrivateTo(caller.orElse(null));
  }
}
