package org.podium.submission;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a submission is in its life; the transition table is the only way between states, and a
 * terminal state never changes again.
 */
public enum SubmissionStatus {
  SUBMITTED,
  RUNNING,
  SCORING,
  FINISHED,
  FAILED,
  CANCELLED;

  public boolean isTerminal() {
    return this == FINISHED || this == FAILED || this == CANCELLED;
  }

  /** Waiting, running or being scored: it may still change, and its owner may cancel it. */
  public boolean isLive() {
    return !isTerminal();
  }

  /**
   * The states this one may move to. RUNNING and SCORING go back to SUBMITTED when the platform
   * failed the attempt (a retry, or a worker lost in a crash).
   */
  public Set<SubmissionStatus> next() {
    return switch (this) {
      case SUBMITTED -> EnumSet.of(RUNNING, FAILED, CANCELLED);
      case RUNNING -> EnumSet.of(SUBMITTED, SCORING, FAILED, CANCELLED);
      case SCORING -> EnumSet.of(SUBMITTED, FINISHED, FAILED, CANCELLED);
      case FINISHED, FAILED, CANCELLED -> EnumSet.noneOf(SubmissionStatus.class);
    };
  }

  public boolean canMoveTo(SubmissionStatus target) {
    return next().contains(target);
  }
}
