package org.podium.leaderboard;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Ranking}'s rule in SQL: per approved participant the best finished submission by the
 * primary score, ties to the earlier submission then the lower id; participants in the same order.
 * One statement answers every ranked row with all its scores.
 */
final class RankingQuery {

  private RankingQuery() {}

  /** The whole ranking of a phase, best first, rank = position from 1. */
  static List<Leaderboard.Row> rank(
      EntityManager entityManager, long phaseId, String primaryKey, boolean ascending) {
    // The direction is ours (a column's setting), never a caller's text.
    String direction = ascending ? "asc" : "desc";
    String sql =
        "with best as ("
            + " select distinct on (s.participant_id)"
            + "        s.id, s.participant_id, s.submitted_at, sc.value as primary_value,"
            // counted before distinct on keeps one row per participant: no query per row
            + "        count(*) over (partition by s.participant_id) as entries"
            + "   from submission s"
            + "   join participant p on p.id = s.participant_id and p.status = 'APPROVED'"
            + "   join submission_score sc on sc.submission_id = s.id and sc.key = ?1"
            + "  where s.phase_id = ?2 and s.status = 'FINISHED'"
            + "  order by s.participant_id, sc.value "
            + direction
            + ", s.submitted_at, s.id),"
            + " ranked as ("
            + " select b.id, b.participant_id, b.submitted_at, b.entries,"
            + "        row_number() over (order by b.primary_value "
            + direction
            + ", b.submitted_at, b.id) as position"
            + "   from best b)"
            + " select r.position, r.id, a.username, s.team_name, s.method_name, sc.key, sc.value,"
            + "        r.submitted_at, r.entries"
            + "   from ranked r"
            + "   join submission s on s.id = r.id"
            + "   join participant p on p.id = r.participant_id"
            + "   join account a on a.id = p.account_id"
            + "   join submission_score sc on sc.submission_id = r.id"
            + "  order by r.position, sc.key";
    @SuppressWarnings("unchecked")
    List<Object[]> lines =
        entityManager
            .createNativeQuery(sql)
            .setParameter(1, primaryKey)
            .setParameter(2, phaseId)
            .getResultList();
    return rows(lines);
  }

  /**
   * Rows from lines of (position, submission id, username, team, method, score key, score value,
   * submitted at, entries), ordered by position, one line per score.
   */
  static List<Leaderboard.Row> rows(List<Object[]> lines) {
    List<Leaderboard.Row> rows = new ArrayList<>();
    long current = -1;
    Object[] first = null;
    Map<String, Double> scores = null;
    for (Object[] line : lines) {
      long submissionId = ((Number) line[1]).longValue();
      if (submissionId != current) {
        if (first != null) {
          rows.add(row(first, scores));
        }
        current = submissionId;
        first = line;
        scores = new LinkedHashMap<>();
      }
      scores.put((String) line[5], ((Number) line[6]).doubleValue());
    }
    if (first != null) {
      rows.add(row(first, scores));
    }
    return List.copyOf(rows);
  }

  private static Leaderboard.Row row(Object[] line, Map<String, Double> scores) {
    return new Leaderboard.Row(
        ((Number) line[0]).intValue(),
        (String) line[2],
        (String) line[3],
        (String) line[4],
        ((Number) line[1]).longValue(),
        Map.copyOf(scores),
        instant(line[7]),
        ((Number) line[8]).longValue());
  }

  /** A timestamp as each provider's native query answers it. */
  private static Instant instant(Object value) {
    if (value == null || value instanceof Instant) {
      return (Instant) value;
    }
    if (value instanceof java.time.OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof java.time.LocalDateTime local) {
      // as JDBC hands a timestamp without its zone: in the JVM's zone
      return java.sql.Timestamp.valueOf(local).toInstant();
    }
    throw new IllegalStateException("a timestamp, not " + value.getClass());
  }

  /** The phase's count of ranking changes (see V10__leaderboard_ranking.sql); 0 before any. */
  static long revision(EntityManager entityManager, long phaseId) {
    @SuppressWarnings("unchecked")
    List<Object> found =
        entityManager
            .createNativeQuery("select revision from leaderboard_revision where phase_id = ?1")
            .setParameter(1, phaseId)
            .getResultList();
    return found.isEmpty() ? 0 : ((Number) found.get(0)).longValue();
  }
}
