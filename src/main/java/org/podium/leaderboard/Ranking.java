package org.podium.leaderboard;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranking rule, apart from where entries come from: each participant's best entry by the
 * primary score (ascending or descending), ties to the earlier submission, then the lower id.
 */
final class Ranking {

  /** One finished submission as the ranking sees it. */
  record Entry(
      long submissionId, long participantId, Instant submittedAt, Map<String, Double> scores) {}

  private Ranking() {}

  static List<Entry> rank(List<Entry> entries, String primaryKey, boolean ascending) {
    Comparator<Entry> byPrimary = Comparator.comparingDouble(e -> e.scores().get(primaryKey));
    if (!ascending) {
      byPrimary = byPrimary.reversed();
    }
    Comparator<Entry> order =
        byPrimary.thenComparing(Entry::submittedAt).thenComparingLong(Entry::submissionId);
    Map<Long, Entry> best = new LinkedHashMap<>();
    entries.stream()
        .filter(e -> e.scores().containsKey(primaryKey))
        .sorted(order)
        .forEach(e -> best.putIfAbsent(e.participantId(), e));
    return best.values().stream().sorted(order).toList();
  }
}
