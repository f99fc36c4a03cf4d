package org.podium.leaderboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.podium.account.Account;
import org.podium.account.Accounts;
import org.podium.account.Role;
import org.podium.competition.CompetitionRequests;
import org.podium.competition.CompetitionViews.CompetitionView;
import org.podium.competition.CompetitionViews.PhaseView;
import org.podium.competition.Competitions;
import org.podium.competition.Participation;
import org.podium.platform.PodiumConfig;
import org.podium.testing.Deployments;

/**
 * The private leaderboard's SQL ({@link PrivateRankingQuery}) and its definition ({@link
 * Ranking#rankPrivate}) agree on generated data full of ties: few distinct scores and instants,
 * marks on some participants, failed submissions, submissions without a private score, a denied
 * participant, both orders and several K.
 */
@ExtendWith(ArquillianExtension.class)
class PrivateRankingAgreementIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @Inject Accounts accounts;
  @Inject Competitions competitions;
  @Inject PodiumConfig config;
  @Inject UserTransaction transaction;

  @PersistenceContext EntityManager entityManager;

  private static final Instant T = Instant.parse("2026-11-28T00:00:00Z");

  @Test
  void theSqlAndTheRuleRankAlikeOnGeneratedDataWithTies() throws Exception {
    for (long seed = 1; seed <= 6; seed++) {
      Random random = new Random(seed);
      long phase = generated(random);
      for (boolean ascending : List.of(true, false)) {
        for (int k : List.of(1, 2, 3)) {
          List<Long> sql = sql(phase, ascending, k);
          List<Long> rule = rule(phase, ascending, k);
          assertEquals(rule, sql, "seed " + seed + ", ascending " + ascending + ", K " + k);
          assertTrue(sql.size() > 3, "enough participants ranked to compare: " + sql);
        }
      }
    }
  }

  /** A phase with 12 participants (one denied) and up to 6 submissions each; its id. */
  private long generated(Random random) throws Exception {
    transaction.begin();
    try {
      Account admin = accounts.find(config.adminUsername()).orElseThrow();
      CompetitionView competition =
          competitions.create(
              admin,
              new CompetitionRequests.CompetitionRequest(
                  "Agreement", "", true, false, Participation.AUTO, true, null, null, null, null));
      PhaseView phase =
          competitions.addPhase(
              admin,
              competition.id(),
              new CompetitionRequests.PhaseRequest(
                  "P",
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  new CompetitionRequests.ScoringRequest("mae", null, null, null),
                  null,
                  null,
                  null,
                  true,
                  2));
      for (int p = 0; p < 12; p++) {
        String name = "agree-" + UUID.randomUUID().toString().substring(0, 8);
        Account account =
            accounts.create(
                name, name + "@example.org", "password-" + name, EnumSet.of(Role.PARTICIPANT));
        competitions.join(account, competition.id());
        if (p == 11) {
          entityManager
              .createNativeQuery(
                  "update participant set status = 'DENIED' where account_id = ?1"
                      + " and competition_id = ?2")
              .setParameter(1, account.getId())
              .setParameter(2, competition.id())
              .executeUpdate();
        }
        long participant =
            ((Number)
                    entityManager
                        .createNativeQuery(
                            "select id from participant where account_id = ?1"
                                + " and competition_id = ?2")
                        .setParameter(1, account.getId())
                        .setParameter(2, competition.id())
                        .getSingleResult())
                .longValue();
        boolean marks = random.nextInt(3) == 0;
        int submissions = random.nextInt(7);
        for (int i = 0; i < submissions; i++) {
          boolean finished = random.nextInt(6) != 0;
          insert(
              phase.id(),
              participant,
              T.plusSeconds(60L * random.nextInt(4)),
              finished ? "FINISHED" : "FAILED",
              finished && marks && random.nextBoolean(),
              finished ? 0.1 * random.nextInt(4) : null,
              finished && random.nextInt(8) != 0 ? 0.1 * random.nextInt(4) : null);
        }
      }
      transaction.commit();
      return phase.id();
    } catch (Exception | Error e) {
      transaction.rollback();
      throw e;
    }
  }

  private void insert(
      long phase,
      long participant,
      Instant submittedAt,
      String status,
      boolean marked,
      Double publicMae,
      Double privateMae) {
    long id =
        ((Number)
                entityManager
                    .createNativeQuery(
                        "insert into submission (phase_id, participant_id, kind, status,"
                            + " submitted_at, marked_final) values (?1, ?2, 'RESULTS', ?3, ?4, ?5)"
                            + " returning id")
                    .setParameter(1, phase)
                    .setParameter(2, participant)
                    .setParameter(3, status)
                    .setParameter(4, java.sql.Timestamp.from(submittedAt))
                    .setParameter(5, marked)
                    .getSingleResult())
            .longValue();
    if (publicMae != null) {
      score("submission_score", id, publicMae);
    }
    if (privateMae != null) {
      score("submission_private_score", id, privateMae);
    }
  }

  private void score(String table, long submission, double value) {
    entityManager
        .createNativeQuery(
            "insert into " + table + " (submission_id, key, value) values (?1, 'mae', ?2)")
        .setParameter(1, submission)
        .setParameter(2, value)
        .executeUpdate();
  }

  private List<Long> sql(long phase, boolean ascending, int k) {
    return PrivateRankingQuery.rank(entityManager, phase, "mae", ascending, k).stream()
        .map(Leaderboard.Row::submissionId)
        .toList();
  }

  /** The same phase's approved participants' finished submissions, ranked by the definition. */
  @SuppressWarnings("unchecked")
  private List<Long> rule(long phase, boolean ascending, int k) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select s.id, s.participant_id, s.submitted_at, s.marked_final,"
                    + " (select value from submission_score where submission_id = s.id and key = 'mae'),"
                    + " (select value from submission_private_score where submission_id = s.id"
                    + "  and key = 'mae')"
                    + " from submission s join participant p on p.id = s.participant_id"
                    + " where s.phase_id = ?1 and s.status = 'FINISHED' and p.status = 'APPROVED'")
            .setParameter(1, phase)
            .getResultList();
    List<Ranking.PrivateEntry> entries = new ArrayList<>();
    for (Object[] row : rows) {
      entries.add(
          new Ranking.PrivateEntry(
              ((Number) row[0]).longValue(),
              ((Number) row[1]).longValue(),
              instant(row[2]),
              scores(row[4]),
              scores(row[5]),
              Boolean.TRUE.equals(row[3])));
    }
    return Ranking.rankPrivate(entries, "mae", ascending, k).stream()
        .map(Ranking.PrivateEntry::submissionId)
        .toList();
  }

  private static Map<String, Double> scores(Object value) {
    Map<String, Double> scores = new HashMap<>();
    if (value != null) {
      scores.put("mae", ((Number) value).doubleValue());
    }
    return scores;
  }

  private static Instant instant(Object value) {
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    throw new IllegalStateException("a timestamp as " + value.getClass());
  }
}
