package org.podium.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.podium.compute.DockerEngine;
import org.podium.compute.EngineSettings;
import org.podium.compute.EngineStatus;
import org.podium.files.Folders;

/**
 * A Docker engine of a test's own on this machine, beside the machine's: another {@code dockerd}
 * with its own data root, exec root, pid file and unix socket, and no network of its own (Podium's
 * containers have none). It can be stopped and started again while a server drives it — an engine
 * outage — and is the second node's engine of a two-node test. Needs root and {@code dockerd}:
 * without them the test skips, or fails with {@code PODIUM_REQUIRE_DOCKER=1}.
 */
public final class SecondEngine implements AutoCloseable {

  private final Path root;
  private Process dockerd;

  private SecondEngine(Path root) {
    this.root = root;
  }

  /** Starts one under a new folder in /tmp (its sockets' paths must stay short). */
  public static SecondEngine start() throws IOException {
    DockerRequirement.tool(Path.of("/usr/sbin/dockerd"), "apt-get install docker.io");
    DockerRequirement.require(
        "root".equals(System.getProperty("user.name")), "starting a second dockerd needs root");
    SecondEngine engine = new SecondEngine(Files.createTempDirectory(Path.of("/tmp"), "pe2-"));
    engine.startDaemon();
    return engine;
  }

  /** The address servers and clients use: {@code unix:///tmp/pe2-…/docker.sock}. */
  public String host() {
    return "unix://" + root.resolve("docker.sock");
  }

  public EngineSettings settings() {
    return new EngineSettings(host(), Optional.empty(), Duration.ofSeconds(5));
  }

  /** Starts the daemon (again) and waits until it answers. */
  public void startDaemon() throws IOException {
    Path log = root.resolve("dockerd.log");
    dockerd =
        new ProcessBuilder(
                List.of(
                    "/usr/sbin/dockerd",
                    "--data-root",
                    root.resolve("data").toString(),
                    "--exec-root",
                    root.resolve("x").toString(),
                    "--pidfile",
                    root.resolve("dockerd.pid").toString(),
                    "-H",
                    host(),
                    "--bridge=none",
                    "--iptables=false",
                    "--ip-forward=false",
                    "--ip-masq=false"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!dockerd.isAlive()) {
        throw new IllegalStateException("dockerd ended at start; see " + log);
      }
      if (status().reachable()) {
        return;
      }
      sleep(250);
    }
    throw new IllegalStateException("dockerd did not answer within 60 s; see " + log);
  }

  /** Stops the daemon as an operator would (SIGTERM); its containers stop with it. */
  public void stopDaemon() throws InterruptedException {
    if (dockerd == null || !dockerd.isAlive()) {
      return;
    }
    dockerd.destroy();
    if (!dockerd.waitFor(60, TimeUnit.SECONDS)) {
      dockerd.destroyForcibly().waitFor();
    }
  }

  public EngineStatus status() {
    try (DockerEngine engine = new DockerEngine(settings())) {
      return engine.status();
    }
  }

  @Override
  public void close() throws InterruptedException {
    stopDaemon();
    // What the daemon left mounted under its roots goes with it; then the folders.
    try {
      new ProcessBuilder("sh", "-c", "umount -R " + root + "/x " + root + "/data 2>/dev/null; true")
          .start()
          .waitFor();
    } catch (IOException ignored) {
      // nothing mounted
    }
    try {
      Folders.delete(root);
    } catch (RuntimeException e) {
      System.err.println("could not delete " + root + ": " + e.getMessage());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
