package org.podium.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.podium.account.BootstrapCredentials;

/**
 * Command 1, {@code ./mvnw -Prun}: starts PostgreSQL (embedded, data in {@code PODIUM_HOME}, unless
 * {@code PODIUM_DB_URL} names a server), then the server the build provisioned with Podium deployed
 * — WildFly, or Payara with {@code PODIUM_SERVER=payara} — and stops both on Ctrl-C.
 *
 * <p>With {@code PODIUM_NODES=N} (N > 1, WildFly) it starts a local cluster instead: PostgreSQL, a
 * standalone Artemis broker ({@code server-config/artemis}), and N WildFly nodes on the cluster
 * configuration, sharing the database, the broker and {@code PODIUM_HOME/data}, each on its own
 * ports (8080, 8180, …) and with its own console log; Ctrl-C stops them all.
 */
public final class PodiumServer {

  private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);

  private final Path home;
  private final Path jbossHome;
  private final String serverConfig;
  private final Path war;
  private final int httpPort;

  private EmbeddedDatabase database;
  private ServerProcess server;
  private final java.util.List<ServerProcess> nodes = new java.util.ArrayList<>();
  private ArtemisBroker broker;

  private PodiumServer(Path home, Path jbossHome, String serverConfig, Path war, int httpPort) {
    this.home = home;
    this.jbossHome = jbossHome;
    this.serverConfig = serverConfig;
    this.war = war;
    this.httpPort = httpPort;
  }

  public static void main(String[] args) throws Exception {
    PodiumServer server =
        new PodiumServer(
            setting("PODIUM_HOME")
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".podium"))
                .toAbsolutePath(),
            Path.of(System.getProperty("jboss.home")),
            System.getProperty("wildfly.config"),
            Path.of(System.getProperty("podium.war")),
            setting("PODIUM_HTTP_PORT").map(Integer::parseInt).orElse(8080));
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "podium-stop"));
    int exit = server.run();
    System.exit(exit);
  }

  private int run() throws Exception {
    Files.createDirectories(home);
    Map<String, String> environment = new HashMap<>(startDatabase());
    environment.put("PODIUM_HOME", home.toString());
    // "Your first submission" pushes to a registry on 127.0.0.1:5000: the demo allows it.
    environment.put(
        "PODIUM_PRIVATE_REGISTRIES", setting("PODIUM_PRIVATE_REGISTRIES").orElse("127.0.0.1:5000"));
    int count = setting("PODIUM_NODES").map(Integer::parseInt).orElse(1);
    if (count > 1) {
      return runCluster(count, environment);
    }
    if (payara()) {
      Path payaraHome = Path.of(System.getProperty("payara.home"));
      System.out.println("Starting Payara from " + payaraHome);
      server =
          PayaraProcess.start(
              payaraHome,
              Path.of(System.getProperty("payara.configure")),
              Path.of(System.getProperty("podium.jdbc.driver")),
              war,
              home.resolve("payara"),
              httpPort,
              environment);
    } else {
      System.out.println("Starting WildFly from " + jbossHome);
      server =
          WildFlyProcess.start(
              jbossHome,
              serverConfig,
              war,
              home.resolve("wildfly"),
              httpPort - 8080,
              environment,
              true);
    }
    String health = server.awaitHealth(STARTUP_LIMIT);
    BootstrapCredentials demo = DemoData.seed(server.base().toURL(), home);
    announce(server.base(), health, demo);
    return server.waitFor();
  }

  private int runCluster(int count, Map<String, String> environment) throws Exception {
    if (payara()) {
      throw new IllegalStateException(
          "PODIUM_NODES is for WildFly: Payara nodes cannot share the standalone broker (README)");
    }
    int brokerPort = setting("PODIUM_BROKER_PORT").map(Integer::parseInt).orElse(61616);
    System.out.println(
        "Starting Artemis on 127.0.0.1:" + brokerPort + ", in " + home.resolve("artemis"));
    broker = ArtemisBroker.start(ArtemisBroker.distribution(), home.resolve("artemis"), brokerPort);
    environment.putAll(broker.nodeEnvironment());
    for (int i = 1; i <= count; i++) {
      Map<String, String> node = new HashMap<>(environment);
      node.put("PODIUM_NODE_ID", "node-" + i);
      Path base = home.resolve("wildfly-node-" + i);
      System.out.println(
          "Starting WildFly node-" + i + " (log: " + base.resolve("console.log") + ")");
      nodes.add(
          WildFlyProcess.start(
              jbossHome,
              WildFlyProcess.CLUSTER_CONFIG,
              war,
              base,
              httpPort - 8080 + (i - 1) * 100,
              node,
              false));
      if (i == 1) {
        // The first node alone creates the schema and the administrator; the others then join.
        nodes.get(0).awaitHealth(STARTUP_LIMIT);
      }
    }
    java.util.List<String> health = new java.util.ArrayList<>();
    for (ServerProcess node : nodes) {
      health.add(node.awaitHealth(STARTUP_LIMIT));
    }
    server = nodes.get(0);
    BootstrapCredentials demo = DemoData.seed(server.base().toURL(), home);
    announce(server.base(), health.get(0), demo);
    for (int i = 1; i < nodes.size(); i++) {
      System.out.println(" node-" + (i + 1) + ":        " + nodes.get(i).base());
    }
    System.out.println(
        " Broker:        tcp://127.0.0.1:"
            + brokerPort
            + " (user podium, password in "
            + home.resolve("artemis/podium-broker-password")
            + ")");
    System.out.println();
    return server.waitFor();
  }

  /** PODIUM_SERVER=payara chooses Payara; anything else (or nothing) WildFly. */
  private static boolean payara() {
    return setting("PODIUM_SERVER").map("payara"::equalsIgnoreCase).orElse(false);
  }

  private Map<String, String> startDatabase() {
    Optional<String> externalUrl = setting("PODIUM_DB_URL");
    if (externalUrl.isPresent()) {
      System.out.println("Using the PostgreSQL server at " + externalUrl.get());
      return Map.of();
    }
    int port = setting("PODIUM_DB_PORT").map(Integer::parseInt).orElse(15432);
    Path dataDirectory = home.resolve("postgres");
    System.out.println("Starting PostgreSQL on 127.0.0.1:" + port + ", data in " + dataDirectory);
    database = EmbeddedDatabase.start(dataDirectory, port, databasePassword());
    return Map.of(
        "PODIUM_DB_URL", database.url(),
        "PODIUM_DB_USER", database.user(),
        "PODIUM_DB_PASSWORD", database.password());
  }

  /** The embedded database's password, generated at the first start and kept in PODIUM_HOME. */
  private String databasePassword() {
    Path file = home.resolve("db-password");
    try {
      if (!Files.exists(file)) {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, HexFormat.of().formatHex(random));
      }
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the database password in " + file, e);
    }
  }

  private void announce(URI base, String health, BootstrapCredentials demo) {
    BootstrapCredentials admin =
        BootstrapCredentials.read(home)
            .orElseThrow(() -> new IllegalStateException("no bootstrap administrator in " + home));
    String line = "=".repeat(72);
    System.out.println();
    System.out.println(line);
    System.out.println(" Podium is running at " + base);
    System.out.println(" Health:        " + base.resolve("api/health") + "  " + health);
    System.out.println(" Administrator: " + admin.username() + " / " + admin.password());
    System.out.println(
        "                (kept in " + home.resolve(BootstrapCredentials.FILE_NAME) + ")");
    System.out.println(
        " Demo participant: "
            + demo.username()
            + " / "
            + demo.password()
            + "  (competition \"Demo: predict line lengths\")");
    System.out.println(" Data:          " + home);
    System.out.println(
        " Press Ctrl-C to stop "
            + (payara() ? "Payara" : nodes.isEmpty() ? "WildFly" : "every node, the broker")
            + " and PostgreSQL.");
    System.out.println(line);
    System.out.println();
  }

  /** Stops the server, then PostgreSQL; runs on Ctrl-C and when the server ends by itself. */
  private synchronized void stop() {
    for (ServerProcess node : nodes) {
      if (node.isAlive()) {
        System.out.println("Stopping WildFly " + node.base());
        node.stop();
      }
    }
    if (broker != null) {
      System.out.println("Stopping Artemis");
      broker.close();
      broker = null;
    }
    if (server != null && server.isAlive()) {
      System.out.println("Stopping " + (payara() ? "Payara" : "WildFly"));
      server.stop();
    }
    if (database != null) {
      System.out.println("Stopping PostgreSQL");
      database.close();
      database = null;
    }
  }

  private static Optional<String> setting(String name) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
