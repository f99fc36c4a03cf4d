package org.podium.testing;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Files of real size for upload tests, written to disk and never held in memory: random (so nothing
 * compresses them away), zips of them, and {@code docker save} archives carrying them.
 */
public final class LargeFiles {

  private static final int CHUNK = 1 << 20;

  private LargeFiles() {}

  /** Writes {@code bytes} random bytes to {@code out}; returns their SHA-256 in hex. */
  public static String random(OutputStream out, long bytes, long seed) throws IOException {
    MessageDigest sha = sha256();
    SplittableRandom random = new SplittableRandom(seed);
    byte[] chunk = new byte[CHUNK];
    for (long left = bytes; left > 0; left -= chunk.length) {
      for (int i = 0; i < chunk.length; i += 8) {
        long value = random.nextLong();
        for (int b = 0; b < 8; b++) {
          chunk[i + b] = (byte) (value >>> (8 * b));
        }
      }
      int length = (int) Math.min(left, chunk.length);
      sha.update(chunk, 0, length);
      out.write(chunk, 0, length);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** A random file of {@code bytes}; returns its SHA-256. */
  public static String randomFile(Path file, long bytes) {
    try (OutputStream out = Files.newOutputStream(file)) {
      return random(out, bytes, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A zip of small text files (deflated) and large random ones ({@code name -> bytes}, stored, as
   * {@code zip} stores what does not compress), written to {@code zip}; returns each random file's
   * SHA-256 by name.
   */
  public static Map<String, String> zip(
      Path zip, Map<String, String> texts, Map<String, Long> randoms) {
    Map<String, String> hashes = new LinkedHashMap<>();
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (Map.Entry<String, String> text : texts.entrySet()) {
        out.putNextEntry(new ZipEntry(text.getKey()));
        out.write(text.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
      for (Map.Entry<String, Long> random : randoms.entrySet()) {
        long bytes = random.getValue();
        CRC32 crc = new CRC32();
        random(new CheckedOutputStream(OutputStream.nullOutputStream(), crc), bytes, bytes);
        ZipEntry entry = new ZipEntry(random.getKey());
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes);
        entry.setCompressedSize(bytes);
        entry.setCrc(crc.getValue());
        out.putNextEntry(entry);
        hashes.put(random.getKey(), random(out, bytes, bytes));
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hashes;
  }

  /** A valid zip of exactly {@code bytes}: one stored entry, sized to fill it. */
  public static Path zipOfExactly(Path zip, long bytes) {
    long overhead = storedZip(zip, 0);
    long size = storedZip(zip, bytes - overhead);
    if (size != bytes) {
      throw new IllegalStateException("made a zip of " + size + " bytes, not " + bytes);
    }
    return zip;
  }

  /**
   * A tar of exactly {@code bytes} (a multiple of 512): one random entry, {@code layer.tar}, and
   * the two empty records that end an archive; {@code extra} more bytes after them.
   */
  public static Path tarOfExactly(Path tar, long bytes, int extra) {
    if (bytes % 512 != 0 || bytes < 2048) {
      throw new IllegalArgumentException("a tar is whole records of 512 bytes, at least 2048");
    }
    try (OutputStream out = Files.newOutputStream(tar)) {
      long content = bytes - 512 - 1024;
      out.write(tarHeader("layer.tar", content));
      random(out, content, content);
      out.write(new byte[1024 + extra]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tar;
  }

  /** The 512-byte header of a tar entry that says {@code size} bytes follow. */
  public static byte[] tarHeader(String name, long size) {
    org.apache.commons.compress.archivers.tar.TarArchiveEntry entry =
        new org.apache.commons.compress.archivers.tar.TarArchiveEntry(name);
    entry.setSize(size);
    byte[] header = new byte[512];
    entry.writeEntryHeader(header);
    return header;
  }

  private static long storedZip(Path zip, long content) {
    byte[] data = new byte[(int) content];
    new SplittableRandom(content).nextBytes(data);
    CRC32 crc = new CRC32();
    crc.update(data);
    ZipEntry entry = new ZipEntry("pad.bin");
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(content);
    entry.setCompressedSize(content);
    entry.setCrc(crc.getValue());
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(entry);
      out.write(data);
      out.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return Files.size(zip);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The example participant image plus {@code ballastBytes} of random data at {@code
   * /bin/ballast.bin}, built {@code FROM scratch} and saved with {@code docker save} to {@code
   * archive} (kept for the next run of the same build).
   */
  public static Path participantArchive(DockerClient docker, Path archive, long ballastBytes) {
    try {
      if (Files.isRegularFile(archive) && Files.size(archive) > ballastBytes) {
        return archive;
      }
      Files.createDirectories(archive.getParent());
      Path ballast = archive.resolveSibling("ballast.bin");
      randomFile(ballast, ballastBytes);
      String tag = "podium-ballast:" + ballastBytes;
      Path example = Path.of("docker/examples/participant/busybox");
      try {
        TestImages.busybox()
            .withBinary("predict.sh", example.resolve("predict.sh"))
            .withBinary("ballast.bin", ballast)
            .with("USER 1000:1000")
            .with("ENTRYPOINT [\"/bin/busybox\", \"sh\", \"/bin/predict.sh\"]")
            .build(docker, tag);
      } finally {
        Files.deleteIfExists(ballast);
      }
      Path partial = archive.resolveSibling(archive.getFileName() + ".part");
      try (InputStream saved =
          docker
              .saveImageCmd(tag.substring(0, tag.indexOf(':')))
              .withTag(tag.substring(tag.indexOf(':') + 1))
              .exec()) {
        Files.copy(saved, partial, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      Files.move(partial, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      docker.removeImageCmd(tag).withForce(true).exec();
      return archive;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The SHA-256 of a file, in hex. */
  public static String sha256(Path file) {
    MessageDigest sha = sha256();
    try (InputStream in = Files.newInputStream(file);
        OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
      in.transferTo(sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
