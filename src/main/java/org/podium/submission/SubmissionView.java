package org.podium.submission;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.podium.account.Account;

/**
 * What the API answers about a submission; {@code privateScores} only for those its phase shows
 * them to (organizers, everyone once the private leaderboard is revealed), null otherwise.
 */
public record SubmissionView(
    long id,
    long competitionId,
    long phaseId,
    String phaseName,
    String participant,
    String kind,
    String status,
    String outcome,
    String detail,
    Integer exitCode,
    String image,
    String imageDigest,
    int attempt,
    Instant submittedAt,
    Instant startedAt,
    Instant finishedAt,
    Long wallMs,
    String teamName,
    String methodName,
    Map<String, Double> scores,
    Long rerunOf,
    boolean markedFinal,
    Map<String, Double> privateScores) {

  /** Whether it may still change (and be cancelled); see {@link SubmissionStatus#isLive()}. */
  public boolean live() {
    return SubmissionStatus.valueOf(status).isLive();
  }

  /** Without private scores, whoever reads it. */
  public static SubmissionView of(Submission s) {
    return of(s, false);
  }

  /** As {@code reader} may see it: private scores only when the phase shows them to them. */
  public static SubmissionView of(Submission s, Account reader) {
    return of(s, s.getPhase().showsPrivateTo(reader));
  }

  private static SubmissionView of(Submission s, boolean privateScores) {
    return new SubmissionView(
        s.getId(),
        s.getPhase().getCompetition().getId(),
        s.getPhase().getId(),
        s.getPhase().getName(),
        s.getParticipant().getAccount().getUsername(),
        s.getKind().name(),
        s.getStatus().name(),
        s.getOutcome() == null ? null : s.getOutcome().name(),
        s.getDetail(),
        s.getExitCode(),
        s.getImage(),
        s.getImageDigest(),
        s.getAttempt(),
        s.getSubmittedAt(),
        s.getStartedAt(),
        s.getFinishedAt(),
        s.getWallMs(),
        s.getMetadata() == null ? null : s.getMetadata().getTeamName(),
        s.getMetadata() == null ? null : s.getMetadata().getMethodName(),
        Collections.unmodifiableMap(new LinkedHashMap<>(s.getScores())),
        s.getRerunOf(),
        s.isMarkedFinal(),
        privateScores
            ? Collections.unmodifiableMap(new LinkedHashMap<>(s.getPrivateScores()))
            : null);
  }
}
