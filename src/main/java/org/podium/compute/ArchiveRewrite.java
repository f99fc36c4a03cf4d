package org.podium.compute;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Copies a tar archive entry by entry, leaving some entries out and replacing the content of
 * others; everything else, layers included, is streamed through unread.
 *
 * @param drop names of entries left out of the copy
 * @param replace names of files whose content is rewritten
 * @param replacement the new content of such a file, from its old content
 */
record ArchiveRewrite(Predicate<String> drop, Predicate<String> replace, Replacement replacement) {

  /** New content for a replaced entry. */
  @FunctionalInterface
  interface Replacement {
    byte[] apply(String name, byte[] content) throws IOException;
  }

  /** Writes the rewritten copy of {@code in} (an open tar stream) to {@code copy}. */
  void copy(TarArchiveInputStream in, Path copy) throws IOException {
    try (OutputStream file = Files.newOutputStream(copy);
        TarArchiveOutputStream out = new TarArchiveOutputStream(file)) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      TarArchiveEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        String name =
            entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
        if (drop.test(name)) {
          continue;
        }
        if (entry.isFile() && replace.test(name)) {
          byte[] content = replacement.apply(name, in.readAllBytes());
          TarArchiveEntry replaced = new TarArchiveEntry(entry.getName());
          replaced.setSize(content.length);
          out.putArchiveEntry(replaced);
          out.write(content);
        } else {
          out.putArchiveEntry(entry);
          if (entry.isFile()) {
            ((InputStream) in).transferTo(out);
          }
        }
        out.closeArchiveEntry();
      }
    }
  }
}
