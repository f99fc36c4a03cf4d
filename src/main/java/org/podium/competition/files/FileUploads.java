package org.podium.competition.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.logging.Logger;
import org.podium.account.Account;
import org.podium.files.Folders;
import org.podium.platform.PodiumConfig;
import org.podium.storage.Uploads;

/**
 * Files of any size on their way to and from a competition's Files tab. The organizer, the name and
 * the description are checked before a byte is read; the body streams to the staging folder outside
 * any transaction (a large file may take longer to arrive than a transaction may last), its SHA-256
 * computed as it passes; only then is its row written, in one short transaction. A deleted file's
 * bytes go once its row's deletion is committed.
 */
@ApplicationScoped
public class FileUploads {

  private static final Logger LOG = Logger.getLogger(FileUploads.class.getName());

  @Inject CompetitionFiles files;

  @Inject Uploads uploads;

  @Inject PodiumConfig config;

  /** Checks, receives and stores a file sent as a whole body. */
  public FileView upload(
      Account caller, long competitionId, String name, String description, InputStream body) {
    files.checkUpload(caller, competitionId, name, description);
    try (ReceivedFile received = receive(body)) {
      return files.store(caller, competitionId, name, description, received);
    }
  }

  /** Receives a body into the staging folder, bounded by the file limit, with its SHA-256. */
  public ReceivedFile receive(InputStream body) {
    MessageDigest sha = sha256();
    var staged =
        uploads.receive(
            body,
            config.fileLimit(),
            passing -> {
              byte[] buffer = new byte[1 << 16];
              try {
                for (int read = passing.read(buffer); read >= 0; read = passing.read(buffer)) {
                  sha.update(buffer, 0, read);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return new ReceivedFile(staged, HexFormat.of().formatHex(sha.digest()));
  }

  /** Deletes a file: its row, then (committed) its bytes. */
  public void delete(Account caller, long competitionId, long fileId) {
    Path bytes = files.delete(caller, competitionId, fileId);
    try {
      Folders.delete(bytes);
    } catch (UncheckedIOException e) {
      // the row is gone, so nobody reaches these bytes; an operator may remove them
      LOG.warning("Could not delete " + bytes + ": " + e.getMessage());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
