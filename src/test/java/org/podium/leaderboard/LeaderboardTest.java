package org.podium.leaderboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.podium.competition.CompetitionViews.ColumnView;

/** Which columns a page of the leaderboard shows: none that every row of the page leaves empty. */
class LeaderboardTest {

  private static final ColumnView MAE = new ColumnView("mae", "MAE", "asc", 4, true);
  private static final ColumnView RMSE = new ColumnView("rmse", "RMSE", "asc", 4, false);
  private static final ColumnView TIME = new ColumnView("time", "Time", "asc", 1, false);

  private static Leaderboard.Row row(String team, String method, Map<String, Double> scores) {
    return new Leaderboard.Row(1, "p", team, method, 1, scores, null, 1);
  }

  private static Leaderboard board(Leaderboard.Row... rows) {
    return new Leaderboard(List.of(MAE, RMSE, TIME), List.of(rows), 1, 50, rows.length, "public");
  }

  @Test
  void teamAndMethodShowOnlyWhenARowOfThePageHasOne() {
    Leaderboard none = board(row(null, " ", Map.of("mae", 0.1)), row("", null, Map.of("mae", 0.2)));
    assertFalse(none.hasTeamNames());
    assertFalse(none.hasMethodNames());

    Leaderboard some = board(row(null, null, Map.of("mae", 0.1)), row("Owls", "knn", Map.of()));
    assertTrue(some.hasTeamNames());
    assertTrue(some.hasMethodNames());
  }

  @Test
  void aScoreColumnShowsWhenARowHasAValueThePrimaryAlways() {
    Map<String, Double> withNull = new HashMap<>();
    withNull.put("mae", 0.1);
    withNull.put("time", null);
    Leaderboard board = board(row(null, null, withNull), row(null, null, Map.of("rmse", 0.3)));
    assertEquals(List.of(MAE, RMSE), board.columnsWithValues());

    assertEquals(List.of(MAE), board().columnsWithValues(), "an empty page keeps the ranking's");
  }
}
