package org.podium.leaderboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.podium.account.Caller;

/** Backs the Results tab: each phase's leaderboard, scores shown with the column's decimals. */
@Named
@RequestScoped
public class ResultsView {

  @Inject Leaderboards leaderboards;

  @Inject Caller caller;

  public Leaderboard of(long competitionId, long phaseId) {
    return leaderboards.of(caller.account(), competitionId, phaseId);
  }

  /** The phase's private leaderboard ({@code "private"}) or public one (anything else). */
  public Leaderboard of(long competitionId, long phaseId, String board) {
    return leaderboards.of(
        caller.account(),
        competitionId,
        phaseId,
        "private".equals(board) && showsPrivate(competitionId, phaseId)
            ? Board.PRIVATE
            : Board.PUBLIC);
  }

  /** Whether the caller may switch the phase's results to its private leaderboard. */
  public boolean showsPrivate(long competitionId, long phaseId) {
    return leaderboards.showsPrivate(caller.account(), competitionId, phaseId);
  }

  public String format(Double value, int decimals) {
    return Optional.ofNullable(value)
        .map(v -> BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString())
        .orElse("—");
  }
}
