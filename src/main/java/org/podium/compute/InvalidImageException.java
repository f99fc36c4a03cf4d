package org.podium.compute;

/** An image a participant gave is unusable; the message says why and what to change. */
public class InvalidImageException extends RuntimeException {

  public InvalidImageException(String message) {
    super(message);
  }
}
