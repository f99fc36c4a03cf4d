package org.podium.competition;

/** Where a participant stands in a competition. */
public enum ParticipantStatus {
  PENDING,
  APPROVED,
  DENIED
}
