package org.podium.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmissionTextTest {

  private static SubmissionView submission(
      String status, String outcome, Integer exit, String detail) {
    return new SubmissionView(
        12,
        1,
        2,
        "Dev",
        "ada",
        "DOCKER",
        status,
        outcome,
        detail,
        exit,
        "img",
        null,
        1,
        Instant.EPOCH,
        null,
        null,
        null,
        null,
        null,
        Map.of(),
        null,
        false,
        null);
  }

  @Test
  void statusesReadAsWordsOnOneLineWithTheCodeForTheTooltip() {
    assertEquals("Waiting", SubmissionText.status(submission("SUBMITTED", null, null, null)));
    assertEquals("Running", SubmissionText.status(submission("RUNNING", null, null, null)));
    assertEquals("Finished", SubmissionText.status(submission("FINISHED", "SUCCEEDED", 0, null)));
    var timedOut = submission("FAILED", "TIMED_OUT", null, "stopped after 60 s");
    assertEquals("Timed out", SubmissionText.status(timedOut));
    assertEquals("FAILED · TIMED_OUT — stopped after 60 s", SubmissionText.tooltip(timedOut));
    var cancelled = submission("CANCELLED", "CANCELLED", null, "cancelled");
    assertEquals("Cancelled", SubmissionText.status(cancelled));
    assertEquals("CANCELLED", SubmissionText.code(cancelled));
    assertEquals(
        "Failed (exit code 2)", SubmissionText.status(submission("FAILED", "FAILED", 2, null)));
    assertEquals(
        "Out of memory", SubmissionText.status(submission("FAILED", "OUT_OF_MEMORY", 137, null)));
  }
}
