package org.podium.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.podium.submission.SubmissionMetadata;

/**
 * The CSV of a phase's submissions: which columns, in which order, and how a cell is written. Cells
 * participants control (team, method, every metadata field, details) are text a spreadsheet could
 * take for a formula, so text starting with {@code = + - @}, a tab or a carriage return gets a
 * leading {@code '} (OWASP's advice on CSV injection); numbers are written as they are.
 */
public final class SubmissionsCsv {

  /** One column: its header and how a row fills it (null: an empty cell). */
  public record Column(String header, Function<ExportRow, Object> value) {}

  /** Prefix of a score column's header: {@code score:<key>}. */
  static final String SCORE = "score:";

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().get();

  private final List<Column> columns;
  private final CSVPrinter printer;

  private SubmissionsCsv(List<Column> columns, Appendable out) {
    this.columns = columns;
    try {
      this.printer = new CSVPrinter(out, FORMAT);
      printer.printRecord(columns.stream().map(Column::header).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A CSV with these score keys, its header written to {@code out}. */
  public static SubmissionsCsv to(Appendable out, List<String> scoreKeys) {
    return new SubmissionsCsv(columns(scoreKeys), out);
  }

  /**
   * Every column, in order. The one place that chooses them: a new kind of score (e.g. private
   * scores) is one more line here.
   */
  static List<Column> columns(List<String> scoreKeys) {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("id", ExportRow::id));
    columns.add(new Column("participant", ExportRow::participant));
    SubmissionMetadata.Field[] fields = SubmissionMetadata.Field.values();
    for (int i = 0; i < fields.length; i++) {
      int index = i;
      columns.add(new Column(fields[i].seedName(), row -> row.metadata().get(index)));
    }
    columns.add(new Column("kind", ExportRow::kind));
    columns.add(new Column("image", ExportRow::image));
    columns.add(new Column("image_digest", ExportRow::imageDigest));
    columns.add(new Column("status", ExportRow::status));
    columns.add(new Column("outcome", ExportRow::outcome));
    columns.add(new Column("detail", ExportRow::detail));
    columns.add(new Column("exit_code", ExportRow::exitCode));
    columns.add(new Column("attempts", ExportRow::attempts));
    columns.add(new Column("submitted_at", ExportRow::submittedAt));
    columns.add(new Column("started_at", ExportRow::startedAt));
    columns.add(new Column("finished_at", ExportRow::finishedAt));
    columns.add(new Column("wall_ms", ExportRow::wallMs));
    columns.add(new Column("rerun_of", ExportRow::rerunOf));
    for (String key : scoreKeys) {
      columns.add(new Column(SCORE + key, row -> row.scores().get(key)));
    }
    return columns;
  }

  /**
   * The score keys to show: the leaderboard's columns in their order, then every other key some
   * submission has, by name.
   */
  public static List<String> scoreKeys(List<String> leaderboardKeys, List<String> presentKeys) {
    Set<String> keys = new LinkedHashSet<>(leaderboardKeys);
    presentKeys.stream().sorted().forEach(keys::add);
    return List.copyOf(keys);
  }

  public void write(ExportRow row) {
    try {
      for (Column column : columns) {
        printer.print(cell(column.value().apply(row)));
      }
      printer.println();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void flush() {
    try {
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Instants as ISO-8601 UTC ({@code Instant.toString}), text guarded, numbers as they are. */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number) {
      return value.toString();
    }
    return guarded(value.toString());
  }

  /** Text a spreadsheet would read as a formula gets a leading {@code '}. */
  static String guarded(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }
}
