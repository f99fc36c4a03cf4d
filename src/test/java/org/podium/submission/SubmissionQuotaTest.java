package org.podium.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubmissionQuotaTest {

  private static final Instant MIDNIGHT = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void saysWhatIsLeftTodayAndInAll() {
    assertEquals(
        "3 of 5 submissions left today in phase 'Dev' (resets at 00:00 UTC); 17 of 20 left in all.",
        new SubmissionQuota("Dev", 5, 2, 20, 3, MIDNIGHT).sentence());
    assertEquals(
        "0 of 1 submission left today in phase 'Dev' (resets at 00:00 UTC).",
        new SubmissionQuota("Dev", 1, 1, null, 0, MIDNIGHT).sentence());
    assertEquals(
        "4 of 5 submissions left in all in phase 'Dev'.",
        new SubmissionQuota("Dev", null, 0, 5, 1, MIDNIGHT).sentence());
    assertEquals(
        "No limit on submissions in phase 'Dev'.",
        new SubmissionQuota("Dev", null, 0, null, 0, MIDNIGHT).sentence());
    assertTrue(new SubmissionQuota("Dev", 1, 1, null, 0, MIDNIGHT).usedUp());
  }
}
