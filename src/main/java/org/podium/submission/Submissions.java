package org.podium.submission;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.podium.account.Account;
import org.podium.competition.Competition;
import org.podium.competition.Competitions;
import org.podium.competition.Participant;
import org.podium.competition.ParticipantStatus;
import org.podium.competition.Phase;
import org.podium.compute.ImageReference;
import org.podium.compute.InvalidImageException;
import org.podium.compute.RegistryPolicy;
import org.podium.platform.PodiumConfig;
import org.podium.platform.Secrets;
import org.podium.platform.problem.Problem;
import org.podium.platform.web.Formats;
import org.podium.storage.DataStore;
import org.podium.storage.Uploads;

/**
 * Submissions: the rules a participant meets when submitting (for REST and pages alike), and the
 * only place a submission's status changes, by conditional updates that follow the transition
 * table.
 */
@Stateless
public class Submissions {

  private static final String COUNTED =
      "select count(s) from Submission s where s.phase = :phase and s.participant = :participant"
          + " and s.submittedAt >= :since"
          // an organizer's re-runs, failures of the platform and cancellations before a start
          // are not charged
          + " and s.rerunOf is null"
          + " and not (s.status = org.podium.submission.SubmissionStatus.FAILED"
          + "          and s.outcome = org.podium.compute.RunOutcome.INFRA_ERROR)"
          + " and not (s.status = org.podium.submission.SubmissionStatus.CANCELLED and s.startedAt is null)";

  @PersistenceContext EntityManager entityManager;

  @Inject Competitions competitions;

  @Inject RunRequests runRequests;

  @Inject DataStore dataStore;

  @Inject Uploads uploads;

  @Inject Secrets secrets;

  @Inject PodiumConfig config;

  /**
   * Submits, after every admission rule (joined and approved, the kind accepted, an open phase, the
   * quotas): an image is run as the participant's line says; a received file (a results folder or a
   * {@code docker save} archive) is moved into the submission's folder as the row is created, and
   * deleted if the row never commits.
   */
  public SubmissionView submit(Account caller, long competitionId, SubmissionRequest request) {
    if (request.entry() instanceof SubmissionRequest.ImageLine image) {
      checkRegistry(image.line().image());
    }
    Submission submission =
        admit(caller, competitionId, request.phaseId(), request.entry().submissionKind(), true)
            .create(request.metadata());
    if (request.entry() instanceof SubmissionRequest.ImageLine image) {
      ImageRun run = ImageRun.of(image.line());
      image
          .login()
          .ifPresent(
              login -> run.keepLogin(secrets.seal(login.username() + ":" + login.password())));
      submission.runImage(run);
    } else if (request.entry() instanceof SubmissionUpload upload
        && upload.kind() == SubmissionUpload.Kind.ARCHIVE) {
      submission.runImage(ImageRun.uploadedArchive());
    }
    entityManager.persist(submission);
    entityManager.flush();
    if (request.entry() instanceof SubmissionUpload upload) {
      uploads.deleteOnRollback(dataStore.submission(submission.getId()));
      upload.file().moveTo(dataStore.upload(submission.getId(), upload.kind().kept()));
    }
    runRequests.send(submission.getId());
    return SubmissionView.of(submission);
  }

  /** A participant's image only from a public registry or one the operator lists: 400 otherwise. */
  private void checkRegistry(ImageReference image) {
    try {
      new RegistryPolicy(config::privateRegistries).check(image);
    } catch (InvalidImageException refused) {
      throw Problem.invalidField(SubmissionIntake.IMAGE, refused.getMessage());
    }
  }

  /**
   * Refuses a submission before its file is read, by the same rules as {@link #submit}: nothing is
   * received that would be refused once it has arrived.
   */
  public void checkAdmission(
      Account caller, long competitionId, Long phaseId, SubmissionKind kind) {
    admit(caller, competitionId, phaseId, kind, false);
  }

