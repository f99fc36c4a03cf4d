package org.podium.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How pages show values to people. */
@Named
@ApplicationScoped
public class Formats {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** A time as people read it, in UTC, or an empty string. */
  public String time(Instant instant) {
    return utc(instant);
  }

  /** A time as people read it, for messages too: {@code 2026-11-30 00:00 UTC}. */
  public static String utc(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  /** A size in bytes as people read it ("—" for none): 812 bytes, 4.2 KiB, 1.5 MiB, 2.0 GiB. */
  public String bytes(Long bytes) {
    if (bytes == null) {
      return "—";
    }
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /** A run's duration: 850 ms, 12.3 s, 4 min 05 s. */
  public String duration(Long millis) {
    if (millis == null) {
      return "";
    }
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = millis / 1000;
    return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
  }

  /** Scores as "key value" pairs with four decimals, in the order the scorer gave them. */
  public String scores(Map<String, Double> scores) {
    return scores == null
        ? ""
        : scores.entrySet().stream()
            .map(s -> s.getKey() + " " + String.format(Locale.ROOT, "%.4f", s.getValue()))
            .collect(Collectors.joining(", "));
  }
}
