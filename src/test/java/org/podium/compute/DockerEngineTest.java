package org.podium.compute;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.testing.DockerRequirement;

class DockerEngineTest {

  @Test
  void engineBehindAMissingSocketIsUnreachableWithTheReason(@TempDir Path empty) {
    String host = "unix://" + empty.resolve("docker.sock");
    try (DockerEngine engine =
        new DockerEngine(new EngineSettings(host, Optional.empty(), Duration.ofSeconds(2)))) {
      EngineStatus status = engine.status();

      assertFalse(status.reachable());
      assertTrue(
          status.reason().startsWith("no Docker engine answers at " + host), status.reason());
    }
  }

  @Test
  void runningEngineReportsItsVersionAndApiVersion() {
    DockerRequirement.engine();
    try (DockerEngine engine = new DockerEngine(DockerRequirement.settings())) {
      EngineStatus status = engine.status();

      assertTrue(status.reachable(), () -> status.reason());
      assertNotNull(status.version());
      assertTrue(status.apiVersion().matches("\\d+\\.\\d+"), status.apiVersion());
    }
  }
}
