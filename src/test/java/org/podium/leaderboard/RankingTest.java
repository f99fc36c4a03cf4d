package org.podium.leaderboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingTest {

  private static final Instant T = Instant.parse("2026-11-28T00:00:00Z");

  private static Ranking.Entry entry(long id, long participant, int minute, Double mae) {
    return new Ranking.Entry(
        id,
        participant,
        T.plusSeconds(60L * minute),
        mae == null ? Map.of("other", 1.0) : Map.of("mae", mae));
  }

  private static List<Long> ids(List<Ranking.Entry> ranked) {
    return ranked.stream().map(Ranking.Entry::submissionId).toList();
  }

  @Test
  void eachParticipantsBestEntryRanksAscendingForErrors() {
    List<Ranking.Entry> entries =
        List.of(
            entry(1, 10, 0, 0.5),
            entry(2, 10, 1, 0.2),
            entry(3, 20, 2, 0.3),
            entry(4, 30, 3, null));

    assertEquals(List.of(2L, 3L), ids(Ranking.rank(entries, "mae", true)));
  }

  @Test
  void descendingColumnsRankHighFirst() {
    List<Ranking.Entry> entries = List.of(entry(1, 10, 0, 0.5), entry(2, 20, 1, 0.9));

    assertEquals(List.of(2L, 1L), ids(Ranking.rank(entries, "mae", false)));
  }

  @Test
  void tiesGoToTheEarlierSubmission() {
    List<Ranking.Entry> entries =
        List.of(entry(5, 10, 9, 0.4), entry(6, 20, 3, 0.4), entry(7, 10, 1, 0.4));

    assertEquals(List.of(7L, 6L), ids(Ranking.rank(entries, "mae", true)));
  }
}
