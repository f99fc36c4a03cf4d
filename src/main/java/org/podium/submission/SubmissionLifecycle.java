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
import org.podium.platform.StoredText;
import org.podium.scoring.Scores;

/**
 * Every status change of a submission, each one conditional on the status it leaves and on the
 * attempt it belongs to (so two workers, a redelivered message, a stale worker whose lease was
 * taken over or a late cancel can never both win), each in its own transaction. Whenever one of a
 * participant's runs ends, by whatever path, their next waiting submission gets its run request.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SubmissionLifecycle {

  private static final EnumSet<SubmissionStatus> HELD =
      EnumSet.of(SubmissionStatus.RUNNING, SubmissionStatus.SCORING);

  @PersistenceContext EntityManager entityManager;

  @Inject RunRequests runRequests;

  @Inject Event<SubmissionChanged> changes;

  /**
   * SUBMITTED → RUNNING on {@code node}, attempt + 1, held for {@code lease}. Empty when someone
   * else got there first, when its back-off has not passed, or when the participant already has
   * {@code perParticipant} runs going: that submission stays SUBMITTED and is sent again when one
   * of theirs ends.
   */
  public Optional<ClaimedRun> claim(long id, String node, int perParticipant, Duration lease) {
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
            .setParameter("going", HELD)
            .getSingleResult();
    if (going >= perParticipant) {
      return Optional.empty();
    }
    Instant now = Instant.now();
    int claimed =
        entityManager
            .createQuery(
                "update Submission s set s.status = :running, s.attempt = s.attempt + 1, s.node = :node,"
                    + " s.startedAt = :now, s.leaseUntil = :lease, s.notBefore = null, s.outcome = null"
                    + " where s.id = :id and s.status = :submitted"
                    + " and (s.notBefore is null or s.notBefore <= :now)")
            .setParameter("running", SubmissionStatus.RUNNING)
            .setParameter("submitted", SubmissionStatus.SUBMITTED)
            .setParameter("node", node)
            .setParameter("now", now)
            .setParameter("lease", now.plus(lease))
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
            s.getRun(),
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
            p.getScoringLayout(),
            p.hasPrivateLeaderboard()));
  }

  /** Whether running {@code id} needs a Docker engine: its own image, or a scoring container. */
  public boolean needsEngine(long id) {
    return !entityManager
        .createQuery(
            "select s.id from Submission s join s.phase p where s.id = :id"
                + " and (s.kind = :docker or p.scoringImage is not null)",
            Long.class)
        .setParameter("id", id)
        .setParameter("docker", SubmissionKind.DOCKER)
        .getResultList()
        .isEmpty();
  }

  /**
   * A waiting submission that needs an engine while none answers stays SUBMITTED, says so, and is
   * asked for again after {@code delay}: an engine outage fails nothing and uses no attempt.
   */
  public boolean awaitEngine(long id, String reason, Duration delay) {
    int updated =
        entityManager
            .createQuery(
                "update Submission s set s.detail = :detail, s.requestedAt = :now"
                    + " where s.id = :id and s.status = :submitted")
            .setParameter("detail", truncate("waiting for a Docker engine: " + reason))
            .setParameter("now", Instant.now())
            .setParameter("id", id)
            .setParameter("submitted", SubmissionStatus.SUBMITTED)
            .executeUpdate();
    if (updated == 1) {
      runRequests.sendLater(id, delay);
      changes.fire(new SubmissionChanged(id));
    }
    return updated == 1;
  }

  /** RUNNING → SCORING, recording how the run went. */
  public boolean scoring(long id, int attempt, String imageDigest, Integer exitCode, Long wallMs) {
    return move(
        id,
        attempt,
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
  public boolean finish(long id, int attempt, Scores scores) {
    return finish(id, attempt, scores, null);
  }

  /**
   * SCORING → FINISHED with its public scores and, for a phase with a private leaderboard, its
   * private ones (null: none), in the same transaction.
   */
  public boolean finish(long id, int attempt, Scores scores, Scores privateScores) {
    boolean moved =
        move(
            id,
            attempt,
            EnumSet.of(SubmissionStatus.SCORING),
            SubmissionStatus.FINISHED,
            ", s.finishedAt = :now, s.detail = null",
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
                      .setParameter(2, StoredText.of(key))
                      .setParameter(3, value)
                      .executeUpdate());
      if (privateScores != null) {
        privateScores
            .values()
            .forEach(
                (key, value) ->
                    entityManager
                        .createNativeQuery(
                            "insert into submission_private_score (submission_id, key, value)"
                                + " values (?, ?, ?)")
                        .setParameter(1, id)
                        .setParameter(2, StoredText.of(key))
                        .setParameter(3, value)
                        .executeUpdate());
      }
    }
    return moved;
  }

  /**
   * RUNNING or SCORING → FAILED, with the outcome and a detail the participant can act on: the
   * participant's failure, charged to their quota.
   */
  public boolean fail(
      long id,
      int attempt,
      RunOutcome outcome,
      String detail,
      String imageDigest,
      Integer exitCode,
      Long wallMs) {
    return move(
        id,
        attempt,
        HELD,
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

  /**
   * The platform failed attempt {@code attempt} (RUNNING or SCORING): back to SUBMITTED with a run
   * request after the policy's back-off, or FAILED as INFRA_ERROR once the policy gives up. Not
   * charged either way.
   *
   * @return whether this attempt was still live (a stale attempt changes nothing)
   */
  public boolean platformFailure(long id, int attempt, String detail, RetryPolicy policy) {
    return platformFailure(id, attempt, detail, policy, null);
  }

  /**
   * An attempt whose worker is lost: one whose lease expired before {@code expiredBefore} (unless
   * its owner renewed it meanwhile), or with {@code expiredBefore} null, one of this node's own at
   * start-up. Handled as a platform failure.
   */
  public boolean takeOver(
      long id, int attempt, String reason, RetryPolicy policy, Instant expiredBefore) {
    return platformFailure(id, attempt, "worker lost: " + reason, policy, expiredBefore);
  }

  private boolean platformFailure(
      long id, int attempt, String detail, RetryPolicy policy, Instant expiredBefore) {
    Instant now = Instant.now();
    // (coalesce in Java: EclipseLink cannot bind an Instant outside a comparison with a column)
    List<Object[]> live =
        entityManager
            .createQuery(
                "select s.id, s.failingSince from Submission s where s.id = :id"
                    + " and s.attempt = :attempt and s.status in :live",
                Object[].class)
            .setParameter("id", id)
            .setParameter("attempt", attempt)
            .setParameter("live", HELD)
            .getResultList();
    if (live.isEmpty()) {
      return false;
    }
    Instant failingSince = live.get(0)[1] == null ? now : (Instant) live.get(0)[1];
    String lease = expiredBefore == null ? "" : " and s.leaseUntil < :expiredBefore";
    Object[] leaseParameter =
        expiredBefore == null ? new Object[0] : new Object[] {"expiredBefore", expiredBefore};
    Optional<Duration> delay = policy.afterFailure(attempt, failingSince, now);
    if (delay.isEmpty()) {
      return moveIf(
          id,
          attempt,
          HELD,
          SubmissionStatus.FAILED,
          ", s.outcome = :outcome, s.detail = :detail, s.finishedAt = :now, s.leaseUntil = null",
          lease,
          leaseParameter,
          "outcome",
          RunOutcome.INFRA_ERROR,
          "detail",
          truncate(
              "Podium could not run it after "
                  + attempt
                  + " attempts"
                  // a sentence of its own follows as one; a phrase after a colon
                  + (detail != null && !detail.isEmpty() && Character.isUpperCase(detail.charAt(0))
                      ? ". "
                      : ": ")
                  + detail),
          "now",
          now);
    }
    boolean moved =
        moveIf(
            id,
            attempt,
            HELD,
            SubmissionStatus.SUBMITTED,
            ", s.detail = :detail, s.outcome = :outcome, s.notBefore = :notBefore,"
                + " s.failingSince = :since, s.requestedAt = :notBefore, s.leaseUntil = null,"
                + " s.node = null",
            lease,
            leaseParameter,
            "detail",
            truncate(
                "retrying in "
                    + delay.get().toSeconds()
                    + " s (attempt "
                    + attempt
                    + "): "
                    + detail),
            "outcome",
            RunOutcome.INFRA_ERROR,
            "notBefore",
            now.plus(delay.get()),
            "since",
            failingSince);
    if (moved) {
      runRequests.sendLater(id, delay.get());
    }
    return moved;
  }

  /** Attempt keys ({@code s{id}-a{n}}) of this node's runs whose lease it still holds. */
  public record Held(long id, int attempt) {

    public String runId() {
      return "s" + id + "-a" + attempt;
    }
  }

  /**
   * Renews the leases of {@code held} runs on {@code node}; returns those it no longer holds (taken
   * over, cancelled or ended by someone else): their containers must go.
   */
  public List<Held> renew(String node, Collection<Held> held, Duration lease) {
    Instant until = Instant.now().plus(lease);
    return held.stream()
        .filter(
            run ->
                entityManager
                        .createQuery(
                            "update Submission s set s.leaseUntil = :until where s.id = :id"
                                + " and s.attempt = :attempt and s.node = :node and s.status in :live")
                        .setParameter("until", until)
                        .setParameter("id", run.id())
                        .setParameter("attempt", run.attempt())
                        .setParameter("node", node)
                        .setParameter("live", HELD)
                        .executeUpdate()
                    == 0)
        .toList();
  }

  /** Live attempts whose lease expired before {@code now}, on any node, oldest first. */
  public List<LiveAttempt> expired(Instant now, int limit) {
    return entityManager
        .createQuery(
            "select new org.podium.submission.LiveAttempt(s.id, s.attempt, s.status, s.startedAt, s.node)"
                + " from Submission s where s.status in :live and s.leaseUntil < :now"
                + " order by s.leaseUntil",
            LiveAttempt.class)
        .setParameter("live", HELD)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  /** Attempts in progress on {@code node}. */
  public List<LiveAttempt> live(String node) {
    return liveWhere("s.node = :node", node);
  }

  /** Attempts in progress on any node but {@code node}: not this node's to remove. */
  public List<LiveAttempt> liveElsewhere(String node) {
    return liveWhere("s.node <> :node", node);
  }

  private List<LiveAttempt> liveWhere(String nodeCondition, String node) {
    return entityManager
        .createQuery(
            "select new org.podium.submission.LiveAttempt(s.id, s.attempt, s.status, s.startedAt, s.node)"
                + " from Submission s where "
                + nodeCondition
                + " and s.status in :live",
            LiveAttempt.class)
        .setParameter("node", node)
        .setParameter("live", HELD)
        .getResultList();
  }

  /**
   * Run requests again for every waiting submission whose back-off has passed: at start-up.
   * Duplicates are harmless, claims are conditional.
   */
  public int resendWaiting() {
    Instant now = Instant.now();
    return resend(
        entityManager
            .createQuery(
                "select s.id from Submission s where s.status = :submitted"
                    + " and (s.notBefore is null or s.notBefore <= :now) order by s.submittedAt, s.id",
                Long.class)
            .setParameter("submitted", SubmissionStatus.SUBMITTED)
            .setParameter("now", now)
            .getResultList());
  }

  /**
   * Run requests again for waiting submissions that could run now (back-off passed, their owner
   * below {@code perParticipant} runs going) and whose last request is older than {@code
   * requestedBefore}: at most {@code limit}, oldest first.
   */
  public int resendStale(Instant requestedBefore, int perParticipant, int limit) {
    return resend(
        entityManager
            .createQuery(
                "select s.id from Submission s where s.status = :submitted"
                    + " and (s.notBefore is null or s.notBefore <= :now)"
                    + " and s.requestedAt < :before"
                    + " and (select count(r) from Submission r where r.participant = s.participant"
                    + "      and r.status in :live) < :perParticipant"
                    + " order by s.submittedAt, s.id",
                Long.class)
            .setParameter("submitted", SubmissionStatus.SUBMITTED)
            .setParameter("now", Instant.now())
            .setParameter("before", requestedBefore)
            .setParameter("live", HELD)
            .setParameter("perParticipant", (long) perParticipant)
            .setMaxResults(limit)
            .getResultList());
  }

  private int resend(List<Long> ids) {
    ids.forEach(this::request);
    return ids.size();
  }

  /** Any live status → CANCELLED. */
  public boolean cancel(long id) {
    return move(
        id,
        null,
        EnumSet.of(SubmissionStatus.SUBMITTED, SubmissionStatus.RUNNING, SubmissionStatus.SCORING),
        SubmissionStatus.CANCELLED,
        ", s.outcome = :outcome, s.detail = :detail, s.finishedAt = :now, s.leaseUntil = null",
        "outcome",
        RunOutcome.CANCELLED,
        "detail",
        "cancelled",
        "now",
        Instant.now());
  }

  private boolean move(
      long id,
      Integer attempt,
      Collection<SubmissionStatus> from,
      SubmissionStatus to,
      String set,
      Object... parameters) {
    return moveIf(id, attempt, from, to, set, "", new Object[0], parameters);
  }

  /**
   * The one way a status changes: conditional on the statuses it leaves, on the attempt when given,
   * and on {@code condition}. When a run ends (or goes back to wait), its participant's next
   * waiting submission is asked for in the same transaction.
   */
  private boolean moveIf(
      long id,
      Integer attempt,
      Collection<SubmissionStatus> from,
      SubmissionStatus to,
      String set,
      String condition,
      Object[] conditionParameters,
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
                    // a participant's registry credentials serve the submission's pulls only; in
                    // this statement, as a second update of the row would check its foreign keys
                    // (a row version of this transaction) and deadlock with a participant's lock
                    + (to.isTerminal() ? ", s.run.registryLogin = null" : "")
                    + " where s.id = :id and s.status in :from"
                    + (attempt == null ? "" : " and s.attempt = :attempt")
                    + condition)
            .setParameter("to", to)
            .setParameter("id", id)
            .setParameter("from", from);
    if (attempt != null) {
      update.setParameter("attempt", attempt);
    }
    for (Object[] named : List.of(conditionParameters, parameters)) {
      for (int i = 0; i < named.length; i += 2) {
        // every text a run writes (detail, digest) may carry what a participant wrote
        update.setParameter(
            (String) named[i],
            named[i + 1] instanceof String text ? StoredText.of(text) : named[i + 1]);
      }
    }
    boolean moved = update.executeUpdate() == 1;
    if (moved) {
      changes.fire(new SubmissionChanged(id));
      if (to != SubmissionStatus.SCORING) {
        requestNextOf(id);
      }
    }
    return moved;
  }

  /**
   * A run request for the oldest waiting submission, back-off passed, of the participant who owns
   * {@code id}: their turn has come.
   */
  private void requestNextOf(long id) {
    entityManager
        .createQuery(
            "select w.id from Submission w, Submission s where s.id = :id and w.participant = s.participant"
                + " and w.status = :submitted and w.id <> :id"
                + " and (w.notBefore is null or w.notBefore <= :now) order by w.submittedAt, w.id",
            Long.class)
        .setParameter("id", id)
        .setParameter("submitted", SubmissionStatus.SUBMITTED)
        .setParameter("now", Instant.now())
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .ifPresent(this::request);
  }

  /** Sends a run request for {@code id} now, and records when. */
  private void request(long id) {
    entityManager
        .createQuery("update Submission s set s.requestedAt = :now where s.id = :id")
        .setParameter("now", Instant.now())
        .setParameter("id", id)
        .executeUpdate();
    runRequests.send(id);
  }

  /** A detail as the column takes it: storable text (a participant may have written it), cut. */
  private static String truncate(String detail) {
    return StoredText.of(detail, 2000);
  }
}
