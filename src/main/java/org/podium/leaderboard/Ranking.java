package org.podium.leaderboard;

import java.time.Instant;
import java.util.ArrayList;
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

  /**
   * One finished submission as the private ranking sees it: its public and private scores, and
   * whether its participant marked it final.
   */
  record PrivateEntry(
      long submissionId,
      long participantId,
      Instant submittedAt,
      Map<String, Double> publicScores,
      Map<String, Double> privateScores,
      boolean markedFinal) {}

  /**
   * The private rule: a participant's candidates are the submissions they marked final, or, with
   * none marked, their best {@code k} by public score (ties to the earlier, then the lower id:
   * Kaggle's default); each participant's best candidate by private score ranks them, ties to the
   * earlier submission, then the lower id. A candidate without a private score is not ranked.
   */
  static List<PrivateEntry> rankPrivate(
      List<PrivateEntry> entries, String primaryKey, boolean ascending, int k) {
    Comparator<PrivateEntry> byPublic = order(e -> e.publicScores().get(primaryKey), ascending);
    Comparator<PrivateEntry> byPrivate = order(e -> e.privateScores().get(primaryKey), ascending);
    Map<Long, List<PrivateEntry>> byParticipant = new LinkedHashMap<>();
    entries.forEach(
        e -> byParticipant.computeIfAbsent(e.participantId(), p -> new ArrayList<>()).add(e));
    List<PrivateEntry> best = new ArrayList<>();
    for (List<PrivateEntry> own : byParticipant.values()) {
      List<PrivateEntry> marked = own.stream().filter(PrivateEntry::markedFinal).toList();
      List<PrivateEntry> candidates =
          !marked.isEmpty()
              ? marked
              : own.stream()
                  .filter(e -> e.publicScores().containsKey(primaryKey))
                  .sorted(byPublic)
                  .limit(k)
                  .toList();
      candidates.stream()
          .filter(e -> e.privateScores().containsKey(primaryKey))
          .min(byPrivate)
          .ifPresent(best::add);
    }
    return best.stream().sorted(byPrivate).toList();
  }

  private static Comparator<PrivateEntry> order(
      java.util.function.ToDoubleFunction<PrivateEntry> score, boolean ascending) {
    Comparator<PrivateEntry> byScore = Comparator.comparingDouble(score);
    if (!ascending) {
      byScore = byScore.reversed();
    }
    return byScore
        .thenComparing(PrivateEntry::submittedAt)
        .thenComparingLong(PrivateEntry::submissionId);
  }
}
