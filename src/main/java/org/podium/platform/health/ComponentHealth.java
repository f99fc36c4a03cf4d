package org.podium.platform.health;

import java.util.Map;
import java.util.Objects;

/**
 * The state of one part Podium depends on.
 *
 * @param status {@code up}, {@code down} or, for the Docker engine, {@code unreachable}
 * @param facts what was learned on the way (versions, queue name, or the reason of a failure)
 */
public record ComponentHealth(String status, Map<String, String> facts) {

  public static final String UP = "up";
  public static final String DOWN = "down";
  public static final String UNREACHABLE = "unreachable";

  public ComponentHealth {
    Objects.requireNonNull(status, "status");
    facts = Map.copyOf(facts);
  }

  public static ComponentHealth up(Map<String, String> facts) {
    return new ComponentHealth(UP, facts);
  }

  /** What went wrong, in words: the exception's message, or its kind when it has none. */
  public static String reason(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  public static ComponentHealth failed(String status, String reason) {
    return new ComponentHealth(status, Map.of("reason", reason));
  }

  public boolean isUp() {
    return UP.equals(status);
  }
}