  /**
   * Why the caller cannot submit to the competition now (not joined, pending or declined, no open
   * phase, quota used and when it resets), or empty when a submission of this kind would be
   * accepted. The same checks as a real submission, so the page and the API never disagree.
   */
  public Optional<String> obstacle(Account caller, long competitionId, boolean docker) {
    try {
      admit(
          caller,
          competitionId,
          null,
          docker ? SubmissionKind.DOCKER : SubmissionKind.RESULTS,
          false);
      return Optional.empty();
    } catch (Problem problem) {
      return Optional.of(problem.getMessage());
    }
  }

  /** Where an admitted submission goes: its phase and participant. */
  private record Admitted(Phase phase, Participant participant, SubmissionKind kind) {
    Submission create(SubmissionMetadata metadata) {
      return new Submission(phase, participant, kind, metadata);
    }
  }

  /**
   * Every admission rule, in order; {@code forInsert} when a submission will be inserted in this
   * transaction, which then holds the participant's row lock (the quota is counted under it).
   */
  private Admitted admit(
      Account caller, long competitionId, Long phaseId, SubmissionKind kind, boolean forInsert) {
    Competition competition = competitions.visible(Optional.of(caller), competitionId);
    Participant participant =
        competitions
            .participant(competition, caller)
            .orElseThrow(() -> Problem.forbidden("Join this competition before you submit."));
    if (participant.getStatus() == ParticipantStatus.PENDING) {
      throw Problem.forbidden(
          "Your participation waits for an organizer's approval: you can submit once they"
              + " approve it.");
    }
    if (participant.getStatus() == ParticipantStatus.DENIED) {
      throw Problem.forbidden(
          "Your participation in this competition was declined: ask its organizers if you think"
              + " this is a mistake.");
    }
    if (kind == SubmissionKind.DOCKER && !competition.isDockerSubmission()) {
      throw Problem.forbidden(
          "This competition does not accept Docker submissions: upload a results file instead.");
    }
    // One admission per participant at a time: the quota is counted under this row lock, and a
    // submission admitted meanwhile is committed (and counted) before the next one counts.
    if (forInsert) {
      entityManager.lock(participant, LockModeType.PESSIMISTIC_WRITE);
    }
    Instant now = Instant.now();
    Phase phase = phase(competition, phaseId, now);
    if (!phase.isOpenAt(now)) {
      throw Problem.conflict(
          "Phase '"
              + phase.getName()
              + "' is closed"
              + (now.isBefore(phase.getOpensAt())
                  ? ": it opens at " + Formats.utc(phase.getOpensAt()) + "; submit then."
                  : ": it closed at " + Formats.utc(phase.getClosesAt()) + "."));
    }
    checkQuota(phase, participant, now);
    return new Admitted(phase, participant, kind);
  }

  private Phase phase(Competition competition, Long phaseId, Instant now) {
    if (phaseId != null) {
      return competitions.phase(competition, phaseId);
    }
    return competition.getPhases().stream()
        .filter(p -> p.isOpenAt(now))
        .findFirst()
        .orElseThrow(() -> Problem.conflict(noOpenPhase(competition, now)));
  }

  private static String noOpenPhase(Competition competition, Instant now) {
    Optional<Instant> next =
        competition.getPhases().stream()
            .map(Phase::getOpensAt)
            .filter(opens -> opens.isAfter(now))
            .min(Instant::compareTo);
    return "No phase is open now"
        + next.map(opens -> ": the next opens at " + Formats.utc(opens) + "; submit then.")
            .orElse(": the competition has ended.");
  }

  private void checkQuota(Phase phase, Participant participant, Instant now) {
    SubmissionQuota quota = quota(phase, participant, now);
    if (quota.leftInAll() != null && quota.leftInAll() == 0) {
      throw Problem.quotaUsed(
          "You have used all "
              + quota.total()
              + (quota.total() == 1 ? " submission" : " submissions")
              + " of phase '"
              + phase.getName()
              + "': no more can be sent to it.",
          null);
    }
    if (quota.leftToday() != null && quota.leftToday() == 0) {
      throw Problem.quotaUsed(
          "You have used today's "
              + quota.perDay()
              + (quota.perDay() == 1 ? " submission" : " submissions")
              + " of phase '"
              + phase.getName()
              + "': submit again after "
              + Formats.utc(quota.resetsAt())
              + ".",
          quota.resetsAt());
    }
  }

