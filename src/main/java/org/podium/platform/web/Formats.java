package org.podium.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
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

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  /** A time as people read it, in UTC, or an empty string. */
  public String time(Instant instant) {
    return utc(instant);
  }

  /**
   * The day (UTC) of a time, {@code 2026-11-30}, or an empty string: one line in a table, the whole
   * {@link #time} in its tooltip.
   */
  public String day(Instant instant) {
    return instant == null ? "" : DAY.format(instant);
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

  /** Decimals of a score whose column does not say (a leaderboard column's default). */
  public static final int DEFAULT_DECIMALS = 4;

  /**
   * A score as every page shows it: rounded half up to its column's {@code decimals}, "—" for none.
   * The one number format of scores (tables, submission pages, leaderboards).
   */
  public static String score(Double value, int decimals) {
    return value == null || value.isNaN() || value.isInfinite()
        ? (value == null ? "—" : value.toString())
        : BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
  }

  /** Scores as "key value" pairs with the default decimals, in the order the scorer gave them. */
  public String scores(Map<String, Double> scores) {
    return scores(scores, Map.of());
  }

  /**
   * Scores as "key value" pairs, each with its column's decimals ({@code decimals} by key, the
   * default for a key without a column), in the order the scorer gave them.
   */
  public static String scores(Map<String, Double> scores, Map<String, Integer> decimals) {
    return scores == null
        ? ""
        : scores.entrySet().stream()
            .map(
                s ->
                    s.getKey()
                        + " "
                        + score(s.getValue(), decimals.getOrDefault(s.getKey(), DEFAULT_DECIMALS)))
            .collect(Collectors.joining(", "));
  }

  /**
   * Whether a text is one web address a page may link to: http or https only (never javascript: or
   * data:), no spaces.
   */
  public boolean webLink(String text) {
    if (text == null || text.isBlank() || text.strip().chars().anyMatch(Character::isWhitespace)) {
      return false;
    }
    try {
      URI uri = new URI(text.strip());
      String scheme = uri.getScheme();
      return uri.getHost() != null
          && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
    } catch (URISyntaxException notAnAddress) {
      return false;
    }
  }
}
