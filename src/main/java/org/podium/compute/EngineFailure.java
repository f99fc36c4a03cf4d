package org.podium.compute;

/** The Docker engine failed the platform (unreachable, lost a container): retryable. */
public class EngineFailure extends RuntimeException {

  public EngineFailure(String message, Throwable cause) {
    super(message, cause);
  }

  public EngineFailure(String message) {
    super(message);
  }
}
