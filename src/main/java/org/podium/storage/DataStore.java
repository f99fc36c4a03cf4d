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

  /** What a participant uploaded with a submission, kept in its folder under this name. */
  public enum Upload {
    /** A results zip, unpacked. */
    RESULTS("results"),
    /** A {@code docker save} archive. */
    ARCHIVE("image.tar");

    private final String name;

    Upload(String name) {
      this.name = name;
    }
  }

  /** Where a submission's upload of that kind is kept (whether or not there is one). */
  public Path upload(long submissionId, Upload upload) {
    return submission(submissionId).resolve(upload.name);
  }

  /** An attempt's files as they are, to read its logs and limits. */
  public AttemptFiles attempt(long submissionId, int attempt) {
    return new AttemptFiles(submission(submissionId).resolve("attempt-" + attempt));
  }

  /** A fresh, empty folder for one attempt of a submission (what was there is removed). */
  public AttemptFiles freshAttempt(long submissionId, int attempt) {
    AttemptFiles files = attempt(submissionId, attempt);
    Folders.delete(files.folder());
    try {
      Files.createDirectories(files.folder());
      Files.setPosixFilePermissions(files.folder(), PosixFilePermissions.fromString("rwx------"));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
