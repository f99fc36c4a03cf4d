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

  /** Rows a page holds unless asked otherwise. */
  public static final int DEFAULT_PAGE_SIZE = 50;

  /** The most rows a page holds. */
  public static final int MAX_PAGE_SIZE = 200;

  @PersistenceContext EntityManager entityManager;

  @Inject Competitions competitions;

  @Inject RankedPhases ranked;

  /** A query parameter's whole number, or the fallback when absent; 400 naming it otherwise. */
  public static int number(String field, String text, int fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw Problem.invalidField(field, "must be a whole number");
    }
  }

  /**
   * A page of the public leaderboard of a phase of a competition the caller may see; 404 otherwise.
   *
   * @param page from 1; past the last page the rows are empty
   * @param size 1 to {@link #MAX_PAGE_SIZE}
   */
  public Leaderboard of(
      Optional<Account> caller, long competitionId, long phaseId, int page, int size) {
    return of(caller, competitionId, phaseId, Board.PUBLIC, page, size);
  }

  /**
   * A page of the public or private leaderboard of a phase of a competition the caller may see; 404
   * when it is not there, 403 for the private one before the organizers reveal it (they see it
   * always).
   */
  public Leaderboard of(
      Optional<Account> caller, long competitionId, long phaseId, Board board, int page, int size) {
    if (page < 1) {
      throw Problem.invalidField("page", "must be 1 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw Problem.invalidField("size", "must be between 1 and " + MAX_PAGE_SIZE);
    }
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
    long from = Math.min((long) (page - 1) * size, rows.size());
    long to = Math.min(from + size, rows.size());
    return new Leaderboard(
        phase.getColumns().stream().map(ColumnView::of).toList(),
        rows.subList((int) from, (int) to),
        page,
        size,
        rows.size(),
        board.apiName());
  }

  private static void checkPrivate(Optional<Account> caller, Phase phase) {
    if (!phase.hasPrivateLeaderboard()) {
      throw Problem.notFound("private leaderboard of phase " + phase.getId() + " (it has none)");
    }
    if (!phase.showsPrivateTo(caller.orElse(null))) {
      throw Problem.forbidden(
          "the private leaderboard of phase '"
              + phase.getName()
              + "' is not revealed yet: the organizers reveal it when they choose");
    }
  }

  /** Whether the caller may see the phase's private leaderboard (there is one, and it shows). */
  public boolean showsPrivate(Optional<Account> caller, long competitionId, long phaseId) {
    return competitions
        .phase(competitions.visible(caller, competitionId), phaseId)
        .showsPrivateTo(caller.orElse(null));
  }
}
