package org.podium.competition;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.podium.platform.problem.Problem;

/**
 * Phase dates as the form's {@code datetime-local} inputs hold them: minutes, in UTC (the page says
 * so), so an organizer's browser time zone never shifts a deadline silently.
 */
public final class PhaseTimes {

  private PhaseTimes() {}

  /** The instant a form value names, null for an empty one. */
  public static Instant parse(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw Problem.invalidField(
          field,
          "Give a date and time such as 2026-12-31T23:59 (UTC), not '" + value.strip() + "'.");
    }
  }

  /** The form value for an instant, empty for none. */
  public static String format(Instant instant) {
    return instant == null
        ? ""
        : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC)
            .toString();
  }
}
