package org.podium.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What one submission contributes to a zip: a folder named {@code <id>-<username>} holding the
 * files (or folders) its caller may read, each under its name in the folder.
 */
public record OutputFolder(long submissionId, String username, List<Part> parts) {

  /** A file or folder on disk and its name in the zip's folder; missing ones are skipped. */
  public record Part(String name, Path path) {}

  public OutputFolder {
    parts = List.copyOf(parts);
  }

  /** {@code <id>-<username>}, the username reduced to characters safe in any file system. */
  public String name() {
    return submissionId + "-" + username.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
