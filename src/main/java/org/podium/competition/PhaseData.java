package org.podium.competition;

/** The data an organizer uploads for a phase. */
public enum PhaseData {
  /** Mounted into participant containers. */
  INPUT,
  /** What outputs are scored against for the (public) leaderboard. */
  REFERENCE,
  /** What outputs are scored against a second time for the private leaderboard. */
  PRIVATE_REFERENCE
}
