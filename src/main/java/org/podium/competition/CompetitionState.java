package org.podium.competition;

import java.time.Instant;
import java.util.List;

/**
 * Where a competition stands, from {@code published} and its phases' dates (issue 15): a draft is
 * not published; a published competition is open while one of its phases is open; closed once every
 * phase has closed (it has phases, none open now or later); upcoming otherwise (no phase yet, the
 * first phase not open yet, or between two phases).
 */
public enum CompetitionState {
  DRAFT("Draft", "Only its organizers see it until they publish it."),
  UPCOMING("Not open yet", "Published: no phase takes submissions yet."),
  OPEN("Open", "A phase takes submissions now."),
  CLOSED("Closed", "Every phase has ended: no more submissions.");

  private final String label;
  private final String meaning;

  CompetitionState(String label, String meaning) {
    this.label = label;
    this.meaning = meaning;
  }

  /** As a page shows it: "Open", "Not open yet". */
  public String label() {
    return label;
  }

  /** One sentence saying what the state means for the people who see it. */
  public String meaning() {
    return meaning;
  }

  /** The state at {@code now} of a competition published or not, with phases of these times. */
  public static CompetitionState of(boolean published, List<Window> phases, Instant now) {
    if (!published) {
      return DRAFT;
    }
    if (phases.stream().anyMatch(p -> p.isOpenAt(now))) {
      return OPEN;
    }
    boolean later =
        phases.stream().anyMatch(p -> p.closesAt() == null || p.closesAt().isAfter(now));
    return phases.isEmpty() || later ? UPCOMING : CLOSED;
  }

  /** A phase's times: open from {@code opensAt}, until {@code closesAt} (null: no end). */
  public record Window(Instant opensAt, Instant closesAt) {
    boolean isOpenAt(Instant instant) {
      return !instant.isBefore(opensAt) && (closesAt == null || instant.isBefore(closesAt));
    }
  }
}
