package org.podium.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** Folder operations that never follow links. */
public final class Folders {

  private Folders() {}

  /** Deletes a folder and everything in it (links themselves, never their targets). */
  public static void delete(Path folder) {
    if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(
          folder,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + folder, e);
    }
  }

  /**
   * Puts {@code fresh} where {@code current} is, in two renames; what was there is moved to {@code
   * retired} (a path that does not exist yet, on the same file system) for its owner to delete.
   */
  public static void replace(Path fresh, Path current, Path retired) {
    try {
      if (Files.exists(current, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.move(current, retired, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(fresh, current, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace " + current, e);
    }
  }

  /** Copies a folder tree of regular files and folders; links are skipped. */
  public static void copy(Path from, Path to) {
    try {
      Files.walkFileTree(
          from,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
                throws IOException {
              Files.createDirectories(to.resolve(from.relativize(dir).toString()));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              if (attributes.isRegularFile()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + from, e);
    }
  }
}
