package org.podium.platform.problem;

import java.io.IOException;

/**
 * Thrown by a request body read past its limit; carries the 413 refusal, so whoever reads the body
 * (Podium's own code or a JSON reader) ends in the same answer.
 */
public class UploadTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  public UploadTooLargeException(Problem problem) {
    super(problem.getMessage());
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  /** The refusal somewhere in {@code failure}'s causes, or null. */
  public static Problem find(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof UploadTooLargeException tooLarge) {
        return tooLarge.problem();
      }
      if (cause instanceof Problem.TooLarge problem) {
        return problem;
      }
    }
    return null;
  }
}
