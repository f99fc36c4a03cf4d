package org.podium.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * {@code docker save} archives built in memory, whole or hostile (compressed layers, sparse
 * entries), for the checks that must refuse them; no engine needed.
 */
public final class CraftedArchives {

  private CraftedArchives() {}

  /** A one-image docker save archive (legacy layout) around {@code layer}. */
  public static ByteArrayInputStream image(byte[] layer) throws Exception {
    byte[] config =
        ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}")
            .getBytes(StandardCharsets.UTF_8);
    String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(config));
    byte[] manifest =
        ("[{\"Config\":\"" + hex + ".json\",\"RepoTags\":null,\"Layers\":[\"l1/layer.tar\"]}]")
            .getBytes(StandardCharsets.UTF_8);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("l1/layer.tar", layer);
    entries.put(hex + ".json", config);
    entries.put("manifest.json", manifest);
    return new ByteArrayInputStream(tar(entries));
  }

  public static byte[] tar(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(file.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(file.getValue());
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  public static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(content);
    }
    return bytes.toByteArray();
  }

  /**
   * A tar holding one old-GNU sparse file: 512 bytes stored at the end of {@code realSize}, the
   * rest a hole. Commons Compress writes no sparse entries, so the header is written here.
   */
  public static byte[] sparseTar(String name, long realSize) {
    byte[] header = new byte[512];
    put(header, 0, name);
    put(header, 100, octal(0644, 8));
    put(header, 108, octal(0, 8));
    put(header, 116, octal(0, 8));
    put(header, 124, octal(512, 12));
    put(header, 136, octal(0, 12));
    header[156] = 'S';
    put(header, 257, "ustar  ");
    // one sparse region: 512 bytes at the end of the file
    put(header, 386, octal(realSize - 512, 12));
    put(header, 398, octal(512, 12));
    header[482] = 0;
    put(header, 483, octal(realSize, 12));
    Arrays.fill(header, 148, 156, (byte) ' ');
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, String.format("%06o", sum));
    header[154] = 0;
    header[155] = ' ';
    byte[] data = new byte[512];
    Arrays.fill(data, (byte) 'x');
    return concat(concat(header, data), new byte[1024]);
  }

  /** A tar without its two closing blocks, to go before another tar. */
  public static byte[] strip(byte[] tar) {
    return Arrays.copyOf(tar, tar.length - 1024);
  }

  private static String octal(long value, int width) {
    return String.format("%0" + (width - 1) + "o", value);
  }

  private static void put(byte[] header, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }

  public static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
