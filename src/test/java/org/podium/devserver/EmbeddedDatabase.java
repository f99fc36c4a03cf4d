package org.podium.devserver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from zonky's embedded binaries, with a {@code podium} database owned by
 * a {@code podium} role. Used by the run command (data kept between starts) and by the test harness
 * (fresh data each run).
 */
public final class EmbeddedDatabase implements AutoCloseable {

  static final String DATABASE = "podium";
  static final String ROLE = "podium";

  private final EmbeddedPostgres postgres;
  private final String password;

  private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
    this.postgres = postgres;
    this.password = password;
  }

  /**
   * Starts PostgreSQL on {@code port} (0 for any free one) with its data in {@code dataDirectory},
   * initialising it when empty and keeping it otherwise.
   */
  public static EmbeddedDatabase start(Path dataDirectory, int port, String password) {
    try {
      Files.createDirectories(dataDirectory);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              // A submission row and its run message commit together in one XA transaction,
              // which PostgreSQL can only take part in with prepared transactions enabled.
              .setServerConfig("max_prepared_transactions", "64")
              .setServerConfig("listen_addresses", "127.0.0.1");
      if (port > 0) {
        builder.setPort(port);
      }
      EmbeddedPostgres postgres = builder.start();
      EmbeddedDatabase database = new EmbeddedDatabase(postgres, password);
      database.createPodiumDatabase();
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start PostgreSQL in " + dataDirectory, e);
    }
  }

  private void createPodiumDatabase() {
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        Statement statement = admin.createStatement()) {
      if (!exists(admin, "select 1 from pg_roles where rolname = ?", ROLE)) {
        statement.execute(
            "create role " + ROLE + " login password '" + password.replace("'", "''") + "'");
      } else {
        statement.execute("alter role " + ROLE + " password '" + password.replace("'", "''") + "'");
      }
      if (!exists(admin, "select 1 from pg_database where datname = ?", DATABASE)) {
        statement.execute("create database " + DATABASE + " owner " + ROLE);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the podium database", e);
    }
  }

  private static boolean exists(Connection connection, String query, String name)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(query)) {
      statement.setString(1, name);
      try (ResultSet result = statement.executeQuery()) {
        return result.next();
      }
    }
  }

  public String url() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
  }

  public String user() {
    return ROLE;
  }

  public String password() {
    return password;
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop PostgreSQL", e);
    }
  }
}
