package org.podium.storage;

/** An uploaded archive Podium will not unpack; the message says why. */
public class UnsafeArchiveException extends RuntimeException {

  public UnsafeArchiveException(String message) {
    super(message);
  }
}
