package org.podium.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubmissionDetailsTest {

  @Test
  void aShortLogIsShownWhole() {
    assertEquals("wrote 2 predictions\n", SubmissionPage.tail("wrote 2 predictions\n"));
  }

  @Test
  void aLongLogShowsItsEndFromALineStart() {
    StringBuilder log = new StringBuilder();
    for (int line = 0; line < 5000; line++) {
      log.append("line ").append(line).append('\n');
    }
    String tail = SubmissionPage.tail(log.toString());
    assertTrue(tail.length() <= SubmissionPage.TAIL_CHARS);
    assertTrue(tail.startsWith("line "), tail.substring(0, 20));
    assertTrue(tail.endsWith("line 4999\n"));
  }
}
