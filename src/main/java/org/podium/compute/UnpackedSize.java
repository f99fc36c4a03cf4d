package org.podium.compute;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * What one entry of a {@code docker save} archive costs the engine once loaded: a layer (a tar,
 * plain, gzip or bzip2, which is what the engine decompresses) by the real size of every file it
 * holds, read through the decompressor; anything else by its real size. Sparse entries count by the
 * size they claim, not by the few bytes they take in the archive. Layers compressed with zstd or xz
 * are refused: {@code docker save} never writes them, and Podium would have to bring a decompressor
 * (native, for zstd) only to measure them.
 */
final class UnpackedSize {

  /** Enough of an entry to tell a compressed stream or a tar header from anything else. */
  private static final int SNIFF = 512;

  private static final byte[] GZIP = {0x1f, (byte) 0x8b};
  private static final byte[] BZIP2 = {'B', 'Z', 'h'};
  private static final byte[] ZSTD = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};
  private static final byte[] XZ = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};

  private UnpackedSize() {}

  /** The size an entry claims: a sparse file's real size, not what it takes in the archive. */
  static long claimed(TarArchiveEntry entry) {
    return Math.max(0, entry.isSparse() ? entry.getRealSize() : entry.getSize());
  }

  /** An entry's content with the first bytes available to look at. */
  static BufferedInputStream sniffable(InputStream content) {
    return new BufferedInputStream(content, 1 << 16);
  }

  /** The entry's first bytes, left unread in {@code content}. */
  static byte[] head(BufferedInputStream content) throws IOException {
    content.mark(SNIFF);
    byte[] head = content.readNBytes(SNIFF);
    content.reset();
    return head;
  }

  /** Whether the entry's content is a layer: a tar, plain or compressed. */
  static boolean isLayer(byte[] head) {
    return startsWith(head, GZIP)
        || startsWith(head, BZIP2)
        || startsWith(head, ZSTD)
        || startsWith(head, XZ)
        || isTar(head);
  }

  /**
   * Reads a layer to its end and returns what its files unpack to.
   *
   * @param budget the most it may unpack to
   * @throws TooLarge as soon as it unpacks to more than {@code budget}
   * @throws InvalidImageException for a compression Podium does not take
   */
  static long ofLayer(BufferedInputStream content, byte[] head, long budget) throws IOException {
    if (startsWith(head, ZSTD) || startsWith(head, XZ)) {
      throw new InvalidImageException(
          "The archive has a layer compressed with "
              + (startsWith(head, ZSTD) ? "zstd" : "xz")
              + ", which Podium does not take: save the image with 'docker save', whose layers"
              + " are plain tar (gzip is accepted too).");
    }
    InputStream layer = content;
    if (startsWith(head, GZIP)) {
      layer = new GZIPInputStream(content, 1 << 16);
    } else if (startsWith(head, BZIP2)) {
      layer = new BZip2CompressorInputStream(content, true);
    }
    long total = 0;
    TarArchiveInputStream files = new TarArchiveInputStream(layer);
    TarArchiveEntry file;
    while ((file = files.getNextEntry()) != null) {
      total += claimed(file);
      if (total > budget) {
        throw new TooLarge();
      }
      // Read through the decompressor: the next header comes after this file's bytes.
    }
    // What follows the last entry (padding, anything else) is decompressed and dropped.
    layer.transferTo(java.io.OutputStream.nullOutputStream());
    return total;
  }

  private static boolean isTar(byte[] head) {
    // POSIX "ustar\0" or old GNU "ustar  \0" at offset 257 of the first header.
    return head.length >= 263
        && Arrays.equals(
            Arrays.copyOfRange(head, 257, 262), "ustar".getBytes(StandardCharsets.US_ASCII));
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
  }

  /** The archive unpacks to more than its budget. */
  static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(null, null, false, false);
    }
  }
}
