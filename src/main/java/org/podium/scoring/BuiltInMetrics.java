package org.podium.scoring;

import static org.podium.files.Bytes.MIB;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Podium's own metrics over two CSV files of {@code id,value} rows (a header row {@code id,…} is
 * skipped): accuracy and macro-F1 compare labels, RMSE and MAE compare numbers.
 */
public final class BuiltInMetrics {

  private static final long MAX_FILE_BYTES = 512 * MIB;

  private BuiltInMetrics() {}

  public static Scores score(Metric metric, Path truthFile, Path predictionsFile) {
    Map<String, String> truth = read(truthFile, "the reference data's " + truthFile.getFileName());
    Map<String, String> predicted = read(predictionsFile, predictionsFile.getFileName().toString());
    for (String id : truth.keySet()) {
      if (!predicted.containsKey(id)) {
        throw new ScoringException(
            predictionsFile.getFileName() + " has no row for id '" + id + "'");
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

  private static double accuracy(Map<String, String> truth, Map<String, String> predicted) {
    long right =
        truth.entrySet().stream()
            .filter(e -> e.getValue().equals(predicted.get(e.getKey())))
            .count();
    return (double) right / truth.size();
  }

  private static double macroF1(Map<String, String> truth, Map<String, String> predicted) {
    Set<String> labels = new TreeSet<>(truth.values());
    double sum = 0;
    for (String label : labels) {
      long tp = 0;
      long fp = 0;
      long fn = 0;
      for (Map.Entry<String, String> row : truth.entrySet()) {
        boolean isLabel = row.getValue().equals(label);
        boolean saidLabel = predicted.get(row.getKey()).equals(label);
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
      Map<String, String> truth, Map<String, String> predicted, boolean squared) {
    double sum = 0;
    for (Map.Entry<String, String> row : truth.entrySet()) {
      double error =
          number(predicted.get(row.getKey()), row.getKey()) - number(row.getValue(), row.getKey());
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
      throw new ScoringException("the value for id '" + id + "' is not a number: '" + text + "'");
    }
  }

  private static Map<String, String> read(Path file, String name) {
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new ScoringException(name + " is missing");
      }
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new ScoringException(name + " is larger than " + MAX_FILE_BYTES / MIB + " MiB");
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      Map<String, String> rows = new LinkedHashMap<>();
      Map<String, Integer> lineOf = new HashMap<>();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || (i == 0 && line.toLowerCase().startsWith("id,"))) {
          continue;
        }
        int comma = line.indexOf(',');
        if (comma < 1) {
          throw new ScoringException(name + " line " + (i + 1) + " is not 'id,value'");
        }
        String id = line.substring(0, comma).strip();
        if (rows.put(id, line.substring(comma + 1).strip()) != null) {
          throw new ScoringException(
              name
                  + " has id '"
                  + id
                  + "' twice (lines "
                  + lineOf.get(id)
                  + " and "
                  + (i + 1)
                  + ")");
        }
        lineOf.put(id, i + 1);
      }
      if (rows.isEmpty()) {
        throw new ScoringException(name + " has no rows");
      }
      return rows;
    } catch (java.nio.charset.MalformedInputException e) {
      throw new ScoringException(name + " is not UTF-8 text");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
