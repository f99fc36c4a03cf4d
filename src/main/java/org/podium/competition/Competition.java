package org.podium.competition;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.podium.account.Account;
import org.podium.account.Role;

/** A competition: what organizers publish and participants take part in, phase by phase. */
@Entity
@Table(name = "competition")
public class Competition {

  /**
   * The longest title and description the database keeps (V3: varchar(200); text, Podium's cap).
   */
  public static final int MAX_TITLE = 200;

  public static final int MAX_DESCRIPTION = 100_000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @NotBlank
  @Size(max = 200)
  @Column(nullable = false)
  private String title;

  @NotNull
  @Size(max = 100_000)
  @Column(nullable = false)
  private String description = "";

  @Column(nullable = false)
  private boolean published;

  /** The rules participants accept to join (Markdown); empty when there are none. */
  @NotNull
  @Size(max = 100_000)
  @Column(nullable = false)
  private String terms = "";

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Participation participation = Participation.AUTO;

  /** The seed's "Allow participant docker submission". */
  @Column(name = "docker_submission", nullable = false)
  private boolean dockerSubmission;

  /** Off by default: a container can print the input data it reads. */
  @Column(name = "participants_see_logs", nullable = false)
  private boolean participantsSeeLogs;

  /** Off by default: the scoring program reads the reference data and may print it. */
  @Column(name = "participants_see_scoring_output", nullable = false)
  private boolean participantsSeeScoringOutput;

  /** Off by default: the scoring image and command are shown to organizers only. */
  @Column(name = "scoring_programs_public", nullable = false)
  private boolean scoringProgramsPublic;

  /**
   * Whether everyone who sees the competition may download its files (V15), not only its approved
   * participants and organizers.
   */
  @Column(name = "files_public", nullable = false)
  private boolean filesPublic;

  @ManyToMany
  @JoinTable(
      name = "competition_organizer",
      joinColumns = @JoinColumn(name = "competition_id"),
      inverseJoinColumns = @JoinColumn(name = "account_id"))
  private Set<Account> organizers = new HashSet<>();

  @OneToMany(mappedBy = "competition", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<Phase> phases = new ArrayList<>();

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected Competition() {}

  public Competition(String title, Account organizer) {
    this.title = Objects.requireNonNull(title, "title");
    this.organizers.add(Objects.requireNonNull(organizer, "organizer"));
    this.createdAt = Instant.now();
  }

  /** Whether {@code account} runs this competition (administrators run them all). */
  public boolean isOrganizedBy(Account account) {
    return account != null && (account.hasRole(Role.ADMIN) || organizers.contains(account));
  }

  /** Unpublished competitions are visible to their organizers only. */
  public boolean isVisibleTo(Account account) {
    return published || isOrganizedBy(account);
  }

  public Phase addPhase(Phase phase) {
    phase.attachTo(this, phases.size() + 1);
    phases.add(phase);
    return phase;
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description == null ? "" : description;
  }

  public boolean isPublished() {
    return published;
  }

  public void setPublished(boolean published) {
    this.published = published;
  }

  public String getTerms() {
    return terms;
  }

  public void setTerms(String terms) {
    this.terms = terms == null ? "" : terms;
  }

  /** Whether joining asks the participant to accept terms. */
  public boolean hasTerms() {
    return !terms.isBlank();
  }

  /** Where the competition stands at {@code now} (see {@link CompetitionState}). */
  public CompetitionState stateAt(Instant now) {
    return CompetitionState.of(
        published,
        phases.stream()
            .map(p -> new CompetitionState.Window(p.getOpensAt(), p.getClosesAt()))
            .toList(),
        now);
  }

  public Participation getParticipation() {
    return participation;
  }

  public void setParticipation(Participation participation) {
    this.participation = participation == null ? Participation.AUTO : participation;
  }

  public boolean isDockerSubmission() {
    return dockerSubmission;
  }

  public void setDockerSubmission(boolean dockerSubmission) {
    this.dockerSubmission = dockerSubmission;
  }

  public boolean isParticipantsSeeLogs() {
    return participantsSeeLogs;
  }

  public void setParticipantsSeeLogs(boolean participantsSeeLogs) {
    this.participantsSeeLogs = participantsSeeLogs;
  }

  public boolean isParticipantsSeeScoringOutput() {
    return participantsSeeScoringOutput;
  }

  public void setParticipantsSeeScoringOutput(boolean participantsSeeScoringOutput) {
    this.participantsSeeScoringOutput = participantsSeeScoringOutput;
  }

  public boolean isScoringProgramsPublic() {
    return scoringProgramsPublic;
  }

  public void setScoringProgramsPublic(boolean scoringProgramsPublic) {
    this.scoringProgramsPublic = scoringProgramsPublic;
  }

  public boolean isFilesPublic() {
    return filesPublic;
  }

  public void setFilesPublic(boolean filesPublic) {
    this.filesPublic = filesPublic;
  }

  /** Whether {@code account} may read the logs of runs in this competition. */
  public boolean showsLogsTo(Account account) {
    return participantsSeeLogs || isOrganizedBy(account);
  }

  /** Whether {@code account} may read the scoring program's output for runs here. */
  public boolean showsScoringOutputTo(Account account) {
    return participantsSeeScoringOutput || isOrganizedBy(account);
  }

  /** Whether {@code account} may see the phases' scoring images and commands. */
  public boolean showsScoringProgramsTo(Account account) {
    return scoringProgramsPublic || isOrganizedBy(account);
  }

  public Set<Account> getOrganizers() {
    return Collections.unmodifiableSet(organizers);
  }

  /** Replaces who runs the competition; it always keeps at least one organizer. */
  public void setOrganizers(Set<Account> accounts) {
    if (accounts.isEmpty()) {
      throw new IllegalArgumentException("a competition needs at least one organizer");
    }
    organizers = new HashSet<>(accounts);
  }

  public List<Phase> getPhases() {
    return Collections.unmodifiableList(phases);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Competition competition && id != null && id.equals(competition.id);
  }

  @Override
  public int hashCode() {
    return Competition.class.hashCode();
  }
}
