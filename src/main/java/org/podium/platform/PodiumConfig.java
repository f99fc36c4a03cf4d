package org.podium.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The one home of Podium's settings. Each is read from a system property, then from an environment
 * variable, then falls back to the documented default (README, "Configuration").
 */
@ApplicationScoped
public class PodiumConfig {

  /** Where Podium keeps its files: {@code PODIUM_HOME}, default {@code ~/.podium}. */
  public Path home() {
    return read("podium.home", "PODIUM_HOME")
        .map(Path::of)
        .orElseGet(() -> Path.of(System.getProperty("user.home"), ".podium"));
  }

  /** Docker engine address: {@code DOCKER_HOST}, default the local unix socket. */
  public String dockerHost() {
    return read("podium.docker.host", "DOCKER_HOST").orElse("unix:///var/run/docker.sock");
  }

  /** Directory of TLS certificates for a tcp engine: {@code DOCKER_CERT_PATH}, default none. */
  public Optional<String> dockerCertPath() {
    return read("podium.docker.cert.path", "DOCKER_CERT_PATH");
  }

  /**
   * Timeout of short engine calls (ping, version, inspect). Two seconds: a local engine answers in
   * milliseconds, and a health check must not hang a load balancer's probe.
   */
  public Duration dockerCallTimeout() {
    return read("podium.docker.call.timeout.seconds", "PODIUM_DOCKER_CALL_TIMEOUT_SECONDS")
        .map(Long::parseLong)
        .map(Duration::ofSeconds)
        .orElse(Duration.ofSeconds(2));
  }

  /** User name of the bootstrap administrator, created at the first start. */
  public String adminUsername() {
    return read("podium.admin.username", "PODIUM_ADMIN_USERNAME").orElse("admin");
  }

  /** Email of the bootstrap administrator. */
  public String adminEmail() {
    return read("podium.admin.email", "PODIUM_ADMIN_EMAIL").orElse("admin@localhost");
  }

  /**
   * Password of the bootstrap administrator when the operator chooses it; otherwise Podium
   * generates one at the first start and keeps it in {@code PODIUM_HOME}.
   */
  public Optional<String> adminPassword() {
    return read("podium.admin.password", "PODIUM_ADMIN_PASSWORD");
  }

  static Optional<String> read(String property, String environmentVariable) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(environmentVariable);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
