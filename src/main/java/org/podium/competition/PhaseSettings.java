package org.podium.competition;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
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
    @Positive(message = "The time limit must be at least 1 second.")
        @Max(
            value = MAX_TIME_LIMIT_SECONDS,
            message = "The time limit can be at most 604,800 seconds (7 days): lower it.")
        int executionTimeLimitSeconds,
    @Positive(message = QUOTA) Integer maxSubmissions,
    @Positive(message = QUOTA) Integer maxSubmissionsPerDay,
    @Min(value = MIN_MEMORY_MB, message = "Give the runs at least 16 MiB of memory.") int memoryMb,
    @NotNull
        @DecimalMin(
            value = "0",
            inclusive = false,
            message = "Give the runs more than 0 CPUs, such as 1.5.")
        @DecimalMax(value = "256", message = "Give the runs at most 256 CPUs.")
        @Digits(
            integer = 3,
            fraction = 2,
            message = "Give CPUs with at most two decimals, such as 1.25.")
        BigDecimal cpus,
    @PositiveOrZero(message = "Give 0 GPUs or more.") int gpus) {

  static final String QUOTA = "Give a quota of at least 1, or leave it empty for no limit.";

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
