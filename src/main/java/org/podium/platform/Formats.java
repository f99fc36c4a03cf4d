package org.podium.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How pages show values to people. */
@Named
@ApplicationScoped
public class Formats {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** A time as people read it, in UTC, or an empty string. */
  public String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }
}
