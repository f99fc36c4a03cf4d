package org.podium.leaderboard;

import java.util.List;
import java.util.Map;

/**
 * A phase's ranking: each participant's best finished submission by the primary column.
 *
 * @param columns the phase's columns, in order
 * @param rows ranked, best first
 */
public record Leaderboard(List<Column> columns, List<Row> rows) {

  public record Column(String key, String label, String sort, int decimals, boolean primary) {}

  public record Row(
      int rank,
      String participant,
      String teamName,
      String methodName,
      long submissionId,
      Map<String, Double> scores) {}
}
