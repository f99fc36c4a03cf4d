package org.podium.compute;

/** How a run ended. Only {@link #INFRA_ERROR} is the platform's fault, and only it is retried. */
public enum RunOutcome {
  /** Exited 0 within every limit. */
  SUCCEEDED,
  /** Exited non-zero. */
  FAILED,
  /** Still running when its time limit expired; killed. */
  TIMED_OUT,
  /** Killed by the kernel for exceeding its memory limit. */
  OUT_OF_MEMORY,
  /** Wrote more to /mnt/out than its size or file-count limit. */
  OUTPUT_LIMIT,
  /** Cancelled by a person; killed. */
  CANCELLED,
  /** The engine or the image failed the platform (unreachable engine, failed pull): retryable. */
  INFRA_ERROR;

  public boolean isPlatformFault() {
    return this == INFRA_ERROR;
  }
}
