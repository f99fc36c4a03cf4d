package org.podium.files;

/** Sizes in bytes, named once: Podium's settings and limits are in MiB. */
public final class Bytes {

  /** One mebibyte: 1024 × 1024 bytes. */
  public static final long MIB = 1024L * 1024;

  private Bytes() {}
}
