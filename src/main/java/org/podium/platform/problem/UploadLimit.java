package org.podium.platform.problem;

import static org.podium.files.Bytes.MIB;

/**
 * How large one uploaded body or file may be, and the setting that raises it. A larger one is
 * refused with 413 and a problem that names both.
 *
 * @param what the kind of upload as a person calls it: "archive", "zip", "request body"
 * @param bytes the most it may be
 * @param setting the environment variable that raises it, or null when none does
 */
public record UploadLimit(String what, long bytes, String setting) {

  public UploadLimit {
    if (what == null || what.isBlank()) {
      throw new IllegalArgumentException("An upload limit says what it limits.");
    }
    if (bytes <= 0) {
      throw new IllegalArgumentException("An upload limit is positive, not " + bytes + ".");
    }
  }

  /** The refusal of an upload over this limit, shown next to {@code field}. */
  public Problem exceeded(String field) {
    return Problem.tooLarge(field, message(), bytes, setting);
  }

  /** What a person reads: how large, and what to do about it. */
  public String message() {
    return "The "
        + what
        + " is larger than "
        + size()
        + ", the most Podium accepts"
        + (setting == null
            ? " here: make it smaller."
            : ": make it smaller, or ask the operator to raise " + setting + ".");
  }

  /** The limit as a person reads it: "8192 MiB". */
  public String size() {
    return size(bytes);
  }

  /** "8192 MiB" for whole mebibytes, otherwise the exact number of bytes. */
  static String size(long bytes) {
    return bytes % MIB == 0
        ? bytes / MIB + " MiB"
        : String.format(java.util.Locale.ROOT, "%,d bytes", bytes);
  }
}
