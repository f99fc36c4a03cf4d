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

  /** Whether a row of this page names a team: the page leaves out a column nobody filled in. */
  public boolean hasTeamNames() {
    return rows.stream().anyMatch(row -> filled(row.teamName()));
  }

  /** Whether a row of this page names a method. */
  public boolean hasMethodNames() {
    return rows.stream().anyMatch(row -> filled(row.methodName()));
  }

  /**
   * The columns the page shows: the primary one always (the ranking's), any other only when a row
   * of this page has a score in it.
   */
  public List<ColumnView> columnsWithValues() {
    return columns.stream()
        .filter(
            column ->
                column.primary()
                    || rows.stream()
                        .anyMatch(
                            row -> row.scores() != null && row.scores().get(column.key()) != null))
        .toList();
  }

  private static boolean filled(String text) {
    return text != null && !text.isBlank();
  }

  /** The number of the last page (1 for an empty leaderboard). */
  public int lastPage() {
    return (int) Math.max(1, (total + size - 1) / size);
  }
}
