package org.podium.scoring;

import java.nio.file.Path;

/**
 * Scores one predictions file with a built-in metric and prints the score or the refusal: run in a
 * child JVM with a small heap by {@link BuiltInMetricsMemoryTest}.
 */
public final class SmallHeapScoring {

  private SmallHeapScoring() {}

  public static void main(String[] args) {
    try {
      Scores scores =
          BuiltInMetrics.score(Metric.valueOf(args[0]), Path.of(args[1]), Path.of(args[2]));
      System.out.println("score " + scores.values().get(Metric.valueOf(args[0]).key()));
    } catch (ScoringException e) {
      System.out.println("refused " + e.getMessage());
    }
  }
}
