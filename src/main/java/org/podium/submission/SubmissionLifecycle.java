package org.podium.submission;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.podium.competition.Phase;
import org.podium.compute.RunOutcome;
import org.podium.scoring.Scores;

/**
 * Every status change of a submission, each one conditional on the status it leaves (so two
 * workers, a redelivered message or a late cancel can never both win), each in its own transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SubmissionLifecycle {

  @PersistenceContext EntityManager entityManager;

  @Inject RunRequests runRequests;

  @Inject Event<SubmissionChanged> changes;

  /**
   * SUBMITTED → RUNNING on {@code node}, attempt + 1. Empty when someone else got there first, or
   * when the participant already has {@code perParticipant} runs going: that submission stays
   * SUBMITTED and is sent again when one of theirs ends ({@link #resendNextOf}).
   */
  public Optional<ClaimedRun> claim(long id, String node, int perParticipant) {
    List<?> owner =
        entityManager
            .createNativeQuery("select participant_id from submission where id = ?")
            .setParameter(1, id)
            .getResultList();
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    long participant = ((Number) owner.get(0)).longValue();
    // Claims of one participant's submissions take turns on this row lock, so the count below
    // cannot be raced by another worker.
    entityManager
        .createNativeQuery("select id from participant where id = ? for update")
        .setParameter(1, participant)
        .getResultList();
    long going =
        entityManager
            .createQuery(
                "select count(s) from Submission s where s.participant.id = :participant and s.status in :going",
                Long.class)
            .setParameter("participant", participant)
            .setParameter("going", EnumSet.of(SubmissionStatus.RUNNING, SubmissionStatus.SCORING))
            .getSingleResult();
    if (going >= perParticipant) {
      return Optional.empty();
    }
    int claimed =
        entityManager
            .createQuery(
                "update Submission s set s.status = :running, s.attempt = s.attempt + 1, s.node = :node,"
                    + " s.startedAt = :now, s.outcome = null where s.id = :id and s.status = :submitted")
            .setParameter("running", SubmissionStatus.RUNNING)
            .setParameter("submitted", SubmissionStatus.SUBMITTED)
            .setParameter("node", node)
            .setParameter("now", Instant.now())
            .setParameter("id", id)
            .executeUpdate();
    if (claimed == 0) {
      return Optional.empty();
    }
    changes.fire(new SubmissionChanged(id));
    Submission s = entityManager.find(Submission.class, id);
    entityManager.refresh(s);
    Phase p = s.getPhase();
    return Optional.of(
        new ClaimedRun(
            id,
            s.getAttempt(),
            s.getKind(),
            s.getImage(),
            s.getCommand(),
            s.getEnv(),
            p.getId(),
            p.getExecutionTimeLimitSeconds(),
            p.getMemoryMb(),
            p.getCpus(),
            p.getGpus(),
            p.getScoringMetric(),
            p.getScoringImage(),
            p.getScoringCommand(),
            p.getPredictionsFile(),
            p.getTruthFile(),
            List.copyOf(p.getColumns()),
            p.isCodabenchLayout()));
  }

  /** RUNNING → SCORING, recording how the run went. */
  public boolean scoring(long id, String imageDigest, Integer exitCode, Long wallMs) {
    return move(
        id,
        EnumSet.of(SubmissionStatus.RUNNING),
        SubmissionStatus.SCORING,
        ", s.imageDigest = :digest, s.exitCode = :exit, s.wallMs = :wall, s.outcome = :outcome",
        "digest",
        imageDigest,
        "exit",
        exitCode,
        "wall",
        wallMs,
        "outcome",
        RunOutcome.SUCCEEDED);
  }

  /** SCORING → FINISHED with its scores. */
  public boolean finish(long id, Scores scores) {
    boolean moved =
        move(
            id,
            EnumSet.of(SubmissionStatus.SCORING),
            SubmissionStatus.FINISHED,
            ", s.finishedAt = :now",
            "now",
            Instant.now());
    if (moved) {
      scores
          .values()
          .forEach(
              (key, value) ->
                  entityManager
                      .createNativeQuery(
                          "insert into submission_score (submission_id, key, value) values (?, ?, ?)")
                      .setParameter(1, id)
                      .setParameter(2, key)
                      .setParameter(3, value)
                      .executeUpdate());
    }
    return moved;
  }

  /** Any live status → FAILED, with the outcome and a detail the participant can act on. */
  public boolean fail(
      long id,
      RunOutcome outcome,
      String detail,
      String imageDigest,
      Integer exitCode,
      Long wallMs) {
    return move(
        id,
        EnumSet.of(SubmissionStatus.SUBMITTED, SubmissionStatus.RUNNING, SubmissionStatus.SCORING),
        SubmissionStatus.FAILED,
        ", s.outcome = :outcome, s.detail = :detail, s.imageDigest = coalesce(:digest, s.imageDigest),"
            + " s.exitCode = :exit, s.wallMs = :wall, s.finishedAt = :now",
        "outcome",
        outcome,
        "detail",
        truncate(detail),
        "digest",
        imageDigest,
        "exit",
        exitCode,
        "wall",
        wallMs,
        "now",
        Instant.now());
  }

  /** RUNNING → SUBMITTED after a platform failure, with a new run request after {@code delay}. */
  public boolean retry(long id, String detail, Duration delay) {
    boolean moved =
        move(
            id,
            EnumSet.of(SubmissionStatus.RUNNING),
            SubmissionStatus.SUBMITTED,
            ", s.detail = :detail, s.outcome = :outcome",
            "detail",
            truncate("retrying: " + detail),
            "outcome",
            RunOutcome.INFRA_ERROR);
    if (moved) {
      runRequests.sendLater(id, delay);
    }
    return moved;
  }

  /**
   * RUNNING or SCORING on {@code node} → SUBMITTED (with a new run request), or FAILED once the
   * attempts are used up: for runs whose worker was lost.
   */
  public void recoverLost(long id, int attempt, int maxAttempts, String reason) {
    if (attempt < maxAttempts) {
      boolean moved =
          move(
              id,
              EnumSet.of(SubmissionStatus.RUNNING, SubmissionStatus.SCORING),
              SubmissionStatus.SUBMITTED,
              ", s.detail = :detail",
              "detail",
              truncate("running again: " + reason));
      if (moved) {
        runRequests.send(id);
      }
    } else {
      move(
          id,
          EnumSet.of(SubmissionStatus.RUNNING, SubmissionStatus.SCORING),
          SubmissionStatus.FAILED,
          ", s.outcome = :outcome, s.detail = :detail, s.finishedAt = :now",
          "outcome",
          RunOutcome.INFRA_ERROR,
          "detail",
          truncate("worker lost: " + reason + " (attempt " + attempt + " of " + maxAttempts + ")"),
          "now",
          Instant.now());
    }
  }

  /** A run request for the oldest waiting submission of the participant who owns {@code id}. */
  public void resendNextOf(long id) {
    entityManager
        .createQuery(
            "select w.id from Submission w, Submission s where s.id = :id and w.participant = s.participant"
                + " and w.status = :submitted order by w.submittedAt, w.id",
            Long.class)
        .setParameter("id", id)
        .setParameter("submitted", SubmissionStatus.SUBMITTED)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .ifPresent(runRequests::send);
  }

  /**
   * Run requests again for every waiting submission: duplicates are harmless, claims are
   * conditional.
   */
  public int resendWaiting() {
    List<Long> waiting =
        entityManager
            .createQuery(
                "select s.id from Submission s where s.status = :submitted order by s.submittedAt",
                Long.class)
            .setParameter("submitted", SubmissionStatus.SUBMITTED)
            .getResultList();
    waiting.forEach(runRequests::send);
    return waiting.size();
  }

  /** Attempts in progress on {@code node}: id, attempt, status, start and time limit. */
  public List<LiveAttempt> live(String node) {
    return entityManager
        .createQuery(
            "select new org.podium.submission.LiveAttempt(s.id, s.attempt, s.status, s.startedAt, p.executionTimeLimitSeconds)"
                + " from Submission s join s.phase p where s.node = :node and s.status in :live",
            LiveAttempt.class)
        .setParameter("node", node)
        .setParameter("live", EnumSet.of(SubmissionStatus.RUNNING, SubmissionStatus.SCORING))
        .getResultList();
  }

  /** Any live status → CANCELLED. */
  public boolean cancel(long id) {
    return move(
        id,
        EnumSet.of(SubmissionStatus.SUBMITTED, SubmissionStatus.RUNNING, SubmissionStatus.SCORING),
        SubmissionStatus.CANCELLED,
        ", s.outcome = :outcome, s.detail = :detail, s.finishedAt = :now",
        "outcome",
        RunOutcome.CANCELLED,
        "detail",
        "cancelled",
        "now",
        Instant.now());
  }

  private boolean move(
      long id,
      Collection<SubmissionStatus> from,
      SubmissionStatus to,
      String set,
      Object... parameters) {
    for (SubmissionStatus status : from) {
      if (!status.canMoveTo(to)) {
        throw new IllegalStateException(status + " cannot move to " + to);
      }
    }
    var update =
        entityManager
            .createQuery(
                "update Submission s set s.status = :to"
                    + set
                    + " where s.id = :id and s.status in :from")
            .setParameter("to", to)
            .setParameter("id", id)
            .setParameter("from", from);
    for (int i = 0; i < parameters.length; i += 2) {
      update.setParameter((String) parameters[i], parameters[i + 1]);
    }
    boolean moved = update.executeUpdate() == 1;
    if (moved) {
      changes.fire(new SubmissionChanged(id));
    }
    return moved;
  }

  private static String truncate(String detail) {
    return detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
  }
}
