package org.podium.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** This installation's id, generated at the first start and kept in {@code PODIUM_HOME}. */
final class InstallationId {

  static final String FILE_NAME = "installation-id";

  private InstallationId() {}

  static String readOrCreate(Path home) {
    Path file = home.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(home);
        String generated = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
          Files.writeString(
              file,
              generated + "\n",
              StandardCharsets.UTF_8,
              java.nio.file.StandardOpenOption.CREATE_NEW,
              java.nio.file.StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException anotherNodeWon) {
          // read what the other writer chose
        }
      }
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the installation id in " + file, e);
    }
  }
}
