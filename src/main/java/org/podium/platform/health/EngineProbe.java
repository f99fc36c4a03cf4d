package org.podium.platform.health;

/**
 * How health asks the Docker engine whether it answers: implemented where the engine client is
 * wired in (package {@code engine}), so {@code platform} needs nothing of the compute library.
 */
public interface EngineProbe {

  /** The engine's state within a couple of seconds: up with its versions, or unreachable. */
  ComponentHealth probe();
}
