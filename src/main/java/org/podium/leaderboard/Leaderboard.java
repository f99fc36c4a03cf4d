package org.podium.leaderboard;

import java.time.Instant;
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
 * @param board {@code public}, or {@code private} for the private leaderboard (its rows carry the
 *     private scores)
 */
public record Leaderboard(
    List<ColumnView> columns, List<Row> rows, int page, int size, long total, String board) {

  /**
   * One ranked participant.
   *
   * @param submittedAt when the ranked (best) submission was sent
   * @param entries how many finished submissions the participant has in the phase, counted by the
   *     ranking's own statement
   */
  public record Row(
      int rank,
      String participant,
      String teamName,
      String methodName,
      long submissionId,
      Map<String, Double> scores,
      Instant submittedAt,
      long entries) {}

  /** The number of the last page (1 for an empty leaderboard). */
  public int lastPage() {
    return (int) Math.max(1, (total + size - 1) / size);
  }
}
