package org.podium.leaderboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The private leaderboard's rule ({@link Ranking#rankPrivate}): final marks, or the best K. */
class PrivateRankingTest {

  private static final Instant T = Instant.parse("2026-11-28T00:00:00Z");

  /** A finished submission scored by MAE (lower is better), public and private. */
  private static Ranking.PrivateEntry entry(
      long id, long participant, int minute, double publicMae, Double privateMae, boolean marked) {
    return new Ranking.PrivateEntry(
        id,
        participant,
        T.plusSeconds(60L * minute),
        Map.of("mae", publicMae),
        privateMae == null ? Map.of() : Map.of("mae", privateMae),
        marked);
  }

  private static List<Long> ids(List<Ranking.PrivateEntry> ranked) {
    return ranked.stream().map(Ranking.PrivateEntry::submissionId).toList();
  }

  @Test
  void withoutMarksTheBestKByPublicScoreAreTheCandidates() {
    // Participant 10: public best two are 1 and 2; 3 is best privately but fourth publicly.
    List<Ranking.PrivateEntry> entries =
        List.of(
            entry(1, 10, 0, 0.1, 0.5, false),
            entry(2, 10, 1, 0.2, 0.4, false),
            entry(3, 10, 2, 0.9, 0.0, false),
            entry(4, 20, 3, 0.5, 0.45, false));

    assertEquals(List.of(2L, 4L), ids(Ranking.rankPrivate(entries, "mae", true, 2)));
    assertEquals(List.of(3L, 4L), ids(Ranking.rankPrivate(entries, "mae", true, 3)));
  }

  @Test
  void marksOverrideTheDefault() {
    List<Ranking.PrivateEntry> entries =
        List.of(
            entry(1, 10, 0, 0.1, 0.1, false),
            entry(2, 10, 1, 0.9, 0.8, true),
            entry(3, 20, 2, 0.5, 0.5, false));

    // 10's only mark is 2, privately worse than their unmarked 1: 2 stands, behind 20.
    assertEquals(List.of(3L, 2L), ids(Ranking.rankPrivate(entries, "mae", true, 2)));
  }

  @Test
  void aParticipantWithFewerThanKSubmissionsHasThemAllAsCandidates() {
    List<Ranking.PrivateEntry> entries =
        List.of(entry(1, 10, 0, 0.3, 0.2, false), entry(2, 20, 1, 0.1, 0.6, false));

    assertEquals(List.of(1L, 2L), ids(Ranking.rankPrivate(entries, "mae", true, 5)));
  }

  @Test
  void tiesGoToTheEarlierSubmissionThenTheLowerId() {
    List<Ranking.PrivateEntry> entries =
        List.of(
            // public tie inside participant 10: the earlier (3) is among its best 1
            entry(5, 10, 9, 0.4, 0.9, false),
            entry(3, 10, 1, 0.4, 0.3, false),
            // private tie between participants: the earlier (6) ranks first
            entry(6, 20, 0, 0.1, 0.3, false),
            // same time, same private score: the lower id
            entry(8, 30, 1, 0.1, 0.3, false),
            entry(7, 40, 1, 0.1, 0.3, false));

    assertEquals(List.of(6L, 3L, 7L, 8L), ids(Ranking.rankPrivate(entries, "mae", true, 1)));
  }

  @Test
  void descendingColumnsChooseAndRankHighFirst() {
    List<Ranking.PrivateEntry> entries =
        List.of(
            entry(1, 10, 0, 0.9, 0.1, false),
            entry(2, 10, 1, 0.8, 0.7, false),
            entry(3, 10, 2, 0.1, 1.0, false),
            entry(4, 20, 3, 0.5, 0.5, false));

    assertEquals(List.of(2L, 4L), ids(Ranking.rankPrivate(entries, "mae", false, 2)));
  }

  @Test
  void aParticipantWithoutPrivateScoresOrSubmissionsIsAbsent() {
    // Failed submissions never reach the ranking: participant 30 has only those, so no entry.
    List<Ranking.PrivateEntry> entries =
        List.of(entry(1, 10, 0, 0.1, null, false), entry(2, 20, 1, 0.2, 0.2, false));

    assertEquals(List.of(2L), ids(Ranking.rankPrivate(entries, "mae", true, 2)));
  }
}
