package org.podium.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineSettingsTest {

  @Test
  void acceptsUnixSocketsAndTcp() {
    new EngineSettings("unix:///var/run/docker.sock", Optional.empty(), Duration.ofSeconds(2));
    new EngineSettings("tcp://127.0.0.1:2376", Optional.of("/certs"), Duration.ofSeconds(2));
  }

  @Test
  void rejectsAnotherSchemeSayingWhatToWrite() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new EngineSettings(
                    "http://localhost:2375", Optional.empty(), Duration.ofSeconds(2)));
    assertEquals(
        "DOCKER_HOST must start with unix:// or tcp://, not 'http://localhost:2375'",
        error.getMessage());
  }

  @Test
  void rejectsAZeroTimeout() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new EngineSettings("unix:///var/run/docker.sock", Optional.empty(), Duration.ZERO));
    assertTrue(error.getMessage().contains("timeout"));
  }
}
