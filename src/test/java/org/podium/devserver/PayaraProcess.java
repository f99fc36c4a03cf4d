package org.podium.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Server domain for the run command: made with server-config/payara in its own folder
 * (refreshed when the scripts change), started with asadmin, Podium deployed, stopped with asadmin.
 * Its settings come from the environment (PODIUM_DB_URL, PODIUM_HOME, ...).
 */
public final class PayaraProcess implements ServerProcess {

  private static final String DOMAIN = "podium";

  private final Path payaraHome;
  private final Path domains;
  private final int adminPort;
  private final URI base;
  private final Map<String, String> environment;

  private PayaraProcess(
      Path payaraHome, Path domains, int portBase, Map<String, String> environment) {
    this.payaraHome = payaraHome;
    this.domains = domains;
    this.adminPort = portBase + 48;
    this.base = URI.create("http://127.0.0.1:" + (portBase + 80) + "/podium/");
    this.environment = environment;
  }

  /**
   * Configures (when needed) and starts the domain, then deploys the WAR.
   *
   * @param domains the folder of the run command's domain, e.g. PODIUM_HOME/payara
   * @param httpPort Podium's HTTP port; every other port follows it (admin = HTTP - 32)
   */
  public static PayaraProcess start(
      Path payaraHome,
      Path configureScript,
      Path driverJar,
      Path war,
      Path domains,
      int httpPort,
      Map<String, String> environment) {
    PayaraProcess payara = new PayaraProcess(payaraHome, domains, httpPort - 80, environment);
    payara.run(
        List.of(
            "bash",
            configureScript.toString(),
            payaraHome.toString(),
            DOMAIN,
            driverJar.toString(),
            Integer.toString(httpPort - 80)),
        Map.of("PODIUM_PAYARA_DOMAINDIR", domains.toString()));
    // A killed server can leave its OSGi cache half written; it is only a cache, rebuilt at start.
    deleteRecursively(domains.resolve(DOMAIN).resolve("osgi-cache"));
    payara.asadmin("start-domain", "--domaindir", domains.toString(), DOMAIN);
    // The domain loads the application it has at start; deploy only a WAR it does not have yet.
    Path deployed = domains.resolve(DOMAIN).resolve(".podium-war");
    String digest = digest(war);
    if (!Files.exists(deployed) || !digest.equals(read(deployed))) {
      payara.asadmin(
          "--port",
          Integer.toString(payara.adminPort),
          "deploy",
          "--force",
          "--contextroot",
          "podium",
          "--name",
          "podium",
          war.toString());
      write(deployed, digest);
    }
    return payara;
  }

  private static String digest(Path file) {
    try (var in = Files.newInputStream(file)) {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (var paths = Files.walk(folder)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public URI base() {
    return base;
  }

  @Override
  public boolean isAlive() {
    return serverProcess().map(ProcessHandle::isAlive).orElse(false);
  }

  @Override
  public int waitFor() throws InterruptedException {
    Optional<ProcessHandle> server = serverProcess();
    if (server.isPresent()) {
      try {
        server.get().onExit().get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException(e);
      }
    }
    return 0;
  }

  @Override
  public void stop() {
    asadmin("stop-domain", "--domaindir", domains.toString(), DOMAIN);
  }

  @Override
  public void kill() throws Exception {
    Optional<ProcessHandle> server = serverProcess();
    if (server.isPresent()) {
      server.get().destroyForcibly();
      server.get().onExit().get(30, TimeUnit.SECONDS);
    }
  }

  /** The domain's server JVM, from the pid file Payara writes while it runs. */
  private Optional<ProcessHandle> serverProcess() {
    Path pid = domains.resolve(DOMAIN).resolve("config/pid");
    try {
      return Files.exists(pid)
          ? ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()))
          : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private void asadmin(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(payaraHome.resolve("bin/asadmin").toString());
    command.addAll(List.of(arguments));
    run(command, Map.of());
  }

  private void run(List<String> command, Map<String, String> extra) {
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().putAll(environment);
    builder.environment().putAll(extra);
    try {
      Process process = builder.start();
      if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException("failed: " + String.join(" ", command));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
    }
  }

  /** Waits for the health endpoint, as the WildFly process does. */
  @Override
  public String awaitHealth(Duration limit) throws InterruptedException {
    return ServerProcess.awaitHealth(base, limit, this::isAlive);
  }
}
