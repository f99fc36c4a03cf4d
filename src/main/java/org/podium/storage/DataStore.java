package org.podium.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.podium.files.Folders;
import org.podium.platform.PodiumConfig;

/**
 * Where Podium keeps files, under {@code PODIUM_HOME/data}: each phase's input and reference data,
 * each submission's upload, output, logs and scoring work.
 */
@ApplicationScoped
public class DataStore {

  @Inject PodiumConfig config;

  public Path root() {
    return config.data();
  }

  public Path phaseInput(long phaseId) {
    return root().resolve("phases").resolve(Long.toString(phaseId)).resolve("input");
  }

  public Path phaseReference(long phaseId) {
    return root().resolve("phases").resolve(Long.toString(phaseId)).resolve("reference");
  }

  public Path submission(long submissionId) {
    return root().resolve("submissions").resolve(Long.toString(submissionId));
  }

  /** A fresh, empty folder for one attempt of a submission (earlier attempts are removed). */
  public Path attempt(long submissionId, int attempt) {
    Path folder = submission(submissionId).resolve("attempt-" + attempt);
    Folders.delete(folder);
    try {
      Files.createDirectories(folder);
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
