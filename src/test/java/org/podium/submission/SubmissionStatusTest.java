package org.podium.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle's transition table, which every status change of SubmissionLifecycle checks before
 * its conditional update: the rules a submission's life follows, without a database.
 */
class SubmissionStatusTest {

  @Test
  void anEndedSubmissionNeverChangesAgain() {
    for (SubmissionStatus ended :
        EnumSet.of(
            SubmissionStatus.FINISHED, SubmissionStatus.FAILED, SubmissionStatus.CANCELLED)) {
      assertTrue(ended.isTerminal());
      assertEquals(Set.of(), ended.next(), ended.name());
    }
  }

  @Test
  void liveIsExactlyWhatMayStillChangeWaitingRunningAndScoring() {
    assertEquals(
        EnumSet.of(SubmissionStatus.SUBMITTED, SubmissionStatus.RUNNING, SubmissionStatus.SCORING),
        EnumSet.copyOf(
            java.util.Arrays.stream(SubmissionStatus.values())
                .filter(SubmissionStatus::isLive)
                .toList()));
    for (SubmissionStatus status : SubmissionStatus.values()) {
      assertEquals(!status.next().isEmpty(), status.isLive(), status.name());
    }
  }

  @Test
  void everyWaitingOrLiveSubmissionCanBeCancelledOrFailedAndCanEndFromWhereItIs() {
    for (SubmissionStatus status : SubmissionStatus.values()) {
      if (status.isTerminal()) {
        continue;
      }
      assertTrue(status.canMoveTo(SubmissionStatus.CANCELLED), status + " → CANCELLED");
      assertTrue(status.canMoveTo(SubmissionStatus.FAILED), status + " → FAILED");
      assertTrue(reachesFinished(status), status + " can still finish");
    }
  }

  @Test
  void aPlatformFailureSendsALiveAttemptBackToWaitAndOnlyALiveOne() {
    assertTrue(SubmissionStatus.RUNNING.canMoveTo(SubmissionStatus.SUBMITTED));
    assertTrue(SubmissionStatus.SCORING.canMoveTo(SubmissionStatus.SUBMITTED));
    assertFalse(SubmissionStatus.FINISHED.canMoveTo(SubmissionStatus.SUBMITTED));
  }

  @Test
  void aSubmissionIsScoredOnlyAfterItRanAndFinishesOnlyAfterScoring() {
    assertFalse(SubmissionStatus.SUBMITTED.canMoveTo(SubmissionStatus.SCORING));
    assertFalse(SubmissionStatus.SUBMITTED.canMoveTo(SubmissionStatus.FINISHED));
    assertFalse(SubmissionStatus.RUNNING.canMoveTo(SubmissionStatus.FINISHED));
    assertTrue(SubmissionStatus.RUNNING.canMoveTo(SubmissionStatus.SCORING));
    assertTrue(SubmissionStatus.SCORING.canMoveTo(SubmissionStatus.FINISHED));
  }

  private static boolean reachesFinished(SubmissionStatus from) {
    Set<SubmissionStatus> seen = EnumSet.of(from);
    ArrayDeque<SubmissionStatus> next = new ArrayDeque<>(Set.of(from));
    while (!next.isEmpty()) {
      for (SubmissionStatus to : next.poll().next()) {
        if (to == SubmissionStatus.FINISHED) {
          return true;
        }
        if (seen.add(to)) {
          next.add(to);
        }
      }
    }
    return false;
  }
}
