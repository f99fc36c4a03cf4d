package org.podium.leaderboard;

import java.util.List;
import java.util.Map;
import org.podium.competition.CompetitionViews.ColumnView;

/**
 * One page of a phase's ranking: each approved participant's best finished submission by the
 * primary column.
 *
 * @param columns the phase's columns, in order
 * @param rows this page's rows, best first
 * @param page the page, from 1
 * @param size the most rows a page holds
 * @param total how many participants are ranked, on every page
 */
public record Leaderboard(
    List<ColumnView> columns, List<Row> rows, int page, int size, long total) {

  public record Row(
      int rank,
      String participant,
      String teamName,
      String methodName,
      long submissionId,
      Map<String, Double> scores) {}

  /** The number of the last page (1 for an empty leaderboard). */
  public int lastPage() {
    return (int) Math.max(1, (total + size - 1) / size);
  }
}
