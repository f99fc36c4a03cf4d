package org.podium.leaderboard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RankedPhasesTest {

  private final RankedPhases kept = new RankedPhases();
  private final AtomicInteger rankings = new AtomicInteger();

  private Supplier<List<Leaderboard.Row>> ranking(long submissionId) {
    return () -> {
      rankings.incrementAndGet();
      return List.of(
          new Leaderboard.Row(1, "p", null, null, submissionId, Map.of("mae", 0.1), null, 1));
    };
  }

  @Test
  void aPhaseIsRankedAgainOnlyWhenItsRevisionMoves() {
    List<Leaderboard.Row> first = kept.rows(7, Board.PUBLIC, 3, "mae", true, ranking(1));
    assertSame(first, kept.rows(7, Board.PUBLIC, 3, "mae", true, ranking(2)));
    assertEquals(1, rankings.get());

    assertEquals(2, kept.rows(7, Board.PUBLIC, 4, "mae", true, ranking(2)).get(0).submissionId());
    assertEquals(2, rankings.get());
    // a request that read an older revision takes the newer rows rather than ranking again
    assertEquals(2, kept.rows(7, Board.PUBLIC, 3, "mae", true, ranking(9)).get(0).submissionId());
    assertEquals(2, rankings.get());
  }

  @Test
  void boardsAndPrimaryColumnsAreRankedApart() {
    kept.rows(7, Board.PUBLIC, 1, "mae", true, ranking(1));
    kept.rows(7, Board.PRIVATE, 1, "mae", true, ranking(2));
    kept.rows(7, Board.PUBLIC, 1, "rmse", true, ranking(3));
    kept.rows(7, Board.PUBLIC, 1, "rmse", false, ranking(4));
    assertEquals(4, rankings.get());
  }

  @Test
  void manyReadersAfterAChangeCostOneRanking() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Supplier<List<Leaderboard.Row>> slow =
        () -> {
          inside.countDown();
          try {
            release.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return ranking(5).get();
        };
    List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExecutorService readers =
        Executors.newFixedThreadPool(
            8,
            task -> {
              Thread thread = new Thread(task);
              threads.add(thread);
              return thread;
            });
    try {
      List<Future<List<Leaderboard.Row>>> answers = new ArrayList<>();
      answers.add(readers.submit(() -> kept.rows(7, Board.PUBLIC, 1, "mae", true, slow)));
      inside.await(5, TimeUnit.SECONDS);
      for (int i = 0; i < 7; i++) {
        answers.add(readers.submit(() -> kept.rows(7, Board.PUBLIC, 1, "mae", true, ranking(6))));
      }
      // the seven wait for the first, at the phase's lock
      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  threads.stream().filter(t -> t.getState() == Thread.State.BLOCKED).count() == 7);
      release.countDown();
      for (Future<List<Leaderboard.Row>> answer : answers) {
        assertEquals(5, answer.get(5, TimeUnit.SECONDS).get(0).submissionId());
      }
      assertEquals(1, rankings.get());
    } finally {
      readers.shutdownNow();
    }
  }
}
