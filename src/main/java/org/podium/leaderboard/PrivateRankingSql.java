package org.podium.leaderboard;

/**
 * The private rule of {@link Ranking#rankPrivate} in PostgreSQL: for each approved participant of
 * the phase, the candidates are their finished submissions marked final, or, with none marked,
 * their best K by public primary score ({@code row_number() … <= K}); each participant's best
 * candidate by private primary score ranks them. Ties go to the earlier submission, then the lower
 * id, at every step. Parameters, in order: the primary key (public), the primary key (private), the
 * phase id, K.
 */
final class PrivateRankingSql {

  private PrivateRankingSql() {}

  /**
   * One row per ranked participant, best first: submission id, participant id, private primary
   * value, submitted at, and the number of ranked participants ({@code total}).
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
        )
        select b.id, b.participant_id, b.private_value, b.submitted_at,
               count(*) over () as total
        from best b
        where b.own_rank = 1
        order by b.private_value %1$s, b.submitted_at, b.id
        """
        .formatted(order);
  }
}
