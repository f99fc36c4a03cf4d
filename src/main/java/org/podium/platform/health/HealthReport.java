package org.podium.platform.health;

import java.util.Objects;

/**
 * Health of the whole installation. Without a Docker engine Podium still serves pages and accepts
 * submissions (they wait in the run queue), so a missing engine degrades it; without its database
 * or its run queue it is down.
 */
public record HealthReport(
    ComponentHealth database, ComponentHealth messaging, ComponentHealth docker) {

  /** Overall verdict, from which the HTTP status of {@code /api/health} follows. */
  public enum Status {
    UP,
    DEGRADED,
    DOWN
  }

  public HealthReport {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(messaging, "messaging");
    Objects.requireNonNull(docker, "docker");
  }

  public Status status() {
    if (!database.isUp() || !messaging.isUp()) {
      return Status.DOWN;
    }
    return docker.isUp() ? Status.UP : Status.DEGRADED;
  }

  /** 200 while Podium can serve (UP or DEGRADED), 503 when it cannot (DOWN). */
  public int httpStatus() {
    return status() == Status.DOWN ? 503 : 200;
  }
}
