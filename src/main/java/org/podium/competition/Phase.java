package org.podium.competition;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.podium.account.Account;
import org.podium.scoring.Metric;

/** A stage of a competition with its own window, limits, data, scoring and leaderboard. */
@Entity
@Table(name = "phase")
public class Phase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "competition_id", nullable = false, updatable = false)
  private Competition competition;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false)
  private String name;

  @NotNull
  @Column(name = "opens_at", nullable = false)
  private Instant opensAt;

  @Column(name = "closes_at")
  private Instant closesAt;

  // The run limits and quotas: their defaults and rules are PhaseSettings'.
  @Column(name = "execution_time_limit_s", nullable = false)
  private int executionTimeLimitSeconds = PhaseSettings.DEFAULTS.executionTimeLimitSeconds();

  @Column(name = "max_submissions")
  private Integer maxSubmissions;

  @Column(name = "max_submissions_per_day")
  private Integer maxSubmissionsPerDay;

  @Column(name = "memory_mb", nullable = false)
  private int memoryMb = PhaseSettings.DEFAULTS.memoryMb();

  @Column(nullable = false, precision = 5, scale = 2)
  private BigDecimal cpus = PhaseSettings.DEFAULTS.cpus();

  @Column(nullable = false)
  private int gpus = PhaseSettings.DEFAULTS.gpus();

  @Enumerated(EnumType.STRING)
  @Column(name = "scoring_metric")
  private Metric scoringMetric;

  @Column(name = "scoring_image")
  private String scoringImage;

  @Column(name = "scoring_command")
  private String scoringCommand;

  @Enumerated(EnumType.STRING)
  @Column(name = "scoring_layout", nullable = false)
  private ScoringLayout scoringLayout = ScoringLayout.CODALAB;

  @NotBlank
  @Column(name = "predictions_file", nullable = false)
  private String predictionsFile = "predictions.csv";

  @NotBlank
  @Column(name = "truth_file", nullable = false)
  private String truthFile = "truth.csv";

  @Column(name = "input_data_bytes")
  private Long inputDataBytes;

  @Column(name = "reference_data_bytes")
  private Long referenceDataBytes;

  // The private leaderboard: off, K final submissions, hidden until the organizer reveals it.
  @Column(name = "private_leaderboard", nullable = false)
  private boolean privateLeaderboard;

  @Column(name = "final_submissions", nullable = false)
  private int finalSubmissions = PhaseSettings.DEFAULT_FINAL_SUBMISSIONS;

  @Column(name = "private_revealed_at")
  private Instant privateRevealedAt;

  @Column(name = "private_reference_data_bytes")
  private Long privateReferenceDataBytes;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "phase_column", joinColumns = @JoinColumn(name = "phase_id"))
  @OrderColumn(name = "position")
  private List<LeaderboardColumn> columns = new ArrayList<>();

  protected Phase() {}

  public Phase(String name, Instant opensAt) {
    this.name = name;
    this.opensAt = opensAt;
  }

  void attachTo(Competition competition, int position) {
    this.competition = competition;
    this.position = position;
  }

  public boolean isOpenAt(Instant instant) {
    return !instant.isBefore(opensAt) && (closesAt == null || instant.isBefore(closesAt));
  }

  public Optional<LeaderboardColumn> primaryColumn() {
    return columns.stream().filter(LeaderboardColumn::isPrimary).findFirst();
  }

  public Long getId() {
    return id;
  }

  public Competition getCompetition() {
    return competition;
  }

  public int getPosition() {
    return position;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Instant getOpensAt() {
    return opensAt;
  }

  public void setOpensAt(Instant opensAt) {
    this.opensAt = opensAt;
  }

  public Instant getClosesAt() {
    return closesAt;
  }

  public void setClosesAt(Instant closesAt) {
    this.closesAt = closesAt;
  }

  public int getExecutionTimeLimitSeconds() {
    return executionTimeLimitSeconds;
  }

  public Integer getMaxSubmissions() {
    return maxSubmissions;
  }

  public Integer getMaxSubmissionsPerDay() {
    return maxSubmissionsPerDay;
  }

  public int getMemoryMb() {
    return memoryMb;
  }

  public BigDecimal getCpus() {
    return cpus;
  }

  public int getGpus() {
    return gpus;
  }

  public Metric getScoringMetric() {
    return scoringMetric;
  }

  public String getScoringImage() {
    return scoringImage;
  }

  public String getScoringCommand() {
    return scoringCommand;
  }

  /** Scoring by a built-in metric, replacing any scoring image. */
  public void scoreWith(Metric metric) {
    this.scoringMetric = metric;
    this.scoringImage = null;
    this.scoringCommand = null;
  }

  /** Scoring by the organizer's container, replacing any built-in metric. */
  public void scoreWith(String image, String command) {
    this.scoringMetric = null;
    this.scoringImage = image;
    this.scoringCommand = command;
  }

  public ScoringLayout getScoringLayout() {
    return scoringLayout;
  }

  public void setScoringLayout(ScoringLayout scoringLayout) {
    this.scoringLayout = scoringLayout;
  }

  /** Its run limits and quotas. */
  public PhaseSettings settings() {
    return new PhaseSettings(
        executionTimeLimitSeconds, maxSubmissions, maxSubmissionsPerDay, memoryMb, cpus, gpus);
  }

  /** Takes these run limits and quotas (checked by the caller). */
  public void apply(PhaseSettings settings) {
    this.executionTimeLimitSeconds = settings.executionTimeLimitSeconds();
    this.maxSubmissions = settings.maxSubmissions();
    this.maxSubmissionsPerDay = settings.maxSubmissionsPerDay();
    this.memoryMb = settings.memoryMb();
    this.cpus = settings.cpus();
    this.gpus = settings.gpus();
  }

  public String getPredictionsFile() {
    return predictionsFile;
  }

  /** Names the output file and reference file a built-in metric compares. */
  public void setMetricFiles(String predictionsFile, String truthFile) {
    if (predictionsFile != null) {
      this.predictionsFile = predictionsFile;
    }
    if (truthFile != null) {
      this.truthFile = truthFile;
    }
  }

  public String getTruthFile() {
    return truthFile;
  }

  public Long getInputDataBytes() {
    return inputDataBytes;
  }

  public void setInputDataBytes(Long bytes) {
    this.inputDataBytes = bytes;
  }

  public Long getReferenceDataBytes() {
    return referenceDataBytes;
  }

  public void setReferenceDataBytes(Long bytes) {
    this.referenceDataBytes = bytes;
  }

  /** Whether outputs are scored a second time, against the private reference data. */
  public boolean hasPrivateLeaderboard() {
    return privateLeaderboard;
  }

  /** How many submissions a participant may mark final (K). */
  public int getFinalSubmissions() {
    return finalSubmissions;
  }

  /** Takes the private leaderboard's settings (checked by the caller). */
  public void setPrivateLeaderboard(boolean privateLeaderboard, int finalSubmissions) {
    this.privateLeaderboard = privateLeaderboard;
    this.finalSubmissions = finalSubmissions;
  }

  /** When the organizer revealed the private leaderboard; null while it is hidden. */
  public Instant getPrivateRevealedAt() {
    return privateRevealedAt;
  }

  public boolean isPrivateRevealed() {
    return privateRevealedAt != null;
  }

  /** Reveals (an instant) or hides again (null) the private leaderboard. */
  public void setPrivateRevealedAt(Instant privateRevealedAt) {
    this.privateRevealedAt = privateRevealedAt;
  }

  /**
   * Whether {@code reader} (null: anonymous) may see private scores and the private leaderboard:
   * organizers always, everyone once it is revealed.
   */
  public boolean showsPrivateTo(Account reader) {
    return privateLeaderboard
        && (privateRevealedAt != null || (reader != null && competition.isOrganizedBy(reader)));
  }

  public Long getPrivateReferenceDataBytes() {
    return privateReferenceDataBytes;
  }

  public void setPrivateReferenceDataBytes(Long bytes) {
    this.privateReferenceDataBytes = bytes;
  }

  public List<LeaderboardColumn> getColumns() {
    return Collections.unmodifiableList(columns);
  }

  public void setColumns(List<LeaderboardColumn> columns) {
    this.columns = new ArrayList<>(columns);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Phase phase && id != null && id.equals(phase.id);
  }

  @Override
  public int hashCode() {
    return Phase.class.hashCode();
  }
}
