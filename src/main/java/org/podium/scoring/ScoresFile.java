package org.podium.scoring;

import static org.podium.files.Bytes.MIB;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a scoring container wrote: {@code scores.json} (an object of numbers) or CodaLab's
 * {@code scores.txt} ({@code key: value} lines).
 */
public final class ScoresFile {

  private static final long MAX_BYTES = MIB;

  private ScoresFile() {}

  public static Scores read(Path outputDir) {
    Path json = outputDir.resolve("scores.json");
    Path text = outputDir.resolve("scores.txt");
    if (Files.isRegularFile(json, LinkOption.NOFOLLOW_LINKS)) {
      return json(json);
    }
    if (Files.isRegularFile(text, LinkOption.NOFOLLOW_LINKS)) {
      return text(text);
    }
    throw new ScoringException(
        "The scoring program wrote neither scores.json nor scores.txt to its output: make it"
            + " write one.");
  }

  private static Scores json(Path file) {
    checkSize(file);
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        JsonReader json = Json.createReader(reader)) {
      JsonObject object = json.readObject();
      Map<String, Double> values = new LinkedHashMap<>();
      object.forEach(
          (key, value) -> {
            if (value.getValueType() == JsonValue.ValueType.NUMBER) {
              values.put(key, ((JsonNumber) value).doubleValue());
            }
          });
      return new Scores(values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      if (e instanceof ScoringException scoring) {
        throw scoring;
      }
      throw new ScoringException(
          "The file scores.json is not a JSON object of numbers ("
              + e.getMessage()
              + "): write one such as {\"accuracy\": 0.9}.");
    }
  }

  private static Scores text(Path file) {
    checkSize(file);
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      Map<String, Double> values = new LinkedHashMap<>();
      for (String line : lines) {
        int colon = line.indexOf(':');
        if (line.isBlank() || colon < 1) {
          continue;
        }
        String key = line.substring(0, colon).strip();
        String value = line.substring(colon + 1).strip();
        try {
          values.put(key, Double.parseDouble(value));
        } catch (NumberFormatException notANumber) {
          // CodaLab allows non-numeric lines (e.g. Duration notes); only numbers are scores
        }
      }
      return new Scores(values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void checkSize(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new ScoringException(
            "The file " + file.getFileName() + " is larger than 1 MiB: write fewer scores.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
