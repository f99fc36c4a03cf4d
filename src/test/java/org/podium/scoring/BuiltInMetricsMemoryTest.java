package org.podium.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A participant's predictions file of half a gigabyte is scored or refused in a JVM with a 64 MiB
 * heap: the metrics stream it and keep only the reference's rows (before, {@code readAllLines} and
 * hash maps of the whole file ran the server out of heap and left the submission SCORING).
 */
class BuiltInMetricsMemoryTest {

  private static final long HALF_GIGABYTE = 500L * 1024 * 1024;
  private static final String TRUTH = "id,value\n1,3\n2,4\n3,5\n";

  @TempDir Path dir;

  @Test
  void halfAGigabyteOfBlankLinesIsReadThroughInASmallHeapAndScored() throws Exception {
    Path predictions = dir.resolve("predictions.csv");
    try (Writer out = writer(predictions)) {
      out.write("id,value\n1,3\n");
      char[] blank = new char[1 << 20];
      java.util.Arrays.fill(blank, '\n');
      for (long written = 0; written < HALF_GIGABYTE; written += blank.length) {
        out.write(blank);
      }
      out.write("2,4\n3,7\n");
    }

    assertEquals("score 0.6666666666666666", scoreInSmallHeap(predictions));
  }

  @Test
  void halfAGigabyteOfRowsIsRefusedAtTheFirstRowTheReferenceDoesNotHave() throws Exception {
    Path predictions = dir.resolve("predictions.csv");
    try (Writer out = writer(predictions)) {
      for (long row = 1, written = 0; written < HALF_GIGABYTE; row++) {
        String line = row + ",0.5\n";
        out.write(line);
        written += line.length();
      }
    }

    assertEquals(
        "refused In predictions.csv, line 4 has id '4', which is not an id of the reference data:"
            + " remove that line.",
        scoreInSmallHeap(predictions));
  }

  @Test
  void halfAGigabyteOnOneLineIsRefusedAfterItsFirst64KiB() throws Exception {
    Path predictions = dir.resolve("predictions.csv");
    try (Writer out = writer(predictions)) {
      out.write("1,");
      char[] digits = new char[1 << 20];
      java.util.Arrays.fill(digits, '7');
      for (long written = 0; written < HALF_GIGABYTE; written += digits.length) {
        out.write(digits);
      }
    }

    assertEquals(
        "refused In predictions.csv, line 1 is longer than 65536 characters: shorten it.",
        scoreInSmallHeap(predictions));
  }

  private static Writer writer(Path file) throws IOException {
    return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.US_ASCII), 1 << 20);
  }

  /** MAE of {@code predictions} against {@link #TRUTH}, in a child JVM with a 64 MiB heap. */
  private String scoreInSmallHeap(Path predictions) throws Exception {
    Path truth = Files.writeString(dir.resolve("truth.csv"), TRUTH);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx64m");
    command.add("-cp");
    command.add(classpath());
    command.add(SmallHeapScoring.class.getName());
    command.add("MAE");
    command.add(truth.toString());
    command.add(predictions.toString());
    Process child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    if (!child.waitFor(120, TimeUnit.SECONDS)) {
      child.destroyForcibly();
      throw new AssertionError("scoring took longer than two minutes");
    }
    String output = Files.readString(dir.resolve("child.log")).strip();
    assertEquals(0, child.exitValue(), output);
    return output;
  }

  /** Podium's classes, the test's and the libraries the metrics use. */
  private static String classpath() throws Exception {
    List<String> entries = new ArrayList<>();
    for (String type :
        List.of(
            BuiltInMetrics.class.getName(),
            SmallHeapScoring.class.getName(),
            "org.apache.commons.csv.CSVFormat",
            "org.apache.commons.io.IOUtils",
            "org.apache.commons.codec.binary.Base64")) {
      entries.add(
          Path.of(Class.forName(type).getProtectionDomain().getCodeSource().getLocation().toURI())
              .toString());
    }
    return String.join(java.io.File.pathSeparator, entries);
  }
}
