package org.podium.leaderboard;

import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The private rule of {@link Ranking#rankPrivate} in one PostgreSQL statement: for each approved
 * participant of the phase, the candidates are their finished submissions marked final, or, with
 * none marked, their best K by public primary score ({@code row_number() … <= K}); each
 * participant's best candidate by private primary score ranks them. Ties go to the earlier
 * submission, then the lower id, at every step. Rows carry the private scores.
 */
final class PrivateRankingQuery {

  private PrivateRankingQuery() {}

  /** The whole private ranking of a phase, best first, rank = position from 1. */
  static List<Leaderboard.Row> rank(
      EntityManager entityManager,
      long phaseId,
      String primaryKey,
      boolean ascending,
      int finalSubmissions) {
    String sql =
        ranked(ascending)
            + " select r.position, r.id, a.username, s.team_name, s.method_name, sc.key, sc.value,"
            + "        s.submitted_at, r.entries"
            + "   from ranked r"
            + "   join submission s on s.id = r.id"
            + "   join participant p on p.id = r.participant_id"
            + "   join account a on a.id = p.account_id"
            + "   join submission_private_score sc on sc.submission_id = r.id"
            + "  order by r.position, sc.key";
    @SuppressWarnings("unchecked")
    List<Object[]> lines =
        entityManager
            .createNativeQuery(sql)
            .setParameter(1, primaryKey)
            .setParameter(2, primaryKey)
            .setParameter(3, phaseId)
            .setParameter(4, finalSubmissions)
            .getResultList();
    return RankingQuery.rows(lines);
  }

  /**
   * The common table expressions down to {@code ranked (id, participant_id, position)}, one row per
   * ranked participant. Parameters: 1 and 2 the primary key (each used once, as every provider
   * binds them), 3 the phase id, 4 K.
   *
   * @param ascending the primary column's order (lower is better when true)
   */
  static String ranked(boolean ascending) {
    // The direction is one of two constants, never a caller's text.
    String order = ascending ? "asc" : "desc";
    return """
        with finished as (
          select s.id, s.participant_id, s.submitted_at, s.marked_final,
                 pub.value as public_value, priv.value as private_value
            from submission s
            join participant p on p.id = s.participant_id and p.status = 'APPROVED'
            left join submission_score pub on pub.submission_id = s.id and pub.key = ?1
            left join submission_private_score priv on priv.submission_id = s.id and priv.key = ?2
           where s.phase_id = ?3 and s.status = 'FINISHED'
        ),
        numbered as (
          select f.*,
                 count(*) over (partition by f.participant_id) as entries,
                 bool_or(f.marked_final) over (partition by f.participant_id) as has_marks,
                 row_number() over (partition by f.participant_id
                                    order by f.public_value is null, f.public_value %1$s,
                                             f.submitted_at, f.id) as public_rank
            from finished f
        ),
        candidates as (
          select * from numbered
           where private_value is not null
             and ((has_marks and marked_final)
                  or (not has_marks and public_value is not null and public_rank <= ?4))
        ),
        best as (
          select c.*,
                 row_number() over (partition by c.participant_id
                                    order by c.private_value %1$s, c.submitted_at, c.id) as own_rank
            from candidates c
        ),
        ranked as (
          select b.id, b.participant_id, b.entries,
                 row_number() over (order by b.private_value %1$s, b.submitted_at, b.id) as position
            from best b
           where b.own_rank = 1
        )
        """
        .formatted(order);
  }
}
