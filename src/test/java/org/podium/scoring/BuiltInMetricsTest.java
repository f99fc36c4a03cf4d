package org.podium.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltInMetricsTest {

  @TempDir Path dir;

  private double score(Metric metric, String truth, String predictions) throws Exception {
    Path t = Files.writeString(dir.resolve("truth.csv"), truth);
    Path p = Files.writeString(dir.resolve("predictions.csv"), predictions);
    return BuiltInMetrics.score(metric, t, p).values().get(metric.key());
  }

  @Test
  void accuracyCountsMatchingLabels() throws Exception {
    assertEquals(
        0.75, score(Metric.ACCURACY, "id,label\n1,a\n2,b\n3,a\n4,b\n", "4,b\n3,a\n2,a\n1,a\n"));
  }

  @Test
  void macroF1AveragesPerLabelF1() throws Exception {
    // label a: tp=2 fp=1 fn=0 -> 0.8; label b: tp=1 fp=0 fn=1 -> 0.6667
    assertEquals(
        (0.8 + 2.0 / 3) / 2,
        score(Metric.MACRO_F1, "1,a\n2,b\n3,a\n4,b\n", "1,a\n2,a\n3,a\n4,b\n"),
        1e-12);
  }

  @Test
  void rmseAndMae() throws Exception {
    assertEquals(Math.sqrt((1 + 9) / 2.0), score(Metric.RMSE, "1,3\n2,5\n", "1,4\n2,2\n"), 1e-12);
    assertEquals(2.0, score(Metric.MAE, "1,3\n2,5\n", "1,4\n2,2\n"), 1e-12);
  }

  @Test
  void missingIdsAndBadNumbersSayWhichRow() {
    ScoringException missing =
        assertThrows(ScoringException.class, () -> score(Metric.MAE, "1,3\n2,5\n", "1,4\n"));
    assertEquals(
        "The file predictions.csv has no row for id '2': write a row for every id of the input.",
        missing.getMessage());
    ScoringException bad =
        assertThrows(ScoringException.class, () -> score(Metric.MAE, "1,3\n", "1,four\n"));
    assertEquals(
        "The value for id '1' is not a number ('four'): write a number there.", bad.getMessage());
    ScoringException twice =
        assertThrows(ScoringException.class, () -> score(Metric.MAE, "1,3\n", "1,4\n1,5\n"));
    assertEquals(
        "The file predictions.csv has id '1' twice (lines 1 and 2): keep one of them.",
        twice.getMessage());
  }

  private String refusal(String truth, String predictions) {
    return assertThrows(ScoringException.class, () -> score(Metric.MAE, truth, predictions))
        .getMessage();
  }

  @Test
  void quotedFieldsSpacesCrlfAndAByteOrderMarkAreRead() throws Exception {
    assertEquals(
        0.5,
        score(
            Metric.MAE,
            "id,value\r\n1,3\r\n2,4\r\n",
            "\uFEFFid,value\r\n\"1\", 3.5 \r\n 2 ,\"4.5\"\r\n"),
        1e-12);
  }

  @Test
  void aPredictionsFileWithMoreRowsThanTheReferenceIsRefusedAtItsFirstRowTooMany() {
    assertEquals(
        "In predictions.csv, line 3 has id '3', which is not an id of the reference data: remove"
            + " that line.",
        refusal("1,3\n2,4\n", "1,3\n2,4\n3,5\n"));
    assertEquals(
        "The file predictions.csv has id '2' twice (lines 2 and 3): keep one of them.",
        refusal("1,3\n2,4\n", "1,3\n2,4\n2,4\n"));
  }

  @Test
  void aNulCharacterIsRefusedWithItsLine() {
    assertEquals(
        "In predictions.csv, line 2 holds a NUL character: remove it.",
        refusal("1,3\n2,4\n", "1,3\n2\u0000,4\n"));
  }

  @Test
  void badQuotingIsRefusedWithItsLine() {
    assertEquals(
        "The file predictions.csv is not valid CSV: a character after a closing quote on line 2.",
        refusal("1,3\n2,4\n", "1,3\n2,\"4\"5\n"));
    assertEquals(
        "The file predictions.csv is not valid CSV: the quote opened on line 2 is never closed.",
        refusal("1,3\n2,4\n", "1,3\n2,\"4\n"));
  }

  @Test
  void rowsThatAreNotIdCommaValueAreRefusedWithTheirLine() {
    assertEquals(
        "In predictions.csv, line 2 has 3 columns: write two, id,value.",
        refusal("1,3\n2,4\n", "1,3\n2,4,5\n"));
    assertEquals(
        "In predictions.csv, line 1 has 1 columns: write two, id,value.", refusal("1,3\n", "1\n"));
    assertEquals(
        "In truth.csv of the reference data, line 2 has 3 columns: write two, id,value.",
        refusal("1,3\n2,4,x\n", "1,3\n2,4\n"));
    assertEquals(
        "In predictions.csv, line 1 has no id: give every line one.", refusal("1,3\n", ",3\n"));
  }

  @Test
  void whatAParticipantWroteIsShownShortAndWithoutControlCharacters() {
    assertEquals(
        "The value for id '1' is not a number ('x?y'): write a number there.",
        refusal("1,3\n", "1,x\u0007y\n"));
    assertEquals(
        "The value for id '1' is not a number ('" + "9".repeat(39) + "z…'): write a number there.",
        refusal("1,3\n", "1," + "9".repeat(39) + "z" + "9".repeat(100) + "\n"));
  }

  @Test
  void scoresFilesInBothFormats() throws Exception {
    Files.writeString(dir.resolve("scores.txt"), "accuracy: 0.9\nDuration: n/a\nf1:0.5\n");
    assertEquals(java.util.Map.of("accuracy", 0.9, "f1", 0.5), ScoresFile.read(dir).values());
    Files.writeString(dir.resolve("scores.json"), "{\"accuracy\": 0.8, \"note\": \"x\"}");
    assertEquals(java.util.Map.of("accuracy", 0.8), ScoresFile.read(dir).values());
  }
}
