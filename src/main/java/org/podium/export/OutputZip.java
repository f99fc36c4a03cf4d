package org.podium.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes folders of submission files into a zip as it streams: nothing is built on disk or in
 * memory. Only regular files are written; a symbolic link a container left in its output is
 * skipped, never followed (it could name any file of the server). Missing files are skipped.
 */
public final class OutputZip implements AutoCloseable {

  private final ZipOutputStream zip;

  public OutputZip(OutputStream out) {
    this.zip = new ZipOutputStream(out);
  }

  public void write(OutputFolder folder) {
    for (OutputFolder.Part part : folder.parts()) {
      String prefix = folder.name() + "/" + part.name();
      try {
        if (Files.isDirectory(part.path(), LinkOption.NOFOLLOW_LINKS)) {
          tree(part.path(), prefix);
        } else if (Files.isRegularFile(part.path(), LinkOption.NOFOLLOW_LINKS)) {
          file(part.path(), prefix);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void tree(Path root, String prefix) throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            if (attributes.isRegularFile()) {
              StringBuilder name = new StringBuilder(prefix);
              for (Path element : root.relativize(file)) {
                name.append('/').append(element);
              }
              file(file, name.toString());
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE; // gone meanwhile (a re-run cleaning its folder)
            }
            throw e;
          }
        });
  }

  private void file(Path file, String name) throws IOException {
    try (var in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      zip.putNextEntry(new ZipEntry(name));
      in.transferTo(zip);
      zip.closeEntry();
    } catch (NoSuchFileException gone) {
      // deleted between the listing and the read: skipped like any missing file
    }
  }

  public void flush() {
    try {
      zip.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the zip's central directory; the stream underneath is left to its owner. */
  @Override
  public void close() {
    try {
      zip.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
