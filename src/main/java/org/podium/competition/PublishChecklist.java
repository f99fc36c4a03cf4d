package org.podium.competition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.podium.competition.CompetitionViews.CompetitionView;
import org.podium.competition.CompetitionViews.PhaseView;

/**
 * What participants would run into if the competition were published now — no phase, a phase
 * without the data its scoring reads, a phase that never closes or has closed — each a sentence
 * that says what to do. The editor lists them by the Published box; the organizer may still publish
 * knowingly, so none of them refuses anything.
 */
public final class PublishChecklist {

  private PublishChecklist() {}

  /** The competition's gaps at {@code now}, in the order of its phases; empty when none. */
  public static List<String> gaps(CompetitionView competition, Instant now) {
    List<String> gaps = new ArrayList<>();
    if (competition.description() == null || competition.description().isBlank()) {
      gaps.add("There is no description: say what to predict and how submissions are scored.");
    }
    if (competition.phases().isEmpty()) {
      gaps.add("There is no phase yet: participants cannot submit until you add one.");
    }
    for (PhaseView phase : competition.phases()) {
      String name = "Phase '" + phase.name() + "'";
      if (phase.referenceDataBytes() == null) {
        gaps.add(
            name + " has no reference data: its submissions cannot be scored until you upload it.");
      }
      if (competition.enableDockerSubmission() && phase.inputDataBytes() == null) {
        gaps.add(name + " has no input data: participants' images find /mnt/in empty; upload it.");
      }
      if (phase.privateLeaderboard() && phase.privateReferenceDataBytes() == null) {
        gaps.add(
            name
                + " has a private leaderboard but no private reference data: upload it, or turn"
                + " the private leaderboard off.");
      }
      if (phase.closesAt() == null) {
        gaps.add(name + " has no closing date: it stays open for ever unless you set one.");
      } else if (!phase.closesAt().isAfter(now)) {
        gaps.add(name + " has closed already: move its closing date to take submissions.");
      }
    }
    return gaps;
  }
}
