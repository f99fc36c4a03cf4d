package org.podium.storage;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.apache.commons.io.input.TeeInputStream;
import org.podium.files.Folders;
import org.podium.platform.PodiumConfig;
import org.podium.platform.problem.Problem;
import org.podium.platform.problem.UploadLimit;
import org.podium.platform.problem.UploadTooLargeException;

/**
 * Uploads on their way in. A body is written, or unpacked, into this node's staging folder ({@code
 * PODIUM_HOME/data/uploads/<node>}) while it streams, outside any transaction, and counted against
 * its limit as it comes; only once it is accepted is it moved where it belongs. A refused, broken
 * or aborted upload is deleted; what a crash left in the staging folder goes at the next start.
 */
@ApplicationScoped
public class Uploads {

  private static final Logger LOG = Logger.getLogger(Uploads.class.getName());

  /** Large enough that a gigabyte is a thousand writes. */
  private static final int BUFFER_BYTES = 1 << 20;

  private static final int MAX_ZIP_ENTRIES = 100_000;

  @Inject DataStore dataStore;

  @Inject PodiumConfig config;

  @Resource TransactionSynchronizationRegistry transactions;

  @Resource ManagedExecutorService background;

  /** Empties this node's staging folder when Podium starts: no upload is in flight then. */
  void clearAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    Path folder = folder();
    if (Files.exists(folder)) {
      LOG.info("Deleting uploads a stop interrupted, in " + folder);
      Folders.delete(folder);
    }
  }

  /**
   * Writes {@code body} to a new staging file.
   *
   * @throws Problem 413 past {@code limit}; 400 when the body breaks off
   */
  public Staged receive(InputStream body, UploadLimit limit) {
    return receive(body, limit, content -> {});
  }

  /**
   * Writes {@code body} to a new staging file while {@code inspector} reads it (checks it) as it
   * passes: one pass over the upload, whatever the inspector reads or leaves.
   *
   * @throws Problem 413 past {@code limit}; 400 when the body breaks off
   * @throws RuntimeException what the inspector throws, the file deleted
   */
  public Staged receive(InputStream body, UploadLimit limit, Consumer<InputStream> inspector) {
    Path file = newPath("file-");
    Bounded bounded = new Bounded(body, limit);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER_BYTES)) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      InputStream passing = new TeeInputStream(bounded, out);
      inspector.accept(passing);
      byte[] buffer = new byte[BUFFER_BYTES];
      while (passing.read(buffer) >= 0) {
        // the rest, written as it passes
      }
    } catch (IOException | RuntimeException e) {
      Folders.delete(file);
      // The body's own failure (too large, broken off) is the reason, whatever the inspector
      // made of the stream that failed under it.
      throw bounded.failure != null ? refusal(bounded.failure) : refusal(e);
    }
    return new Staged(file, bounded.count);
  }

  /**
   * Unpacks a zip {@code body} into a new staging folder as it streams (see {@link SafeZip}), the
   * zip and what it unpacks to both bounded by {@code limit}; everything readable by containers.
   *
   * @throws Problem 413 past the limit; 400 for an unsafe or broken zip
   */
  public Staged unpackZip(InputStream body, UploadLimit limit) {
    Path folder = newPath("zip-");
    Bounded zip = new Bounded(body, limit);
    try {
      long bytes = new SafeZip(limit.bytes(), MAX_ZIP_ENTRIES).extract(zip, folder);
      // The zip reader stops after the last entry; what follows (the central directory, or
      // anything else) is part of the upload too, and counts against its limit.
      zip.transferTo(OutputStream.nullOutputStream());
      makeReadable(folder);
      return new Staged(folder, bytes);
    } catch (SafeZip.TooLargeException e) {
      Folders.delete(folder);
      throw new UploadLimit("unpacked zip", limit.bytes(), limit.setting()).exceeded("file");
    } catch (IOException | RuntimeException e) {
      Folders.delete(folder);
      throw zip.failure != null
          ? refusal(zip.failure)
          : refusal(e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e);
    }
  }

  /**
   * Deletes {@code path} if the current transaction rolls back: files moved into place for a row
   * that is never committed do not stay.
   */
  public void deleteOnRollback(Path path) {
    afterCompletion(
        committed -> {
          if (!committed) {
            Folders.delete(path);
          }
        });
  }

  /**
   * Moves an accepted upload to {@code target} within the current transaction, replacing what is
   * there. What it replaced is deleted after the commit, off the caller's thread (unlinking
   * gigabytes takes a noticeable part of a second), and put back if the transaction rolls back.
   */
  public void replace(Staged upload, Path target) {
    Path retired = upload.retired();
    upload.moveTo(target);
    afterCompletion(
        committed -> {
          if (committed) {
            discard(retired);
          } else {
            Folders.delete(target);
            if (Files.exists(retired, LinkOption.NOFOLLOW_LINKS)) {
              Folders.replace(retired, target, upload.path());
            }
          }
        });
  }

  /** Deletes {@code path} in the background; a crash before that leaves it to the next start. */
  private void discard(Path path) {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      background.execute(() -> Folders.delete(path));
    } catch (RuntimeException e) {
      Folders.delete(path);
    }
  }

  private void afterCompletion(Consumer<Boolean> action) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            action.accept(status == Status.STATUS_COMMITTED);
          }
        });
  }

  /**
   * What a failed upload answers: 413 past its limit, 400 when the body broke off or the zip is
   * unsafe; a failure to write (a full disk) stays a failure of Podium's.
   */
  private static RuntimeException refusal(Exception failure) {
    Problem tooLarge = UploadTooLargeException.find(failure);
    if (tooLarge != null) {
      return tooLarge;
    }
    if (failure instanceof UnsafeArchiveException unsafe) {
      return Problem.invalidField("file", unsafe.getMessage());
    }
    if (failure instanceof BrokeOff) {
      return brokeOff(failure);
    }
    return failure instanceof IOException io
        ? new UncheckedIOException("cannot store an upload", io)
        : (RuntimeException) failure;
  }

  private static Problem brokeOff(Throwable failure) {
    return Problem.invalidField(
        "file",
        "The upload broke off before its end ("
            + (failure.getCause() == null ? failure : failure.getCause()).getMessage()
            + "): send it again.");
  }

  private Path newPath(String prefix) {
    Path folder = folder();
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the staging folder " + folder, e);
    }
    return folder.resolve(prefix + UUID.randomUUID());
  }

  /** This node's staging folder, on the data's file system so that accepting is a rename. */
  Path folder() {
    String node = config.nodeName().replaceAll("[^A-Za-z0-9._-]", "_");
    return dataStore.root().resolve("uploads").resolve(node);
  }

  /** Data mounted read-only into containers must be readable by their uid 1000. */
  private static void makeReadable(Path folder) {
    try (var paths = Files.walk(folder)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Files.setPosixFilePermissions(
            path,
            PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Refuses to read past a limit, whatever reads (a file copy, the zip reader), and marks a failure
   * to read as the sender's: the body broke off. Closing it leaves the body open: its owner closes
   * that.
   */
  private static final class Bounded extends FilterInputStream {
    private final UploadLimit limit;
    private long count;
    private IOException failure;

    Bounded(InputStream in, UploadLimit limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int read;
      try {
        read = in.read(buffer, offset, length);
      } catch (UploadTooLargeException e) {
        throw failed(e);
      } catch (IOException e) {
        throw failed(new BrokeOff(e));
      }
      if (read > 0) {
        count += read;
        if (count > limit.bytes()) {
          throw failed(new UploadTooLargeException(limit.exceeded("file")));
        }
      }
      return read;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] skipped = new byte[(int) Math.min(n, 8192)];
      return Math.max(0, read(skipped, 0, skipped.length));
    }

    @Override
    public void close() {
      // the body is its owner's to close
    }

    private IOException failed(IOException e) {
      failure = e;
      return e;
    }
  }

  /** Reading the body failed: the sender went away or the connection broke. */
  private static final class BrokeOff extends IOException {
    private static final long serialVersionUID = 1L;

    BrokeOff(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
