package org.podium.leaderboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.podium.platform.PageRequest;
import org.podium.testing.Deployments;
import org.podium.testing.LeaderboardData;

/**
 * The leaderboard ranked by SQL is the ranking {@link Ranking} defines, on generated data full of
 * equal scores and equal times; it ranks approved participants only; and a change that moves the
 * ranking is seen by the next request, though each node keeps rankings between changes.
 */
@ExtendWith(ArquillianExtension.class)
class RankingAgreementIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.podium()
        .addClass(LeaderboardData.class)
        .addAsResource("benchmarks/leaderboard-data.sql");
  }

  @PersistenceContext EntityManager entityManager;

  @Inject UserTransaction transaction;

  @Inject Leaderboards leaderboards;

  private long competitionId;
  private long phaseId;

  /** A fresh phase of 300 participants and 3,000 submissions (see leaderboard-data.sql). */
  @BeforeEach
  void generatedPhase() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String organizer = "lbo-" + tag;
    transaction.begin();
    sql(
        "insert into account (username, email, password_hash, created_at) values ('"
            + organizer
            + "', '"
            + organizer
            + "@example.invalid', '(no sign-in)', now())");
    LeaderboardData.write(tag, 300, 3000, organizer, 0.25, this::sql);
    Object[] ids =
        (Object[])
            entityManager
                .createNativeQuery(
                    "select c.id, p.id from competition c join phase p on p.competition_id = c.id"
                        + " where c.title = ?1")
                .setParameter(1, LeaderboardData.title(tag))
                .getSingleResult();
    transaction.commit();
    competitionId = ((Number) ids[0]).longValue();
    phaseId = ((Number) ids[1]).longValue();
  }

  @Test
  void sqlRankingIsTheRankingRuleOnDataWithTies() throws Exception {
    // The generated scores have two decimals, so equal best scores are common; add what chance
    // makes rare: a participant's exact copy (same score, same minute: the id decides) and another
    // participant equal in score and time to a ranked one (again the id decides between them).
    List<Leaderboard.Row> ranked = RankingQuery.rank(entityManager, phaseId, "mae", true);
    transaction.begin();
    for (int i = 0; i < 5; i++) {
      copy(ranked.get(i).submissionId(), "participant_id");
    }
    copy(
        ranked.get(0).submissionId(),
        "(select participant_id from submission where id = " + ranked.get(9).submissionId() + ")");
    transaction.commit();

    List<Ranking.Entry> entries = approvedFinishedEntries();
    for (boolean ascending : List.of(true, false)) {
      List<Long> expected =
          Ranking.rank(entries, "mae", ascending).stream()
              .map(Ranking.Entry::submissionId)
              .toList();
      List<Leaderboard.Row> rows = RankingQuery.rank(entityManager, phaseId, "mae", ascending);

      assertEquals(expected, rows.stream().map(Leaderboard.Row::submissionId).toList());
      for (int i = 0; i < rows.size(); i++) {
        assertEquals(i + 1, rows.get(i).rank());
      }
      // each row's entries (the participant's scored finished submissions) and its submission's
      // time come from the same statement (issue 15)
      java.util.Map<Long, Ranking.Entry> byId = new java.util.HashMap<>();
      entries.forEach(e -> byId.put(e.submissionId(), e));
      for (Leaderboard.Row row : rows) {
        Ranking.Entry best = byId.get(row.submissionId());
        assertEquals(best.submittedAt(), row.submittedAt());
        assertEquals(
            entries.stream()
                .filter(e -> e.participantId() == best.participantId())
                .filter(e -> e.scores().containsKey("mae"))
                .count(),
            row.entries(),
            "entries of " + row.participant());
      }
    }
    Set<Double> distinctBest = new HashSet<>();
    ranked.forEach(r -> distinctBest.add(r.scores().get("mae")));
    assertTrue(distinctBest.size() < ranked.size(), "no equal best scores in the data");
  }

  /** Inserts a finished copy of a submission (time and scores too) for the participant given. */
  private void copy(long submissionId, String participant) {
    sql(
        "insert into submission (phase_id, participant_id, kind, status, attempt, submitted_at)"
            + " select phase_id, "
            + participant
            + ", kind, 'FINISHED', 1, submitted_at from submission where id = "
            + submissionId);
    sql(
        "insert into submission_score (submission_id, key, value)"
            + " select (select max(id) from submission), key, value from submission_score"
            + " where submission_id = "
            + submissionId);
  }

  @Test
  void onlyApprovedParticipantsAreRanked() {
    List<Leaderboard.Row> rows = RankingQuery.rank(entityManager, phaseId, "mae", true);
    @SuppressWarnings("unchecked")
    List<String> notApproved =
        entityManager
            .createNativeQuery(
                "select a.username from participant p join account a on a.id = p.account_id"
                    + " where p.competition_id = ?1 and p.status <> 'APPROVED'")
            .setParameter(1, competitionId)
            .getResultList();

    assertFalse(notApproved.isEmpty(), "the data has denied and pending participants");
    assertTrue(
        rows.stream().map(Leaderboard.Row::participant).noneMatch(notApproved::contains),
        "a denied or pending participant is ranked");
  }

  @Test
  void pagesCoverTheRankingOnceAndCountIt() {
    List<Long> all =
        RankingQuery.rank(entityManager, phaseId, "mae", true).stream()
            .map(Leaderboard.Row::submissionId)
            .toList();
    List<Long> paged = new ArrayList<>();
    Leaderboard page;
    int number = 1;
    do {
      page =
          leaderboards.of(Optional.empty(), competitionId, phaseId, new PageRequest(number++, 37));
      assertEquals(all.size(), page.total());
      page.rows().forEach(r -> paged.add(r.submissionId()));
    } while (!page.rows().isEmpty());

    assertEquals(all, paged);
    assertEquals(number - 2, page.lastPage());
  }

  /**
   * Each change is seen by the very next request: a better submission finishing, a participant
   * denied, the primary column changed (the node kept the ranking in between).
   */
  @Test
  void theNextRequestSeesEveryChangeThatMovesTheRanking() throws Exception {
    Leaderboard before = first();
    Leaderboard.Row leader = before.rows().get(0);
    assertEquals(before, first(), "asked twice without a change");

    // A participant ranked last finishes a submission better than anyone's.
    List<Leaderboard.Row> lastPage =
        leaderboards
            .of(Optional.empty(), competitionId, phaseId, new PageRequest(before.lastPage(), 50))
            .rows();
    Leaderboard.Row last = lastPage.get(lastPage.size() - 1);
    transaction.begin();
    sql(
        "insert into submission (phase_id, participant_id, kind, status, attempt, submitted_at)"
            + " select phase_id, participant_id, 'RESULTS', 'SCORING', 1, now() from submission"
            + " where id = "
            + last.submissionId());
    long better =
        ((Number)
                entityManager
                    .createNativeQuery("select max(id) from submission where phase_id = ?1")
                    .setParameter(1, phaseId)
                    .getSingleResult())
            .longValue();
    sql(
        "insert into submission_score values ("
            + better
            + ", 'mae', -1), ("
            + better
            + ", 'rmse', 0)");
    transaction.commit();
    assertEquals(leader.submissionId(), first().rows().get(0).submissionId(), "not finished yet");
    transaction.begin();
    sql("update submission set status = 'FINISHED' where id = " + better);
    transaction.commit();
    assertEquals(better, first().rows().get(0).submissionId());
    assertEquals(before.total(), first().total());

    // Its participant is denied.
    transaction.begin();
    sql(
        "update participant set status = 'DENIED' where id ="
            + " (select participant_id from submission where id = "
            + better
            + ")");
    transaction.commit();
    assertEquals(leader.submissionId(), first().rows().get(0).submissionId());
    assertEquals(before.total() - 1, first().total());

    // RMSE becomes the primary column.
    transaction.begin();
    sql("update phase_column set is_primary = (key = 'rmse') where phase_id = " + phaseId);
    transaction.commit();
    List<Ranking.Entry> entries = approvedFinishedEntries();
    assertEquals(
        Ranking.rank(entries, "rmse", true).get(0).submissionId(),
        first().rows().get(0).submissionId());
  }

  private Leaderboard first() {
    entityManager.clear();
    return leaderboards.of(Optional.empty(), competitionId, phaseId, PageRequest.FIRST);
  }

  /** Every finished submission of an approved participant, read plainly (no ranking in SQL). */
  private List<Ranking.Entry> approvedFinishedEntries() {
    @SuppressWarnings("unchecked")
    List<Object[]> lines =
        entityManager
            .createNativeQuery(
                "select s.id, s.participant_id,"
                    + " (extract(epoch from s.submitted_at) * 1000000)::bigint, sc.key, sc.value"
                    + " from submission s join participant p on p.id = s.participant_id"
                    + " join submission_score sc on sc.submission_id = s.id"
                    + " where s.phase_id = ?1 and s.status = 'FINISHED' and p.status = 'APPROVED'")
            .setParameter(1, phaseId)
            .getResultList();
    Map<Long, Object[]> first = new LinkedHashMap<>();
    Map<Long, Map<String, Double>> scores = new HashMap<>();
    for (Object[] line : lines) {
      long id = ((Number) line[0]).longValue();
      first.putIfAbsent(id, line);
      scores
          .computeIfAbsent(id, k -> new HashMap<>())
          .put((String) line[3], ((Number) line[4]).doubleValue());
    }
    List<Ranking.Entry> entries = new ArrayList<>();
    first.forEach(
        (id, line) -> {
          long micros = ((Number) line[2]).longValue();
          entries.add(
              new Ranking.Entry(
                  id,
                  ((Number) line[1]).longValue(),
                  Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000),
                  scores.get(id)));
        });
    return entries;
  }

  private void sql(String statement) {
    if (statement.stripLeading().toLowerCase(java.util.Locale.ROOT).startsWith("select")) {
      entityManager.createNativeQuery(statement).getResultList();
    } else {
      entityManager.createNativeQuery(statement).executeUpdate();
    }
  }
}
