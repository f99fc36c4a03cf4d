package org.podium.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The standalone ActiveMQ Artemis broker several nodes share, as an operator makes it: an instance
 * created by {@code server-config/artemis/create-broker.sh} from the distribution the build
 * unpacked, started with the instance's {@code bin/artemis run}. For the cluster command and the
 * cluster test.
 */
public final class ArtemisBroker implements AutoCloseable {

  private static final Duration START_LIMIT = Duration.ofMinutes(1);

  private final Process process;
  private final int port;
  private final String password;

  private ArtemisBroker(Process process, int port, String password) {
    this.process = process;
    this.port = port;
    this.password = password;
  }

  /**
   * Creates the instance in {@code instance} if it does not exist (kept otherwise: its journal
   * holds queued requests), starts it on 127.0.0.1:{@code port} and waits until it accepts
   * connections.
   */
  public static ArtemisBroker start(Path artemisHome, Path instance, int port) {
    try {
      Process create =
          new ProcessBuilder(
                  "bash",
                  "server-config/artemis/create-broker.sh",
                  artemisHome.toString(),
                  instance.toString(),
                  Integer.toString(port))
              .redirectErrorStream(true)
              .start();
      String created = new String(create.getInputStream().readAllBytes());
      if (create.waitFor() != 0) {
        throw new IllegalStateException("create-broker.sh failed: " + created);
      }
      String password = Files.readString(instance.resolve("podium-broker-password")).trim();
      Process broker =
          new ProcessBuilder(List.of(instance.resolve("bin/artemis").toString(), "run"))
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(instance.resolve("console.log").toFile()))
              .start();
      ArtemisBroker started = new ArtemisBroker(broker, port, password);
      started.awaitListening();
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Artemis from " + artemisHome, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting Artemis", e);
    }
  }

  /** The distribution the build unpacked ({@code artemis.home}, set by the POM). */
  public static Path distribution() {
    return Path.of(System.getProperty("artemis.home", "target/apache-artemis-2.40.0"));
  }

  private void awaitListening() throws InterruptedException {
    Instant deadline = Instant.now().plus(START_LIMIT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Artemis ended at start; see its console.log");
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(250);
      }
    }
    throw new IllegalStateException("Artemis did not listen on " + port + " within " + START_LIMIT);
  }

  /** What a node needs to reach it: PODIUM_BROKER_HOST, _PORT, _PASSWORD. */
  public Map<String, String> nodeEnvironment() {
    return Map.of(
        "PODIUM_BROKER_HOST",
        "127.0.0.1",
        "PODIUM_BROKER_PORT",
        Integer.toString(port),
        "PODIUM_BROKER_PASSWORD",
        password);
  }

  public int port() {
    return port;
  }

  /** Stops the broker (SIGTERM: it shuts down cleanly), forcibly after 30 s. */
  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
