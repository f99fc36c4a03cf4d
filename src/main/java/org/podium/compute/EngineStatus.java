package org.podium.compute;

import java.util.Objects;

/**
 * What the Docker engine said when asked, or why it could not be asked.
 *
 * @param reachable whether the engine answered
 * @param version the engine's version, when reachable
 * @param apiVersion the engine's API version, when reachable
 * @param reason why the engine is unreachable, when it is
 */
public record EngineStatus(boolean reachable, String version, String apiVersion, String reason) {

  public EngineStatus {
    if (reachable) {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(apiVersion, "apiVersion");
    } else {
      Objects.requireNonNull(reason, "reason");
    }
  }

  public static EngineStatus up(String version, String apiVersion) {
    return new EngineStatus(true, version, apiVersion, null);
  }

  public static EngineStatus unreachable(String reason) {
    return new EngineStatus(false, null, null, reason);
  }
}
