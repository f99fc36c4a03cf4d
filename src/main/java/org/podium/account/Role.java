package org.podium.account;

/** What an account may do on Podium. */
public enum Role {
  /** Runs the installation: accounts, every competition. */
  ADMIN,
  /** Creates and runs competitions. */
  ORGANIZER,
  /** Joins competitions and submits. */
  PARTICIPANT
}
