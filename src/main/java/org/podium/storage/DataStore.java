package org.podium.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;
import org.podium.files.Folders;
import org.podium.platform.PodiumConfig;

/**
 * Where Podium keeps files, under {@code PODIUM_HOME/data}: each phase's input and reference data,
 * each submission's upload, output, logs and scoring work.
 */
@ApplicationScoped
public class DataStore {

  private static final Logger LOG = Logger.getLogger(DataStore.class.getName());

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

  /** The reference data of a phase's private leaderboard, scored apart from the public one. */
  public Path phasePrivateReference(long phaseId) {
    return root().resolve("phases").resolve(Long.toString(phaseId)).resolve("private-reference");
  }

  /**
   * A file of a competition's Files tab, named by its id only (the name participants see is never a
   * path): apart from the phases' data, which no download of the tab can reach.
   */
  public Path competitionFile(long competitionId, long fileId) {
    return root()
        .resolve("competitions")
        .resolve(Long.toString(competitionId))
        .resolve("files")
        .resolve(Long.toString(fileId));
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

  /**
   * A fresh, empty folder for one attempt of a submission (what was there is removed). The earlier
   * attempts' folders go: only the latest attempt is shown, scored or downloaded.
   */
  public AttemptFiles freshAttempt(long submissionId, int attempt) {
    AttemptFiles files = attempt(submissionId, attempt);
    for (int earlier = 1; earlier < attempt; earlier++) {
      Path folder = attempt(submissionId, earlier).folder();
      try {
        Folders.delete(folder);
      } catch (UncheckedIOException e) {
        // not this attempt's business: the next start of a run, or an operator, deletes it
        LOG.warning("Could not delete " + folder + ": " + e.getMessage());
      }
    }
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
