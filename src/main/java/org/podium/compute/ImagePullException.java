package org.podium.compute;

/** An image could not be made available on the engine: the platform's problem, retryable. */
public class ImagePullException extends EngineFailure {

  public ImagePullException(String message, Throwable cause) {
    super(message, cause);
  }

  public ImagePullException(String message) {
    super(message);
  }
}
