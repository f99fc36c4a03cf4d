package org.podium.compute;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the Docker engine.
 *
 * @param host {@code unix:///path/to/docker.sock} or {@code tcp://host:port}
 * @param certPath directory with {@code ca.pem}, {@code cert.pem}, {@code key.pem} for a TLS engine
 * @param callTimeout bound on short calls (ping, version, create, inspect, kill); also the
 *     connection timeout, capped at 5 s
 */
public record EngineSettings(String host, Optional<String> certPath, Duration callTimeout) {

  public EngineSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(certPath, "certPath");
    Objects.requireNonNull(callTimeout, "callTimeout");
    if (!host.startsWith("unix://") && !host.startsWith("tcp://")) {
      throw new IllegalArgumentException(
          "DOCKER_HOST must start with unix:// or tcp://, not '" + host + "'");
    }
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("the engine call timeout must be positive");
    }
  }

  Duration connectTimeout() {
    return callTimeout.compareTo(Duration.ofSeconds(5)) < 0 ? callTimeout : Duration.ofSeconds(5);
  }
}
