package org.podium.storage;

import static org.podium.files.Bytes.MIB;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.podium.files.Folders;

/**
 * Unpacks an uploaded zip into an empty folder and refuses anything that could hurt: names that
 * leave the folder, absolute paths, too many entries, more bytes than allowed once unpacked (which
 * stops zip bombs while they inflate, whatever their headers claim). Zip "links" are unpacked as
 * plain files: nothing here creates a link.
 */
public final class SafeZip {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._+=@, -]{1,255}");

  private static final int BUFFER_BYTES = 1 << 20;

  private final long maxBytes;
  private final int maxEntries;

  public SafeZip(long maxBytes, int maxEntries) {
    this.maxBytes = maxBytes;
    this.maxEntries = maxEntries;
  }

  /**
   * Unpacks {@code zip} into {@code target}, which must not exist yet.
   *
   * @return the number of bytes unpacked
   * @throws UnsafeArchiveException saying why the archive was refused; nothing is left behind
   */
  public long extract(InputStream zip, Path target) {
    try {
      Files.createDirectories(target.getParent());
      Files.createDirectory(target);
      try {
        return unpack(zip, target);
      } catch (IOException | RuntimeException e) {
        Folders.delete(target);
        throw e;
      }
    } catch (ZipException e) {
      throw new UnsafeArchiveException(
          "The upload is not a valid zip file (" + e.getMessage() + "): send a .zip archive.");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long unpack(InputStream source, Path target) throws IOException {
    long total = 0;
    int entries = 0;
    byte[] buffer = new byte[BUFFER_BYTES];
    // The zip reader fills its inflater 512 bytes at a time, so a deflated entry comes out in
    // pieces of about that size: a buffered request and whole buffers written keep a gigabyte
    // from being millions of small reads from the request and writes to the disk.
    try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(source, BUFFER_BYTES))) {
      ZipEntry entry;
      while ((entry = nextEntry(zip)) != null) {
        if (++entries > maxEntries) {
          throw new UnsafeArchiveException(
              "The zip has more than " + maxEntries + " entries: pack fewer files.");
        }
        Path path = resolve(target, entry.getName());
        if (entry.isDirectory()) {
          Files.createDirectories(path);
          continue;
        }
        Files.createDirectories(path.getParent());
        try (OutputStream out =
            Files.newOutputStream(path, java.nio.file.StandardOpenOption.CREATE_NEW)) {
          int filled = 0;
          int read;
          while ((read = zip.read(buffer, filled, buffer.length - filled)) > 0) {
            total += read;
            if (total > maxBytes) {
              throw new TooLargeException(maxBytes);
            }
            filled += read;
            if (filled == buffer.length) {
              out.write(buffer, 0, filled);
              filled = 0;
            }
          }
          out.write(buffer, 0, filled);
        } catch (java.nio.file.FileAlreadyExistsException e) {
          throw new UnsafeArchiveException(
              "The zip contains " + entry.getName() + " twice: keep one of them.");
        }
      }
    }
    if (entries == 0) {
      throw new UnsafeArchiveException(
          "The upload is empty or not a zip file: send a .zip archive.");
    }
    return total;
  }

  /** The zip unpacks to more than allowed, whatever its headers claimed. */
  public static final class TooLargeException extends UnsafeArchiveException {
    private static final long serialVersionUID = 1L;

    TooLargeException(long maxBytes) {
      super("The zip unpacks to more than " + maxBytes / MIB + " MiB: make it smaller.");
    }
  }

  private static ZipEntry nextEntry(ZipInputStream zip) throws IOException {
    try {
      return zip.getNextEntry();
    } catch (IllegalArgumentException e) {
      // the reader decodes names as UTF-8 and gives up on one that is not
      throw new UnsafeArchiveException(
          "The zip contains an entry whose name is not UTF-8: rename it and zip again.");
    }
  }

  private static Path resolve(Path target, String name) {
    String clean = name.replace('\\', '/');
    if (clean.startsWith("/") || clean.matches("^[A-Za-z]:.*")) {
      throw new UnsafeArchiveException(
          "The zip contains an absolute path (" + name + "): zip the files by relative paths.");
    }
    for (String segment : clean.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.equals("..") || segment.equals(".") || !SEGMENT.matcher(segment).matches()) {
        throw new UnsafeArchiveException(
            "The zip contains a name Podium does not unpack (" + name + "): rename or remove it.");
      }
    }
    Path path = target.resolve(clean).normalize();
    if (!path.startsWith(target)) {
      throw new UnsafeArchiveException(
          "The zip contains a path outside its folder ("
              + name
              + "): zip the files by relative paths.");
    }
    return path;
  }
}
