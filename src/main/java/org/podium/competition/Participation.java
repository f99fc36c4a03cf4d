package org.podium.competition;

/** How participants get in: at once, or when an organizer approves them. */
public enum Participation {
  AUTO,
  APPROVAL
}
