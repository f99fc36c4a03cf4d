package org.podium.submission;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.podium.account.Account;
import org.podium.competition.Competition;
import org.podium.competition.Competitions;
import org.podium.competition.Participant;
import org.podium.competition.Phase;
import org.podium.platform.problem.Problem;

/**
 * A participant's choice of final submissions for a phase's private leaderboard: at most the
 * phase's K marked at a time, changeable until the organizer reveals the private leaderboard.
 */
@Stateless
public class FinalSubmissions {

  @PersistenceContext EntityManager entityManager;

  @Inject Submissions submissions;

  @Inject Competitions competitions;

  /**
   * Marks ({@code marked}) or unmarks one of the caller's own submissions as final. 403 for someone
   * else's, 409 when the phase has no private leaderboard, when it is revealed, when the submission
   * has not finished, or when K are marked already.
   */
  public SubmissionView mark(Account caller, long id, boolean marked) {
    Submission submission = submissions.visible(caller, id);
    Participant participant = submission.getParticipant();
    if (!participant.getAccount().equals(caller)) {
      throw Problem.forbidden("Only the participant who sent a submission marks it final.");
    }
    Phase phase = submission.getPhase();
    if (!phase.hasPrivateLeaderboard()) {
      throw Problem.conflict(
          "Phase '"
              + phase.getName()
              + "' has no private leaderboard, so there is nothing to mark final for.");
    }
    // One change of a participant's marks at a time: K is counted under this row lock, as the
    // submission quota is.
    entityManager.lock(participant, LockModeType.PESSIMISTIC_WRITE);
    entityManager.refresh(phase);
    entityManager.refresh(submission);
    if (phase.isPrivateRevealed()) {
      throw Problem.conflict(
          "The private leaderboard is revealed, so final submissions are fixed now.");
    }
    if (marked && !submission.isMarkedFinal()) {
      if (submission.getStatus() != SubmissionStatus.FINISHED) {
        throw Problem.conflict(
            "Only a finished submission can be marked final, and submission "
                + id
                + " is "
                + submission.getStatus().name().toLowerCase()
                + ": wait until it finishes.");
      }
      int limit = phase.getFinalSubmissions();
      if (markedCount(phase, participant) >= limit) {
        throw Problem.conflict(
            "You have marked "
                + limit
                + " of "
                + limit
                + " final submissions in phase '"
                + phase.getName()
                + "': unmark one first.");
      }
    }
    submission.markFinal(marked);
    entityManager.flush();
    return SubmissionView.of(submission, caller);
  }

  /**
   * Where the caller stands in each phase of the competition that has a private leaderboard: how
   * many they marked final of how many they may, and whether marks can still change.
   */
  public record FinalChoice(
      long phaseId, String phaseName, long marked, int limit, boolean revealed) {

    /** Whether a finished submission of this phase can be marked (or unmarked) now. */
    public boolean open() {
      return !revealed;
    }
  }

  /** The caller's final choices, by phase (phases with a private leaderboard only). */
  public List<FinalChoice> choices(Account caller, long competitionId) {
    Competition competition = competitions.visible(Optional.of(caller), competitionId);
    Optional<Participant> participant = competitions.participant(competition, caller);
    if (participant.isEmpty()) {
      return List.of();
    }
    return competition.getPhases().stream()
        .filter(Phase::hasPrivateLeaderboard)
        .map(
            phase ->
                new FinalChoice(
                    phase.getId(),
                    phase.getName(),
                    markedCount(phase, participant.get()),
                    phase.getFinalSubmissions(),
                    phase.isPrivateRevealed()))
        .toList();
  }

  /** How many submissions the participant has marked final in the phase. */
  public long markedCount(Phase phase, Participant participant) {
    return entityManager
        .createQuery(
            "select count(s) from Submission s where s.phase = :phase"
                + " and s.participant = :participant and s.markedFinal = true",
            Long.class)
        .setParameter("phase", phase)
        .setParameter("participant", participant)
        .getSingleResult();
  }
}
