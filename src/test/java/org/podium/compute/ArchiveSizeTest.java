package org.podium.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.podium.testing.CraftedArchives;

/**
 * What an uploaded archive unpacks to is bounded by what the engine will really write: layers
 * decompressed, sparse files by the size they claim. Pure: the archives are built here, in memory.
 */
class ArchiveSizeTest {

  private static final long LIMIT = 4L * 1024 * 1024;
  private static final long NINE_GIB = 9L * 1024 * 1024 * 1024;

  private final ImageArchives archives =
      new ImageArchives(null, SandboxSettings.defaults("test").withMaxArchiveBytes(LIMIT));

  @Test
  void aGzippedLayerIsCountedByWhatItDecompressesTo() throws Exception {
    byte[] layer =
        CraftedArchives.gzip(CraftedArchives.tar(Map.of("zeros", new byte[6 * 1024 * 1024])));
    assertTrue(layer.length < 64 * 1024, "the layer itself is tiny: " + layer.length);

    InvalidImageException refused =
        assertThrows(
            InvalidImageException.class, () -> archives.check(CraftedArchives.image(layer)));

    assertEquals("The image unpacks to more than 4 MiB: make it smaller.", refused.getMessage());
  }

  @Test
  void aSparseFileInALayerCountsByTheSizeItClaims() throws Exception {
    byte[] layer = CraftedArchives.sparseTar("zeros", NINE_GIB);

    InvalidImageException refused =
        assertThrows(
            InvalidImageException.class, () -> archives.check(CraftedArchives.image(layer)));

    assertEquals("The image unpacks to more than 4 MiB: make it smaller.", refused.getMessage());
  }

  @Test
  void aSparseEntryOfTheArchiveCountsByTheSizeItClaims() throws Exception {
    byte[] layer = CraftedArchives.tar(Map.of("hello", "hi\n".getBytes(StandardCharsets.UTF_8)));
    byte[] archive = CraftedArchives.image(layer).readAllBytes();
    // the archive with one more entry: old-GNU sparse, 512 bytes stored, 9 GiB claimed
    byte[] sparse = CraftedArchives.sparseTar("padding", NINE_GIB);
    byte[] withSparse = CraftedArchives.concat(CraftedArchives.strip(sparse), archive);

    InvalidImageException refused =
        assertThrows(
            InvalidImageException.class,
            () -> archives.check(new ByteArrayInputStream(withSparse)));

    assertEquals("The image unpacks to more than 4 MiB: make it smaller.", refused.getMessage());
  }

  @Test
  void aZstdLayerIsRefusedSayingWhichCompressionsAreTaken() throws Exception {
    byte[] layer = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0, 0, 0, 0};

    InvalidImageException refused =
        assertThrows(
            InvalidImageException.class, () -> archives.check(CraftedArchives.image(layer)));

    assertTrue(refused.getMessage().contains("compressed with zstd"), refused.getMessage());
  }

  @Test
  void aSmallGzippedLayerUnderTheLimitIsAccepted() throws Exception {
    byte[] layer =
        CraftedArchives.gzip(CraftedArchives.tar(Map.of("zeros", new byte[1024 * 1024])));

    ImageArchives.Contents contents =
        archives.check(new ByteArrayInputStream(CraftedArchives.image(layer).readAllBytes()));

    assertTrue(contents.unpackedBytes() >= 1024 * 1024, "counted: " + contents.unpackedBytes());
  }
}
