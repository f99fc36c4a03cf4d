package org.podium.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A Docker registry on 127.0.0.1:5000 (Debian's {@code docker-registry}) with its storage in a
 * temporary folder, for tests that pull by reference. The engine trusts 127.0.0.0/8 over HTTP.
 */
public final class LocalRegistry implements AutoCloseable {

  public static final String ADDRESS = "127.0.0.1:5000";
  private static final Path BINARY = Path.of("/usr/bin/docker-registry");

  private Process process;
  private final Path storage;

  private LocalRegistry(Process process, Path storage) {
    this.process = process;
    this.storage = storage;
  }

  /** Stops the registry, keeping what it stores: a registry outage. */
  public void stopServing() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  /** Starts it again on the same storage, after {@link #stopServing}. */
  public void startServing() throws IOException, InterruptedException {
    process = serve(storage);
  }

  /**
   * Starts the registry, or skips (fails with PODIUM_REQUIRE_DOCKER=1) when it is not installed.
   */
  public static LocalRegistry start() {
    DockerRequirement.tool(BINARY, "apt-get install docker-registry");
    if (answers()) {
      throw new IllegalStateException(
          "something already listens on " + ADDRESS + ": stop it first");
    }
    try {
      Path storage = Files.createTempDirectory("podium-registry");
      Path config = storage.resolve("config.yml");
      Files.writeString(
          config,
          """
          version: 0.1
          log:
            level: warn
          storage:
            filesystem:
              rootdirectory: %s
            delete:
              enabled: true
          http:
            addr: %s
          """
              .formatted(storage.resolve("data"), ADDRESS));
      return new LocalRegistry(serve(storage), storage);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Process serve(Path storage) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(BINARY.toString(), "serve", storage.resolve("config.yml").toString())
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(storage.resolve("registry.log").toFile()))
            .start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!answers()) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "docker-registry did not start: " + Files.readString(storage.resolve("registry.log")));
      }
      Thread.sleep(100);
    }
    return process;
  }

  private static boolean answers() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", 5000), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    process.waitFor();
    try (var paths = Files.walk(storage)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
