package org.podium.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.podium.account.BootstrapCredentials;

/**
 * Command 1, {@code ./mvnw -Prun}: starts PostgreSQL (embedded, data in {@code PODIUM_HOME}, unless
 * {@code PODIUM_DB_URL} names a server), then the WildFly the build provisioned, with Podium
 * deployed, and stops both on Ctrl-C.
 */
public final class PodiumServer {

  private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);
  private static final Duration STOP_LIMIT = Duration.ofSeconds(30);

  private final Path home;
  private final Path jbossHome;
  private final String serverConfig;
  private final Path war;
  private final int httpPort;

  private EmbeddedDatabase database;
  private Process wildfly;

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
    Map<String, String> databaseEnvironment = startDatabase();
    Path baseDir = prepareServerDirectory();
    wildfly = startWildFly(baseDir, databaseEnvironment);
    URI base = URI.create("http://127.0.0.1:" + httpPort + "/podium/");
    String health = awaitHealth(base.resolve("api/health"));
    announce(base, health);
    return wildfly.waitFor();
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

  /**
   * WildFly's own state (Artemis journal, transaction log) lives in PODIUM_HOME/wildfly and
   * survives restarts; its configuration and the deployment are refreshed from the build.
   */
  private Path prepareServerDirectory() throws IOException {
    Path baseDir = home.resolve("wildfly");
    Path configuration = baseDir.resolve("configuration");
    Path deployments = baseDir.resolve("deployments");
    Files.createDirectories(configuration);
    Files.createDirectories(deployments);
    try (Stream<Path> files = Files.list(jbossHome.resolve("standalone/configuration"))) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(file)) {
          Files.copy(
              file, configuration.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    try (Stream<Path> old = Files.list(deployments)) {
      for (Path file : (Iterable<Path>) old::iterator) {
        Files.delete(file);
      }
    }
    Files.copy(war, deployments.resolve("podium.war"));
    return baseDir;
  }

  private Process startWildFly(Path baseDir, Map<String, String> databaseEnvironment)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(jbossHome.resolve("bin/standalone.sh").toString());
    command.add("-c");
    command.add(serverConfig);
    command.add("-Djboss.server.base.dir=" + baseDir);
    command.add("-Djboss.http.port=" + httpPort);
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().putAll(databaseEnvironment);
    builder.environment().put("PODIUM_HOME", home.toString());
    // standalone.sh then forwards signals to the server and waits for it.
    builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
    System.out.println("Starting WildFly from " + jbossHome);
    return builder.start();
  }

  private String awaitHealth(URI health) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(10)).build();
    Instant deadline = Instant.now().plus(STARTUP_LIMIT);
    while (Instant.now().isBefore(deadline)) {
      if (!wildfly.isAlive()) {
        throw new IllegalStateException("WildFly stopped during startup: see its log above");
      }
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 || response.statusCode() == 503) {
          return response.body();
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "Podium did not answer at " + health + " within " + STARTUP_LIMIT);
  }

  private void announce(URI base, String health) {
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
    System.out.println(" Data:          " + home);
    System.out.println(" Press Ctrl-C to stop WildFly and PostgreSQL.");
    System.out.println(line);
    System.out.println();
  }

  /** Stops WildFly, then PostgreSQL; runs on Ctrl-C and when WildFly ends by itself. */
  private synchronized void stop() {
    if (wildfly != null && wildfly.isAlive()) {
      System.out.println("Stopping WildFly");
      List<ProcessHandle> children = wildfly.descendants().toList();
      children.forEach(ProcessHandle::destroy);
      wildfly.destroy();
      awaitExit(wildfly.toHandle(), children);
    }
    if (database != null) {
      System.out.println("Stopping PostgreSQL");
      database.close();
      database = null;
    }
  }

  private static void awaitExit(ProcessHandle process, List<ProcessHandle> children) {
    Instant deadline = Instant.now().plus(STOP_LIMIT);
    for (ProcessHandle handle : Stream.concat(Stream.of(process), children.stream()).toList()) {
      try {
        handle
            .onExit()
            .get(
                Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (Exception stillRunning) {
        handle.destroyForcibly();
      }
    }
  }

  private static Optional<String> setting(String name) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
