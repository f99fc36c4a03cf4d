package org.podium.submission;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.podium.competition.Participant;
import org.podium.competition.Phase;
import org.podium.compute.RunOutcome;

/**
 * One entry of a participant in a phase. Its status changes only through {@link Submissions}, by
 * conditional updates that follow {@link SubmissionStatus}'s transition table.
 */
@Entity
@Table(name = "submission")
public class Submission {

  /** The image of a Docker submission uploaded as a {@code docker save} archive. */
  public static final String UPLOADED_ARCHIVE = "(uploaded docker save archive)";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "phase_id", nullable = false, updatable = false)
  private Phase phase;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "participant_id", nullable = false, updatable = false)
  private Participant participant;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private SubmissionKind kind;

  /** What a Docker submission runs; null for a results upload. */
  @Embedded private ImageRun run;

  @Column(name = "image_digest")
  private String imageDigest;

  @Embedded private SubmissionMetadata metadata;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private SubmissionStatus status = SubmissionStatus.SUBMITTED;

  @Enumerated(EnumType.STRING)
  private RunOutcome outcome;

  private String detail;

  @Column(name = "exit_code")
  private Integer exitCode;

  @Column(nullable = false)
  private int attempt;

  private String node;

  @Column(name = "submitted_at", nullable = false, updatable = false)
  private Instant submittedAt;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "wall_ms")
  private Long wallMs;

  /** Until when the node running the attempt holds it; renewed while the attempt is alive. */
  @Column(name = "lease_until")
  private Instant leaseUntil;

  /** A retried submission is not claimed before this (its back-off). */
  @Column(name = "not_before")
  private Instant notBefore;

  /** When the platform first failed it: retries go on for a window from here. */
  @Column(name = "failing_since")
  private Instant failingSince;

  /** When its latest run request was sent. */
  @Column(name = "requested_at")
  private Instant requestedAt;

  /**
   * The submission an organizer's re-run runs again (the first of a chain): a re-run is never
   * charged to the participant's quota.
   */
  @Column(name = "rerun_of", updatable = false)
  private Long rerunOf;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "submission_score", joinColumns = @JoinColumn(name = "submission_id"))
  @MapKeyColumn(name = "key")
  @Column(name = "value")
  private Map<String, Double> scores = new LinkedHashMap<>();

  /**
   * The scores against the private reference data, for the private leaderboard: read apart from
   * {@link #scores}, so every path that shows scores shows the public ones only.
   */
  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(
      name = "submission_private_score",
      joinColumns = @JoinColumn(name = "submission_id"))
  @MapKeyColumn(name = "key")
  @Column(name = "value")
  private Map<String, Double> privateScores = new LinkedHashMap<>();

  /** Chosen by its participant as one of their final submissions for the private leaderboard. */
  @Column(name = "marked_final", nullable = false)
  private boolean markedFinal;

  protected Submission() {}

  Submission(
      Phase phase, Participant participant, SubmissionKind kind, SubmissionMetadata metadata) {
    this.phase = Objects.requireNonNull(phase, "phase");
    this.participant = Objects.requireNonNull(participant, "participant");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.metadata = metadata;
    this.submittedAt = Instant.now();
    this.requestedAt = submittedAt;
  }

  /**
   * A new submission with this one's content, for an organizer's re-run: submitted now (its real
   * time), and marked as a re-run of the first of its chain, so it is never charged.
   */
  Submission copy() {
    Submission copy =
        new Submission(phase, participant, kind, metadata == null ? null : metadata.copy());
    copy.runImage(run == null ? null : run.copy());
    copy.rerunOf = rerunOf != null ? rerunOf : id;
    return copy;
  }

  void runImage(ImageRun run) {
    this.run = run;
  }

  public Long getId() {
    return id;
  }

  public Phase getPhase() {
    return phase;
  }

  public Participant getParticipant() {
    return participant;
  }

  public SubmissionKind getKind() {
    return kind;
  }

  /** The image reference (or {@link #UPLOADED_ARCHIVE}), or null for a results upload. */
  public String getImage() {
    return run == null ? null : run.getImage();
  }

  /** What a Docker submission runs; null for a results upload. */
  public ImageRun getRun() {
    return run == null || run.getImage() == null ? null : run;
  }

  public String getImageDigest() {
    return imageDigest;
  }

  public SubmissionMetadata getMetadata() {
    return metadata;
  }

  public SubmissionStatus getStatus() {
    return status;
  }

  public RunOutcome getOutcome() {
    return outcome;
  }

  public String getDetail() {
    return detail;
  }

  public Integer getExitCode() {
    return exitCode;
  }

  public int getAttempt() {
    return attempt;
  }

  public String getNode() {
    return node;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public Long getWallMs() {
    return wallMs;
  }

  /** The submission this one runs again for an organizer, or null for a participant's own. */
  public Long getRerunOf() {
    return rerunOf;
  }

  public Map<String, Double> getScores() {
    return Collections.unmodifiableMap(scores);
  }

  /** Its private scores: only for those the phase shows them to ({@link Phase#showsPrivateTo}). */
  public Map<String, Double> getPrivateScores() {
    return Collections.unmodifiableMap(privateScores);
  }

  public boolean isMarkedFinal() {
    return markedFinal;
  }

  void markFinal(boolean markedFinal) {
    this.markedFinal = markedFinal;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Submission submission && id != null && id.equals(submission.id);
  }

  @Override
  public int hashCode() {
    return Submission.class.hashCode();
  }
}
