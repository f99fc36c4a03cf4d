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
  /** Never started: the registry answered that the image does not exist or may not be pulled. */
  IMAGE_UNAVAILABLE,
  /** Cancelled by a person; killed. */
  CANCELLED,
  /**
   * The platform failed it (unreachable engine or registry, a pull cut off, a scoring container
   * that could not run): retried.
   */
  INFRA_ERROR;

  public boolean isPlatformFault() {
    return this == INFRA_ERROR;
  }
}
