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

  /** The registry that asks for a login ({@link #startWithLogin}). */
  public static final String LOGIN_ADDRESS = "127.0.0.1:5001";

  /** The one account of the registry on {@link #LOGIN_ADDRESS}. */
  public static final String LOGIN_USER = "alice";

  public static final String LOGIN_PASSWORD = "s3cret-pw";

  /** bcrypt of {@link #LOGIN_PASSWORD}, as {@code htpasswd -B} writes it. */
  private static final String LOGIN_HASH =
      "$2b$12$cc0T7a2GO./66ukvhkL6QeHsopHW6xhx8C0zTscO1qWDYllmPy5zW";

  private static final Path BINARY = Path.of("/usr/bin/docker-registry");

  private Process process;
  private final Path storage;
  private final String address;

  private LocalRegistry(Process process, Path storage, String address) {
    this.process = process;
    this.storage = storage;
    this.address = address;
  }

  /** Stops the registry, keeping what it stores: a registry outage. */
  public void stopServing() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  /** Starts it again on the same storage, after {@link #stopServing}. */
  public void startServing() throws IOException, InterruptedException {
    process = serve(storage, address);
  }

  /**
   * Starts the registry, or skips (fails with PODIUM_REQUIRE_DOCKER=1) when it is not installed.
   */
  public static LocalRegistry start() {
    return start(ADDRESS, false);
  }

  /**
   * Starts a registry on {@link #LOGIN_ADDRESS} that serves only {@link #LOGIN_USER} with {@link
   * #LOGIN_PASSWORD} (htpasswd, bcrypt).
   */
  public static LocalRegistry startWithLogin() {
    return start(LOGIN_ADDRESS, true);
  }

  private static LocalRegistry start(String address, boolean login) {
    DockerRequirement.tool(BINARY, "apt-get install docker-registry");
    if (answers(address)) {
      throw new IllegalStateException(
          "something already listens on " + address + ": stop it first");
    }
    try {
      Path storage = Files.createTempDirectory("podium-registry");
      Path config = storage.resolve("config.yml");
      String auth = "";
      if (login) {
        Files.writeString(storage.resolve("htpasswd"), LOGIN_USER + ":" + LOGIN_HASH + "\n");
        auth =
            """
            auth:
              htpasswd:
                realm: podium-test
                path: %s
            """
                .formatted(storage.resolve("htpasswd"));
      }
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
                  .formatted(storage.resolve("data"), address)
              + auth);
      return new LocalRegistry(serve(storage, address), storage, address);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Process serve(Path storage, String address)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(BINARY.toString(), "serve", storage.resolve("config.yml").toString())
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(storage.resolve("registry.log").toFile()))
            .start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!answers(address)) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "docker-registry did not start: " + Files.readString(storage.resolve("registry.log")));
      }
      Thread.sleep(100);
    }
    return process;
  }

  private static boolean answers(String address) {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress("127.0.0.1", Integer.parseInt(address.split(":")[1])), 200);
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
