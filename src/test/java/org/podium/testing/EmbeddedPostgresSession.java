package org.podium.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.podium.devserver.EmbeddedDatabase;

/**
 * Starts the integration tests' PostgreSQL before any test class, so that Arquillian hands its
 * address to the managed WildFly ({@code arquillian.xml} reads the {@code podium.db.*} system
 * properties). With {@code PODIUM_DB_URL} set, that server is used instead.
 */
public class EmbeddedPostgresSession implements LauncherSessionListener {

  private EmbeddedDatabase database;
  private Path dataDirectory;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!Boolean.getBoolean("podium.it.embeddedPostgres")) {
      return; // unit tests need no database
    }
    String externalUrl = System.getenv("PODIUM_DB_URL");
    if (externalUrl != null && !externalUrl.isBlank()) {
      System.setProperty("podium.db.url", externalUrl);
      System.setProperty("podium.db.user", env("PODIUM_DB_USER", "podium"));
      System.setProperty("podium.db.password", env("PODIUM_DB_PASSWORD", "podium"));
      return;
    }
    Path home = Path.of(System.getProperty("podium.it.home", "target/podium-home-it"));
    // A fresh database starts its ids at 1 again: files of an earlier run must not meet them.
    deleteRecursively(home.resolve("data"));
    dataDirectory = home.resolve("postgres-" + UUID.randomUUID());
    // A server that cannot be told the address at start (Payara's domain) names a fixed one.
    database =
        EmbeddedDatabase.start(
            dataDirectory,
            Integer.getInteger("podium.it.dbPort", 0),
            System.getProperty("podium.it.dbPassword", UUID.randomUUID().toString()));
    System.setProperty("podium.db.url", database.url());
    System.setProperty("podium.db.user", database.user());
    System.setProperty("podium.db.password", database.password());
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (database != null) {
      database.close();
      database = null;
      deleteRecursively(dataDirectory);
    }
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + directory + ": " + e.getMessage());
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
