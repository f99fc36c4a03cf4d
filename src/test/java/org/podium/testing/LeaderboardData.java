package org.podium.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Writes a phase at real scale straight into PostgreSQL ({@code benchmarks/leaderboard-data.sql}):
 * for the benchmarks against the run command's database, and in-container for tests that need
 * thousands of rows. {@code ./mvnw -Pbench -Dbench.class=org.podium.testing.LeaderboardData
 * -Dbench.home=$HOME/.podium -Dbench.participants=2000 -Dbench.submissions=50000}
 */
public final class LeaderboardData {

  private static final Pattern TAG = Pattern.compile("[a-z0-9-]{1,20}");
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,40}");

  private LeaderboardData() {}

  /** The script's statements for these numbers, each ready to run. */
  public static List<String> statements(
      String tag, int participants, int submissions, String organizer, double seed) {
    if (!TAG.matcher(tag).matches() || !USERNAME.matcher(organizer).matches()) {
      throw new IllegalArgumentException("tag or organizer with characters the script cannot hold");
    }
    if (participants < 1 || submissions < 0 || seed < 0 || seed > 1) {
      throw new IllegalArgumentException("participants ≥ 1, submissions ≥ 0, seed in 0..1");
    }
    String script;
    try (InputStream in =
        LeaderboardData.class.getResourceAsStream("/benchmarks/leaderboard-data.sql")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String filled =
        script
            .replace("${tag}", tag)
            .replace("${participants}", Integer.toString(participants))
            .replace("${submissions}", Integer.toString(submissions))
            .replace("${organizer}", organizer)
            .replace("${seed}", String.format(Locale.ROOT, "%.6f", seed));
    return Arrays.stream(filled.split(";\\s*\\n"))
        .map(s -> s.lines().filter(line -> !line.strip().startsWith("--")).toList())
        .map(lines -> String.join("\n", lines).strip())
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** The competition's title the script gives for a tag. */
  public static String title(String tag) {
    return "Leaderboard data " + tag;
  }

  /** Runs the statements one by one (as a JDBC statement or a JPA native query). */
  public static void write(
      String tag,
      int participants,
      int submissions,
      String organizer,
      double seed,
      Consumer<String> execute) {
    statements(tag, participants, submissions, organizer, seed).forEach(execute);
  }

  /** Into the run command's database (PODIUM_HOME's password, port 15432 unless told). */
  public static void main(String[] args) throws Exception {
    Path home =
        Path.of(System.getProperty("bench.home", System.getProperty("user.home") + "/.podium"));
    int port = Integer.getInteger("bench.dbPort", 15432);
    int participants = Integer.getInteger("bench.participants", 2000);
    int submissions = Integer.getInteger("bench.submissions", 50000);
    String organizer = System.getProperty("bench.organizer", "admin");
    String tag = System.getProperty("bench.tag", "b" + System.currentTimeMillis() % 100000000);
    String password = Files.readString(home.resolve("db-password")).strip();
    long started = System.nanoTime();
    try (Connection db =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/podium", "podium", password);
        Statement statement = db.createStatement()) {
      db.setAutoCommit(false);
      for (String sql : statements(tag, participants, submissions, organizer, 0.42)) {
        statement.execute(sql);
      }
      db.commit();
      try (ResultSet ids =
          statement.executeQuery(
              "select c.id, p.id from competition c join phase p on p.competition_id = c.id"
                  + " where c.title = '"
                  + title(tag)
                  + "'")) {
        ids.next();
        System.out.printf(
            Locale.ROOT,
            "competition %d, phase %d: %d participants, %d submissions in %.1f s%n",
            ids.getLong(1),
            ids.getLong(2),
            participants,
            submissions,
            (System.nanoTime() - started) / 1e9);
      }
    }
  }
}
