package org.podium.testing;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.podium.compute.DockerEngine;
import org.podium.compute.EngineSettings;
import org.podium.compute.EngineStatus;

/**
 * Tests that need a Docker engine call {@link #engine()}: without one they are skipped with a
 * message saying so, unless {@code PODIUM_REQUIRE_DOCKER=1}, which makes them fail instead.
 */
public final class DockerRequirement {

  private DockerRequirement() {}

  /** The address tests use: {@code DOCKER_HOST}, default the local unix socket. */
  public static EngineSettings settings() {
    String host = System.getenv("DOCKER_HOST");
    return new EngineSettings(
        host == null || host.isBlank() ? "unix:///var/run/docker.sock" : host,
        Optional.ofNullable(System.getenv("DOCKER_CERT_PATH")),
        Duration.ofSeconds(5));
  }

  /** The engine's status, when one answers; otherwise the calling test skips or fails. */
  public static EngineStatus engine() {
    EngineStatus status;
    try (DockerEngine engine = new DockerEngine(settings())) {
      status = engine.status();
    }
    if (!status.reachable()) {
      String message =
          "Docker engine required but not reachable ("
              + status.reason()
              + "); start one with docker/engine/start-local-engine.sh";
      if ("1".equals(System.getenv("PODIUM_REQUIRE_DOCKER"))) {
        Assertions.fail(message + " — failing because PODIUM_REQUIRE_DOCKER=1");
      }
      System.err.println("SKIPPED: " + message);
      Assumptions.abort(message + "; set PODIUM_REQUIRE_DOCKER=1 to fail instead of skipping");
    }
    return status;
  }

  /**
   * A host tool a Docker test needs besides the engine (the local registry, a C compiler): skips
   * without it, or fails with {@code PODIUM_REQUIRE_DOCKER=1}.
   */
  public static void tool(java.nio.file.Path executable, String install) {
    require(
        java.nio.file.Files.isExecutable(executable),
        executable + " is not installed (" + install + ")");
  }

  /**
   * Anything else a Docker test needs of the machine (root, to start an engine of its own): skips
   * without it, or fails with {@code PODIUM_REQUIRE_DOCKER=1}.
   */
  public static void require(boolean met, String message) {
    if (met) {
      return;
    }
    if ("1".equals(System.getenv("PODIUM_REQUIRE_DOCKER"))) {
      Assertions.fail(message + " — failing because PODIUM_REQUIRE_DOCKER=1");
    }
    System.err.println("SKIPPED: " + message);
    Assumptions.abort(message);
  }
}
