package org.podium.scoring;

import static org.podium.files.Bytes.MIB;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file of {@code id,value} rows (a first row {@code id,…} is a header), read record by record
 * with Commons CSV: memory holds one record (at most {@link #MAX_RECORD_CHARS}) and the rows the
 * caller keeps, never the file. Whatever is wrong is refused with the file's name and the line.
 */
final class IdValueFile {

  /** The most a file may be: a bound on time, since memory is bounded by the rows kept. */
  static final long MAX_FILE_BYTES = 512 * MIB;

  /** The longest record: an id and a value are short; a longer one is not such a row. */
  static final int MAX_RECORD_CHARS = 64 * 1024;

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT
          .builder()
          .setIgnoreEmptyLines(true)
          .setTrim(true)
          .setIgnoreSurroundingSpaces(true)
          .get();

  /** A kept row: its value and the line it ends on. */
  record Row(String value, long line) {}

  private IdValueFile() {}

  /**
   * Reads {@code file}'s rows in order.
   *
   * @param name how messages name the file
   * @param keep which ids to keep; a row whose id is not kept is refused, as is an id twice: the
   *     ids kept (the reference's, for predictions) bound the rows, so a file with more rows than
   *     that is refused at its first row too many
   * @param unknownId the refusal of an id not kept, given its quoted id
   * @throws ScoringException naming the file and the line of what is wrong
   */
  static Map<String, Row> read(
      Path file,
      String name,
      Predicate<String> keep,
      java.util.function.Function<String, String> unknownId) {
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new ScoringException(
            "There is no file " + name + ": write it as CSV lines of id,value.");
      }
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new ScoringException(
            "The file "
                + name
                + " is larger than "
                + MAX_FILE_BYTES / MIB
                + " MiB: make it smaller.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Row> rows = new LinkedHashMap<>();
    try (Reader text =
            new BoundedRecords(Files.newBufferedReader(file, StandardCharsets.UTF_8), name);
        CSVParser parser = CSVParser.parse(text, FORMAT)) {
      Iterator<CSVRecord> records = parser.iterator();
      boolean first = true;
      while (next(records, name)) {
        CSVRecord record = records.next();
        long line = parser.getCurrentLineNumber();
        String id = record.get(0);
        if (first) {
          id = id.startsWith("\uFEFF") ? id.substring(1).strip() : id; // a byte order mark
          first = false;
          if (id.equalsIgnoreCase("id")) {
            continue; // the header
          }
        }
        if (record.size() != 2) {
          throw new ScoringException(
              "In "
                  + name
                  + ", line "
                  + line
                  + " has "
                  + record.size()
                  + " columns: write two, id,value.");
        }
        if (id.isEmpty()) {
          throw new ScoringException(
              "In " + name + ", line " + line + " has no id: give every line one.");
        }
        if (!keep.test(id)) {
          throw new ScoringException(
              "In " + name + ", line " + line + " " + unknownId.apply(quote(id)) + ".");
        }
        Row earlier = rows.putIfAbsent(id, new Row(record.get(1), line));
        if (earlier != null) {
          throw new ScoringException(
              "The file "
                  + name
                  + " has id "
                  + quote(id)
                  + " twice (lines "
                  + earlier.line()
                  + " and "
                  + line
                  + "): keep one of them.");
        }
      }
    } catch (IOException e) {
      throw refusal(e, name);
    }
    if (rows.isEmpty()) {
      throw new ScoringException(
          "The file " + name + " has no rows: write a line id,value for every id.");
    }
    return rows;
  }

  /** Whether another record follows; what the parser cannot read is refused. */
  private static boolean next(Iterator<CSVRecord> records, String name) {
    try {
      return records.hasNext();
    } catch (UncheckedIOException e) {
      throw refusal(e.getCause(), name);
    }
  }

  private static RuntimeException refusal(IOException e, String name) {
    if (e instanceof CharacterCodingException) {
      return new ScoringException("The file " + name + " is not UTF-8 text: save it as UTF-8.");
    }
    if (e instanceof CSVException) {
      return new ScoringException(
          "The file "
              + name
              + " is not valid CSV: "
              + csvMessage(e.getMessage()).replaceAll("\\.$", "")
              + ".");
    }
    return new UncheckedIOException(e);
  }

  /** Commons CSV's words for the two usual mistakes, in the participant's. */
  private static String csvMessage(String message) {
    java.util.regex.Matcher unclosed =
        java.util.regex.Pattern.compile("\\(startline (\\d+)\\) EOF reached before encapsulated")
            .matcher(message);
    if (unclosed.find()) {
      return "the quote opened on line " + unclosed.group(1) + " is never closed";
    }
    return message
        .replace(
            "Invalid character between encapsulated token and delimiter",
            "a character after a closing quote")
        .replace("at line: ", "on line ")
        .replaceAll(", position: \\d+", "");
  }

  /** Text from the file, safe to show: in quotes, control characters as '?', at most 40 chars. */
  static String quote(String text) {
    StringBuilder shown = new StringBuilder("'");
    text.codePoints()
        .limit(40)
        .forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return shown.append(text.codePointCount(0, text.length()) > 40 ? "…'" : "'").toString();
  }

  /**
   * Refuses, as the parser reads, a NUL character and a record longer than {@link
   * #MAX_RECORD_CHARS} (counted from the last line break outside quotes, so a quote never closed
   * does not make the parser hold the rest of the file).
   */
  private static final class BoundedRecords extends FilterReader {
    private final String name;
    private long line = 1;
    private long recordChars;
    private boolean quoted;

    BoundedRecords(Reader in, String name) {
      super(in);
      this.name = name;
    }

    @Override
    public int read() throws IOException {
      char[] one = new char[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int read = in.read(buffer, offset, length);
      for (int i = offset; i < offset + read; i++) {
        char c = buffer[i];
        if (c == '\0') {
          throw new ScoringException(
              "In " + name + ", line " + line + " holds a NUL character: remove it.");
        }
        if (c == '"') {
          quoted = !quoted;
        }
        if (c == '\n') {
          line++;
          if (!quoted) {
            recordChars = 0;
            continue;
          }
        }
        if (++recordChars > MAX_RECORD_CHARS) {
          throw new ScoringException(
              "In "
                  + name
                  + ", line "
                  + line
                  + (quoted
                      ? " is in a quoted value longer than " + MAX_RECORD_CHARS + " characters"
                      : " is longer than " + MAX_RECORD_CHARS + " characters")
                  + ": shorten it.");
        }
      }
      return read;
    }

    @Override
    public long skip(long n) throws IOException {
      char[] skipped = new char[(int) Math.min(n, 8192)];
      return Math.max(0, read(skipped, 0, skipped.length));
    }
  }
}
