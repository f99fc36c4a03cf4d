package org.podium.competition;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/**
 * What a phase allows each run and each participant: the run's wall time, memory, CPUs and GPUs,
 * and the submission quotas (null: none). The one place of their defaults ({@link #DEFAULTS}) and
 * their rules (the constraints, checked by {@link Competitions} for the API and the pages alike).
 */
public record PhaseSettings(
    @Positive(message = "must be at least 1 second")
        @Max(value = MAX_TIME_LIMIT_SECONDS, message = "must be at most 604800 seconds (7 days)")
        int executionTimeLimitSeconds,
    @Positive(message = "must be at least 1, or left out for no limit") Integer maxSubmissions,
    @Positive(message = "must be at least 1, or left out for no limit")
        Integer maxSubmissionsPerDay,
    @Min(value = MIN_MEMORY_MB, message = "must be at least 16 MiB") int memoryMb,
    @NotNull
        @DecimalMin(value = "0", inclusive = false, message = "must be more than 0, such as 1.5")
        @DecimalMax(value = "256", message = "must be at most 256")
        BigDecimal cpus,
    @PositiveOrZero(message = "cannot be negative") int gpus) {

  public static final int MAX_TIME_LIMIT_SECONDS = 7 * 24 * 3600;

  public static final int MIN_MEMORY_MB = 16;

  /** How many final submissions a participant may mark by default (Kaggle's 2), and at most. */
  public static final int DEFAULT_FINAL_SUBMISSIONS = 2;

  public static final int MAX_FINAL_SUBMISSIONS = 20;

  /** A new phase's: 10 minutes, 2 GiB, one CPU, no GPU, no quota. */
  public static final PhaseSettings DEFAULTS =
      new PhaseSettings(600, null, null, 2048, BigDecimal.ONE, 0);

  /** The settings a request gives, each value it leaves out (null) taken from {@link #DEFAULTS}. */
  public static PhaseSettings of(
      Integer executionTimeLimitSeconds,
      Integer maxSubmissions,
      Integer maxSubmissionsPerDay,
      Integer memoryMb,
      BigDecimal cpus,
      Integer gpus) {
    return new PhaseSettings(
        executionTimeLimitSeconds == null
            ? DEFAULTS.executionTimeLimitSeconds
            : executionTimeLimitSeconds,
        maxSubmissions,
        maxSubmissionsPerDay,
        memoryMb == null ? DEFAULTS.memoryMb : memoryMb,
        cpus == null ? DEFAULTS.cpus : cpus,
        gpus == null ? DEFAULTS.gpus : gpus);
  }
}
