package org.podium.submission;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the platform fails an attempt (no engine, a registry down, a scoring container that cannot
 * start, a worker lost), the submission runs again after a back-off that doubles from {@code
 * firstDelay} up to {@code maxDelay}. It is given up (INFRA_ERROR) only once it has had at least
 * {@code minAttempts} attempts <em>and</em> the platform has been failing it for {@code window}: an
 * outage shorter than the window fails nothing, and a fault that lasts fails it in bounded time.
 */
public record RetryPolicy(
    Duration firstDelay, Duration maxDelay, int minAttempts, Duration window) {

  public RetryPolicy {
    if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || minAttempts < 1) {
      throw new IllegalArgumentException(
          "a retry policy needs 0 <= first <= max and attempts >= 1");
    }
  }

  /**
   * What follows a platform failure of attempt {@code attempt}: the delay before the next, or empty
   * when the submission is given up.
   *
   * @param failingSince when the platform first failed this submission (now, if this is the first)
   */
  public Optional<Duration> afterFailure(int attempt, Instant failingSince, Instant now) {
    if (attempt >= minAttempts && !now.isBefore(failingSince.plus(window))) {
      return Optional.empty();
    }
    return Optional.of(delay(attempt));
  }

  /** The back-off after attempt {@code attempt} (1-based): first, 2 × first, 4 × first … max. */
  public Duration delay(int attempt) {
    int doublings = Math.max(0, Math.min(attempt - 1, 30));
    Duration delay = firstDelay;
    for (int i = 0; i < doublings && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
