package org.podium.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

  @Test
  void whyItEndedIsSaidOnlyWhenItSaysMoreThanTheWords() {
    var cancelled = submission("CANCELLED", "CANCELLED", null, "cancelled");
    assertNull(SubmissionText.why(cancelled), "\"cancelled\" under \"Cancelled\"");
    assertEquals("CANCELLED", SubmissionText.tooltip(cancelled));
    var exited = submission("FAILED", "FAILED", 2, "exited with code 2");
    assertNull(SubmissionText.why(exited), "the words say the exit code");
    assertEquals("FAILED", SubmissionText.tooltip(exited));
    assertNull(SubmissionText.why(submission("FINISHED", "SUCCEEDED", 0, null)));
    assertNull(SubmissionText.why(submission("RUNNING", null, null, " ")));
    var timedOut =
        submission(
            "FAILED", "TIMED_OUT", null, "still running after the time limit of 60 s: stopped");
    assertEquals(
        "still running after the time limit of 60 s: stopped", SubmissionText.why(timedOut));
    assertEquals(
        "Still running after the time limit of 60 s: stopped.",
        new SubmissionText().reason(timedOut),
        "a sentence on the page");
    assertNull(new SubmissionText().reason(cancelled));
    var memory =
        submission(
            "FAILED",
            "OUT_OF_MEMORY",
            137,
            "killed for using more than its memory limit of 128 MiB");
    assertEquals(
        "killed for using more than its memory limit of 128 MiB", SubmissionText.why(memory));
    assertEquals(
        "waiting for a Docker engine: connection refused",
        SubmissionText.why(
            submission(
                "SUBMITTED", null, null, "waiting for a Docker engine: connection refused")));
    assertEquals(
        "scoring: no predictions.csv",
        SubmissionText.why(submission("FAILED", "SUCCEEDED", 0, "scoring: no predictions.csv")));
  }
}
