package org.podium.scoring;

import java.util.LinkedHashMap;
import java.util.Map;

/** Named scores of one submission, each a finite number. */
public record Scores(Map<String, Double> values) {

  public Scores {
    for (Map.Entry<String, Double> score : values.entrySet()) {
      if (score.getValue() == null || !Double.isFinite(score.getValue())) {
        throw new ScoringException(
            "The score '" + score.getKey() + "' is not a finite number: write a number.");
      }
    }
    values = Map.copyOf(new LinkedHashMap<>(values));
  }

  public static Scores of(String key, double value) {
    return new Scores(Map.of(key, value));
  }
}
