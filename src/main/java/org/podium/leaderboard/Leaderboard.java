package org.podium.leaderboard;

import java.util.List;
import java.util.Map;
import org.podium.competition.CompetitionViews.ColumnView;

/**
 * A phase's ranking: each participant's best finished submission by the primary column.
 *
 * @param columns the phase's columns, in order
 * @param rows ranked, best first
 */
public record Leaderboard(List<ColumnView> columns, List<Row> rows) {

  public record Row(
      int rank,
      String participant,
      String teamName,
      String methodName,
      long submissionId,
      Map<String, Double> scores) {}
}
