package org.podium.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuotaUsedMapperTest {

  private static final Instant NOW = Instant.parse("2030-01-31T23:59:00.250Z");

  @Test
  void retryAfterIsTheWholeSecondsUntilTheQuotaResets() {
    assertEquals(
        60,
        QuotaUsedMapper.retryAfter(
            Problem.quotaUsed("today's used", Instant.parse("2030-02-01T00:00:00Z")), NOW));
    assertEquals(1, QuotaUsedMapper.retryAfter(Problem.quotaUsed("x", NOW.minusSeconds(5)), NOW));
  }

  @Test
  void aQuotaThatNeverResetsSaysADay() {
    assertEquals(86_400, QuotaUsedMapper.retryAfter(Problem.quotaUsed("all used", null), NOW));
  }
}
