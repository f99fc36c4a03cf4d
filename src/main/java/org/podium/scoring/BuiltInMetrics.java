package org.podium.scoring;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.podium.scoring.IdValueFile.Row;

/**
 * Podium's own metrics over two CSV files of {@code id,value} rows (a header row {@code id,…} is
 * skipped): accuracy and macro-F1 compare labels, RMSE and MAE compare numbers. The reference
 * data's rows are read first; the predictions are then streamed, and only rows for the reference's
 * ids are kept, at most one each: memory holds the reference's rows twice at most, whatever the
 * participant wrote (see {@link IdValueFile}).
 */
public final class BuiltInMetrics {

  private BuiltInMetrics() {}

  public static Scores score(Metric metric, Path truthFile, Path predictionsFile) {
    Map<String, Row> truth =
        IdValueFile.read(
            truthFile, truthFile.getFileName() + " of the reference data", id -> true, id -> "");
    String predictionsName = predictionsFile.getFileName().toString();
    Map<String, Row> predicted =
        IdValueFile.read(
            predictionsFile,
            predictionsName,
            truth::containsKey,
            id -> "has id " + id + ", which is not an id of the reference data: remove that line");
    for (String id : truth.keySet()) {
      if (!predicted.containsKey(id)) {
        throw new ScoringException(
            "The file "
                + predictionsName
                + " has no row for id "
                + IdValueFile.quote(id)
                + ": write a row for every id of the input.");
      }
    }
    double value =
        switch (metric) {
          case ACCURACY -> accuracy(truth, predicted);
          case MACRO_F1 -> macroF1(truth, predicted);
          case RMSE -> Math.sqrt(meanOf(truth, predicted, true));
          case MAE -> meanOf(truth, predicted, false);
        };
    return Scores.of(metric.key(), value);
  }

  private static double accuracy(Map<String, Row> truth, Map<String, Row> predicted) {
    long right =
        truth.entrySet().stream()
            .filter(e -> e.getValue().value().equals(predicted.get(e.getKey()).value()))
            .count();
    return (double) right / truth.size();
  }

  private static double macroF1(Map<String, Row> truth, Map<String, Row> predicted) {
    Set<String> labels = new TreeSet<>();
    truth.values().forEach(row -> labels.add(row.value()));
    double sum = 0;
    for (String label : labels) {
      long tp = 0;
      long fp = 0;
      long fn = 0;
      for (Map.Entry<String, Row> row : truth.entrySet()) {
        boolean isLabel = row.getValue().value().equals(label);
        boolean saidLabel = predicted.get(row.getKey()).value().equals(label);
        if (isLabel && saidLabel) {
          tp++;
        } else if (saidLabel) {
          fp++;
        } else if (isLabel) {
          fn++;
        }
      }
      sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
    return sum / labels.size();
  }

  private static double meanOf(
      Map<String, Row> truth, Map<String, Row> predicted, boolean squared) {
    double sum = 0;
    for (Map.Entry<String, Row> row : truth.entrySet()) {
      double error =
          number(predicted.get(row.getKey()).value(), row.getKey())
              - number(row.getValue().value(), row.getKey());
      sum += squared ? error * error : Math.abs(error);
    }
    return sum / truth.size();
  }

  private static double number(String text, String id) {
    try {
      double value = Double.parseDouble(text);
      if (!Double.isFinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ScoringException(
          "The value for id "
              + IdValueFile.quote(id)
              + " is not a number ("
              + IdValueFile.quote(text)
              + "): write a number there.");
    }
  }
}
