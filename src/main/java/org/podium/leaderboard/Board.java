package org.podium.leaderboard;

import java.util.Locale;
import org.podium.platform.problem.Problem;

/** Which of a phase's leaderboards: the public one, or the private one (see {@link Ranking}). */
public enum Board {
  PUBLIC,
  PRIVATE;

  /** As the API names it: {@code public} or {@code private}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** From a query parameter: {@code public} (also when left out) or {@code private}; 400 else. */
  public static Board of(String name) {
    if (name == null || name.isBlank()) {
      return PUBLIC;
    }
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Problem.invalidField(
          "board", "Ask for the public or the private leaderboard: board=public or board=private.");
    }
  }
}
