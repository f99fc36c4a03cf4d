package org.podium.competition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.podium.account.Account;

/** An account taking part in a competition. */
@Entity
@Table(name = "participant")
@NamedQuery(
    name = Participant.OF,
    query =
        "select p from Participant p where p.competition = :competition and p.account = :account")
@NamedQuery(
    name = Participant.COUNT,
    query =
        "select count(p) from Participant p where p.competition.id = :id"
            + " and p.status = org.podium.competition.ParticipantStatus.APPROVED")
public class Participant {

  public static final String OF = "Participant.of";

  /** How many approved participants a competition has. */
  public static final String COUNT = "Participant.count";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "competition_id", nullable = false, updatable = false)
  private Competition competition;

  @ManyToOne(optional = false)
  @JoinColumn(name = "account_id", nullable = false, updatable = false)
  private Account account;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ParticipantStatus status;

  @Column(name = "joined_at", nullable = false, updatable = false)
  private Instant joinedAt;

  /** When they accepted the competition's terms to join; null when it had none then. */
  @Column(name = "terms_accepted_at", updatable = false)
  private Instant termsAcceptedAt;

  protected Participant() {}

  public Participant(Competition competition, Account account) {
    this.competition = Objects.requireNonNull(competition, "competition");
    this.account = Objects.requireNonNull(account, "account");
    this.status =
        competition.getParticipation() == Participation.AUTO
            ? ParticipantStatus.APPROVED
            : ParticipantStatus.PENDING;
    this.joinedAt = Instant.now();
    this.termsAcceptedAt = competition.hasTerms() ? joinedAt : null;
  }

  public Long getId() {
    return id;
  }

  public Competition getCompetition() {
    return competition;
  }

  public Account getAccount() {
    return account;
  }

  public Instant getJoinedAt() {
    return joinedAt;
  }

  public Instant getTermsAcceptedAt() {
    return termsAcceptedAt;
  }

  public ParticipantStatus getStatus() {
    return status;
  }

  public void setStatus(ParticipantStatus status) {
    this.status = Objects.requireNonNull(status, "status");
  }

  public boolean isApproved() {
    return status == ParticipantStatus.APPROVED;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Participant participant && id != null && id.equals(participant.id);
  }

  @Override
  public int hashCode() {
    return Participant.class.hashCode();
  }
}