  /** What the participant may still send to the phase at {@code now}: the rule admission checks. */
  private SubmissionQuota quota(Phase phase, Participant participant, Instant now) {
    Integer total = phase.getMaxSubmissions();
    Integer perDay = phase.getMaxSubmissionsPerDay();
    return new SubmissionQuota(
        phase.getName(),
        perDay,
        perDay == null ? 0 : counted(phase, participant, dayStart(now)),
        total,
        total == null ? 0 : counted(phase, participant, Instant.EPOCH),
        quotaResetsAt(now));
  }

  /**
   * What the caller may still send to the competition's open phase, counted as admission counts;
   * empty when they may not submit at all (not approved, no open phase).
   */
  public Optional<SubmissionQuota> quota(Account caller, long competitionId) {
    Competition competition = competitions.visible(Optional.of(caller), competitionId);
    Instant now = Instant.now();
    return competitions
        .participant(competition, caller)
        .filter(p -> p.getStatus() == ParticipantStatus.APPROVED)
        .flatMap(
            participant ->
                competition.getPhases().stream()
                    .filter(p -> p.isOpenAt(now))
                    .findFirst()
                    .map(phase -> quota(phase, participant, now)));
  }

  /** The start of {@code now}'s day: the daily quota counts from there (days are UTC days). */
  static Instant dayStart(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** When a daily quota used up at {@code now} comes back: the next UTC midnight. */
  static Instant quotaResetsAt(Instant now) {
    return dayStart(now).plus(Duration.ofDays(1));
  }

  private long counted(Phase phase, Participant participant, Instant since) {
    return entityManager
        .createQuery(COUNTED, Long.class)
        .setParameter("phase", phase)
        .setParameter("participant", participant)
        .setParameter("since", since)
        .getSingleResult();
  }

  /** A submission the caller may see, as the API and pages show it; 404 otherwise. */
  public SubmissionView view(Account caller, long id) {
    return SubmissionView.of(visible(caller, id, READ_ONLY), caller);
  }

  private static final String WITH_OWNER_AND_PHASE =
      "select s from Submission s join fetch s.participant join fetch s.phase where s.id = :id";

  /** A submission the caller may see: their own, or any in a competition they organize. */
  public Submission visible(Account caller, long id) {
    return visible(caller, id, Map.of());
  }

  /**
   * Hibernate's hint that what a query loads is only read (no copy kept to compare at commit);
   * other providers ignore it. For views only: a read-only entity's changes are never written.
   */
  static final Map<String, Object> READ_ONLY = Map.of("org.hibernate.readOnly", true);

  private Submission visible(Account caller, long id, Map<String, Object> hints) {
    // Who may see it and its view need its participant (with the account) and its phase: joined
    // to it by a query, whose translation the provider keeps (a find with an entity graph was
    // translated anew on every call: half of the request's time, JFR, issue 14).
    TypedQuery<Submission> query =
        entityManager.createQuery(WITH_OWNER_AND_PHASE, Submission.class).setParameter("id", id);
    hints.forEach(query::setHint);
    List<Submission> found = query.getResultList();
    Submission submission = found.isEmpty() ? null : found.get(0);
    if (submission == null || !canSee(caller, submission)) {
      throw Problem.notFound("submission " + id);
    }
    return submission;
  }

  static boolean canSee(Account caller, Submission submission) {
    return submission.getParticipant().getAccount().equals(caller)
        || submission.getPhase().getCompetition().isOrganizedBy(caller);
  }

  /**
   * Who sees a submission's changes on their pages: its owner and its competition's organizers, by
   * username; empty when it is gone.
   */
  public Set<String> watchers(long submissionId) {
    Set<String> users = new HashSet<>();
    users.addAll(
        entityManager
            .createQuery(
                "select s.participant.account.username from Submission s where s.id = :id",
                String.class)
            .setParameter("id", submissionId)
            .getResultList());
    users.addAll(
        entityManager
            .createQuery(
                "select o.username from Submission s join s.phase.competition.organizers o"
                    + " where s.id = :id",
                String.class)
            .setParameter("id", submissionId)
            .getResultList());
    return users;
  }
}
