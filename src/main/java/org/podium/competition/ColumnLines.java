package org.podium.competition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.podium.competition.CompetitionRequests.ColumnRequest;
import org.podium.competition.CompetitionViews.ColumnView;
import org.podium.platform.problem.Problem;

/**
 * Leaderboard columns as organizers type them on the phase form, one a line: {@code key, label,
 * asc|desc, decimals, primary}. Only the key is required: the label defaults to the key, the sort
 * to {@code desc} (higher is better), decimals to 4; a single column is the primary one.
 */
public final class ColumnLines {

  private ColumnLines() {}

  public static List<ColumnRequest> parse(String text) {
    List<ColumnRequest> columns = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return columns;
    }
    String[] lines = text.strip().split("\\R");
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split(",", -1);
      if (parts.length > 5) {
        throw refused(n, "has more than five parts: give key, label, asc|desc, decimals, primary.");
      }
      String key = parts[0].strip();
      if (!key.matches("[A-Za-z0-9_.-]{1,64}")) {
        throw refused(n, "needs a key of letters, digits, '_', '.' or '-' first (at most 64).");
      }
      String label = part(parts, 1);
      String sort = part(parts, 2);
      if (sort != null && !sort.equalsIgnoreCase("asc") && !sort.equalsIgnoreCase("desc")) {
        throw refused(
            n, "sorts 'asc' (lower is better) or 'desc' (higher is better), not '" + sort + "'.");
      }
      Integer decimals = null;
      String digits = part(parts, 3);
      if (digits != null) {
        try {
          decimals = Integer.valueOf(digits);
        } catch (NumberFormatException e) {
          throw refused(n, "gives decimals as a number from 0 to 10, not '" + digits + "'.");
        }
      }
      String primary = part(parts, 4);
      if (primary != null && !primary.equalsIgnoreCase("primary")) {
        throw refused(n, "ends with 'primary' or nothing, not '" + primary + "'.");
      }
      columns.add(
          new ColumnRequest(
              key,
              label == null ? key : label,
              sort == null ? "desc" : sort.toLowerCase(Locale.ROOT),
              decimals,
              primary != null));
    }
    if (columns.size() == 1 && !columns.get(0).primary()) {
      ColumnRequest only = columns.get(0);
      columns.set(
          0, new ColumnRequest(only.key(), only.label(), only.sort(), only.decimals(), true));
    }
    return columns;
  }

  /** The lines that {@link #parse} reads back to the same columns. */
  public static String format(List<ColumnView> columns) {
    StringBuilder text = new StringBuilder();
    for (ColumnView column : columns) {
      text.append(column.key())
          .append(", ")
          .append(column.label() == null ? column.key() : column.label())
          .append(", ")
          .append(column.sort())
          .append(", ")
          .append(column.decimals())
          .append(column.primary() ? ", primary" : "")
          .append('\n');
    }
    return text.toString();
  }

  private static String part(String[] parts, int index) {
    if (index >= parts.length || parts[index].isBlank()) {
      return null;
    }
    return parts[index].strip();
  }

  private static Problem refused(int line, String why) {
    return Problem.invalidField("columns", "Line " + (line + 1) + " " + why);
  }
}
