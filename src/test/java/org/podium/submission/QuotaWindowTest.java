package org.podium.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The daily quota's window: a UTC day, reset at the next UTC midnight, whatever the hour. */
class QuotaWindowTest {

  @Test
  void theDayIsTheUtcDayAndTheQuotaResetsAtTheNextUtcMidnight() {
    Instant lateEvening = Instant.parse("2026-11-29T23:59:59.999Z");
    assertEquals(Instant.parse("2026-11-29T00:00:00Z"), Submissions.dayStart(lateEvening));
    assertEquals(Instant.parse("2026-11-30T00:00:00Z"), Submissions.quotaResetsAt(lateEvening));

    Instant midnight = Instant.parse("2026-11-30T00:00:00Z");
    assertEquals(midnight, Submissions.dayStart(midnight), "midnight starts its own day");
    assertEquals(Instant.parse("2026-12-01T00:00:00Z"), Submissions.quotaResetsAt(midnight));

    Instant leapDay = Instant.parse("2028-02-29T12:00:00Z");
    assertEquals(Instant.parse("2028-03-01T00:00:00Z"), Submissions.quotaResetsAt(leapDay));
  }
}
