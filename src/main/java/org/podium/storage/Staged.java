package org.podium.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.podium.files.Folders;

/**
 * An upload received into Podium's staging folder: a file, or the folder a zip unpacked to. It is
 * moved where it belongs once accepted; closed before that, it is deleted, so a refused or broken
 * upload leaves nothing behind.
 */
public final class Staged implements AutoCloseable {

  private final Path path;
  private final long bytes;
  private boolean moved;

  Staged(Path path, long bytes) {
    this.path = path;
    this.bytes = bytes;
  }

  /** Where it waits now. */
  public Path path() {
    return path;
  }

  /** Its size: the file's, or what the zip unpacked to. */
  public long bytes() {
    return bytes;
  }

  /**
   * Moves it to {@code target} (one rename: the staging folder is on the same file system). A
   * folder already at {@code target} is moved to {@link #retired()} first, for {@link Uploads} to
   * delete once the move is committed, or to put back if it is not.
   */
  public void moveTo(Path target) {
    try {
      Files.createDirectories(target.getParent());
      if (Files.isDirectory(path)) {
        Folders.replace(path, target, retired());
      } else {
        Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
      }
      moved = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move an upload to " + target, e);
    }
  }

  /** Where what it replaced waits, in the staging folder, until its fate is known. */
  Path retired() {
    return path.resolveSibling(path.getFileName() + ".replaced");
  }

  /** Deletes it unless it was moved. */
  @Override
  public void close() {
    if (!moved) {
      Folders.delete(path);
    }
  }
}
