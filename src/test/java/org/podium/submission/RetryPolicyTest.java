package org.podium.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

  private final RetryPolicy policy =
      new RetryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(60), 3, Duration.ofMinutes(15));

  @Test
  void theBackOffDoublesFromTheFirstDelayUpToTheMost() {
    assertEquals(Duration.ofSeconds(5), policy.delay(1));
    assertEquals(Duration.ofSeconds(10), policy.delay(2));
    assertEquals(Duration.ofSeconds(20), policy.delay(3));
    assertEquals(Duration.ofSeconds(40), policy.delay(4));
    assertEquals(Duration.ofSeconds(60), policy.delay(5));
    assertEquals(Duration.ofSeconds(60), policy.delay(1000));
  }

  @Test
  void anOutageShorterThanTheWindowFailsNothingHoweverManyAttemptsItTakes() {
    Instant now = T0;
    for (int attempt = 1; attempt <= 30; attempt++) {
      Optional<Duration> next = policy.afterFailure(attempt, T0, now);
      if (now.isBefore(T0.plus(Duration.ofMinutes(15)))) {
        assertTrue(next.isPresent(), "attempt " + attempt + " at " + now);
        now = now.plus(next.get());
      } else {
        assertTrue(next.isEmpty(), "attempt " + attempt + " at " + now);
        return;
      }
    }
    throw new AssertionError("never gave up");
  }

  @Test
  void itGivesUpOnlyWithBothTheAttemptsUsedAndTheWindowSpent() {
    Instant late = T0.plus(Duration.ofMinutes(16));
    assertTrue(policy.afterFailure(2, T0, late).isPresent(), "too few attempts yet");
    assertTrue(policy.afterFailure(3, T0, T0.plusSeconds(30)).isPresent(), "window not spent");
    assertTrue(policy.afterFailure(3, T0, late).isEmpty());
    assertTrue(policy.afterFailure(3, T0, T0.plus(Duration.ofMinutes(15))).isEmpty());
  }

  @Test
  void withoutAWindowItIsTheAttemptsAlone() {
    RetryPolicy attemptsOnly =
        new RetryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(60), 3, Duration.ZERO);
    assertEquals(Optional.of(Duration.ofSeconds(5)), attemptsOnly.afterFailure(1, T0, T0));
    assertEquals(Optional.of(Duration.ofSeconds(10)), attemptsOnly.afterFailure(2, T0, T0));
    assertEquals(Optional.empty(), attemptsOnly.afterFailure(3, T0, T0));
  }

  @Test
  void anImpossiblePolicyIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(5), 3, Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(5), 0, Duration.ZERO));
  }
}
