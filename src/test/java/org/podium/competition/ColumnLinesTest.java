package org.podium.competition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.podium.competition.CompetitionRequests.ColumnRequest;
import org.podium.competition.CompetitionViews.ColumnView;
import org.podium.platform.problem.Problem;

class ColumnLinesTest {

  @Test
  void readsEveryPartAndDefaultsTheOnesLeftOut() {
    assertEquals(
        List.of(
            new ColumnRequest("f1", "F1 score", "desc", 3, true),
            new ColumnRequest("latency", "latency", "asc", null, false),
            new ColumnRequest("recall", "recall", "desc", null, false)),
        ColumnLines.parse("f1, F1 score, desc, 3, primary\n\n latency,,ASC \r\nrecall\n"));
  }

  @Test
  void aSingleColumnIsThePrimaryOne() {
    assertEquals(
        List.of(new ColumnRequest("mae", "MAE", "asc", null, true)),
        ColumnLines.parse("mae, MAE, asc"));
    assertEquals(List.of(), ColumnLines.parse("  \n "));
  }

  @Test
  void formatReadsBackToTheSameColumns() {
    List<ColumnView> columns =
        List.of(
            new ColumnView("f1", "F1", "desc", 3, true),
            new ColumnView("time", "Time (s)", "asc", 1, false));
    assertEquals(
        List.of(
            new ColumnRequest("f1", "F1", "desc", 3, true),
            new ColumnRequest("time", "Time (s)", "asc", 1, false)),
        ColumnLines.parse(ColumnLines.format(columns)));
  }

  @Test
  void refusalsNameTheLineAndWhatToChange() {
    assertEquals(
        "Line 2 sorts 'asc' (lower is better) or 'desc' (higher is better), not 'up'.",
        refusal("f1\nrecall, Recall, up"));
    assertEquals(
        "Line 1 gives decimals as a number from 0 to 10, not 'four'.",
        refusal("f1, F1, desc, four"));
    assertEquals("Line 1 ends with 'primary' or nothing, not 'main'.", refusal("f1,,,, main"));
    assertEquals(
        "Line 1 needs a key of letters, digits, '_', '.' or '-' first (at most 64).",
        refusal("my score, x"));
    assertEquals(
        "Line 1 has more than five parts: give key, label, asc|desc, decimals, primary.",
        refusal("a,b,asc,1,primary,x"));
  }

  private static String refusal(String text) {
    Problem problem = assertThrows(Problem.class, () -> ColumnLines.parse(text));
    return problem.fieldErrors().get("columns");
  }
}
