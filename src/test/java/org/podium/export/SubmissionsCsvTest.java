package org.podium.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class SubmissionsCsvTest {

  private static ExportRow row(String team, Map<String, Double> scores) {
    String[] metadata = new String[8];
    metadata[0] = team;
    return new ExportRow(
        7,
        "alice",
        Arrays.asList(metadata),
        "DOCKER",
        "+img",
        null,
        "FAILED",
        "NON_ZERO_EXIT",
        "@detail",
        -1,
        2,
        Instant.parse("2026-01-02T03:04:05.678Z"),
        null,
        null,
        -5L,
        null,
        scores);
  }

  private static CSVRecord written(ExportRow row, List<String> keys) throws Exception {
    StringWriter out = new StringWriter();
    SubmissionsCsv csv = SubmissionsCsv.to(out, keys);
    csv.write(row);
    csv.flush();
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .get()
        .parse(new StringReader(out.toString()))
        .getRecords()
        .get(0);
  }

  @Test
  void textAFormulaCouldStartGetsALeadingQuoteAndNumbersStayNumbers() throws Exception {
    for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
      CSVRecord record = written(row(formula, Map.of()), List.of());
      assertEquals("'" + formula, record.get("team_name"), formula);
    }
    CSVRecord record = written(row("plain = fine", Map.of("mae", -0.25)), List.of("mae"));
    assertEquals("plain = fine", record.get("team_name"));
    assertEquals("'+img", record.get("image"));
    assertEquals("'@detail", record.get("detail"));
    assertEquals("-1", record.get("exit_code"), "a number is not text");
    assertEquals("-5", record.get("wall_ms"));
    assertEquals("-0.25", record.get("score:mae"));
    assertEquals("2026-01-02T03:04:05.678Z", record.get("submitted_at"));
    assertEquals("", record.get("started_at"));
  }

  @Test
  void scoreColumnsAreTheLeaderboardsInOrderThenEveryOtherKeyByName() {
    assertEquals(
        List.of("f1", "accuracy", "a_extra", "z_extra"),
        SubmissionsCsv.scoreKeys(
            List.of("f1", "accuracy"), List.of("z_extra", "accuracy", "a_extra", "f1")));
  }

  @Test
  void aMissingScoreIsAnEmptyCell() throws Exception {
    CSVRecord record = written(row("t", Map.of("mae", 1.0)), List.of("mae", "rmse"));
    assertEquals("1.0", record.get("score:mae"));
    assertEquals("", record.get("score:rmse"));
  }
}
