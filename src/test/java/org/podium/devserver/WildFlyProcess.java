package org.podium.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A WildFly server process made from the build's provisioned server, with its own base directory
 * (configuration refreshed from the build, data kept) and Podium deployed: for the run command and
 * for tests that must stop or kill a real server.
 */
public final class WildFlyProcess implements ServerProcess {

  private static final Duration STOP_LIMIT = Duration.ofSeconds(30);

  /**
   * The configuration of a node of several: JMS to the standalone broker (server-config/wildfly
   * configure.sh writes it beside the one-node configuration).
   */
  public static final String CLUSTER_CONFIG = "standalone-podium-cluster.xml";

  private final Process process;
  private final URI base;

  private WildFlyProcess(Process process, URI base) {
    this.process = process;
    this.base = base;
  }

  /**
   * Starts the server.
   *
   * @param baseDir its own state; configuration and deployment are refreshed at every start
   * @param portOffset added to every port (8080 + offset serves HTTP)
   * @param environment extra environment variables (PODIUM_*)
   * @param inheritIO whether the server writes to this process's console
   */
  public static WildFlyProcess start(
      Path jbossHome,
      String serverConfig,
      Path war,
      Path baseDir,
      int portOffset,
      Map<String, String> environment,
      boolean inheritIO) {
    try {
      prepare(jbossHome, war, baseDir);
      List<String> command = new ArrayList<>();
      command.add(jbossHome.resolve("bin/standalone.sh").toString());
      command.add("-c");
      command.add(serverConfig);
      command.add("-Djboss.server.base.dir=" + baseDir);
      command.add("-Djboss.socket.binding.port-offset=" + portOffset);
      ProcessBuilder builder = new ProcessBuilder(command);
      if (inheritIO) {
        builder.inheritIO();
      } else {
        builder.redirectErrorStream(true).redirectOutput(baseDir.resolve("console.log").toFile());
      }
      builder.environment().putAll(environment);
      // standalone.sh then forwards signals to the server and waits for it.
      builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
      return new WildFlyProcess(
          builder.start(), URI.create("http://127.0.0.1:" + (8080 + portOffset) + "/podium/"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start WildFly from " + jbossHome, e);
    }
  }

  private static void prepare(Path jbossHome, Path war, Path baseDir) throws IOException {
    Path configuration = Files.createDirectories(baseDir.resolve("configuration"));
    Path deployments = Files.createDirectories(baseDir.resolve("deployments"));
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
  }

  @Override
  public URI base() {
    return base;
  }

  @Override
  public String awaitHealth(Duration limit) throws InterruptedException {
    return ServerProcess.awaitHealth(base, limit, process::isAlive);
  }

  @Override
  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  /** Stops the server as Ctrl-C would, forcibly after 30 s. */
  @Override
  public void stop() {
    List<ProcessHandle> children = process.descendants().toList();
    children.forEach(ProcessHandle::destroy);
    process.destroy();
    Instant deadline = Instant.now().plus(STOP_LIMIT);
    for (ProcessHandle handle :
        Stream.concat(Stream.of(process.toHandle()), children.stream()).toList()) {
      try {
        handle
            .onExit()
            .get(
                Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                TimeUnit.MILLISECONDS);
      } catch (Exception stillRunning) {
        handle.destroyForcibly();
      }
    }
  }

  @Override
  public void kill() throws Exception {
    List<ProcessHandle> children = process.descendants().toList();
    children.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    for (ProcessHandle child : children) {
      child.onExit().get(30, TimeUnit.SECONDS);
    }
    process.waitFor(30, TimeUnit.SECONDS);
  }
}
