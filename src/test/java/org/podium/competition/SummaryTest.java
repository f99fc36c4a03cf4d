package org.podium.competition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SummaryTest {

  @Test
  void theFirstParagraphThatIsNotAHeadingAsPlainText() {
    assertEquals(
        "Predict each line's length; see the rules.",
        Summary.of(
            "# Lines\n\nPredict each line's **length**;\nsee [the rules](https://x.org).\n\nMore."));
  }

  @Test
  void scriptsAndTagsAreLeftOut() {
    assertEquals(
        "Scored by MAE.", Summary.of("Scored by MAE. <script>document.title='x'</script>"));
  }

  @Test
  void aLongParagraphIsCutAtAWord() {
    String summary = Summary.of("word ".repeat(100));
    assertTrue(summary.length() <= Summary.LENGTH + 1, summary);
    assertTrue(summary.endsWith("word…"), summary);
  }

  @Test
  void noDescriptionNoSummary() {
    assertEquals("", Summary.of(""));
    assertEquals("", Summary.of(null));
  }
}
