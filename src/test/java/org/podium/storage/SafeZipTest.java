package org.podium.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeZipTest {

  @TempDir Path dir;

  private static byte[] zip(String[] names, byte[] content) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String name : names) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private String refused(SafeZip safeZip, byte[] zip) {
    Path target = dir.resolve("out");
    UnsafeArchiveException error =
        assertThrows(
            UnsafeArchiveException.class,
            () -> safeZip.extract(new ByteArrayInputStream(zip), target));
    assertFalse(Files.exists(target), "nothing is left behind");
    return error.getMessage();
  }

  @Test
  void unpacksFoldersAndFiles() throws Exception {
    long bytes =
        new SafeZip(1024, 10)
            .extract(
                new ByteArrayInputStream(
                    zip(new String[] {"a.csv", "sub/b.csv"}, "1,2\n".getBytes())),
                dir.resolve("out"));

    assertEquals(8, bytes);
    assertEquals("1,2\n", Files.readString(dir.resolve("out/sub/b.csv")));
  }

  @Test
  void refusesTraversalAbsolutePathsAndOddNames() throws Exception {
    SafeZip safeZip = new SafeZip(1024, 10);
    assertEquals(
        "The zip contains a name Podium does not unpack (../evil.txt): rename or remove it.",
        refused(safeZip, zip(new String[] {"../evil.txt"}, new byte[1])));
    assertEquals(
        "The zip contains an absolute path (/etc/passwd): zip the files by relative paths.",
        refused(safeZip, zip(new String[] {"/etc/passwd"}, new byte[1])));
    assertEquals(
        "The zip contains a name Podium does not unpack (a/../../b): rename or remove it.",
        refused(safeZip, zip(new String[] {"a/../../b"}, new byte[1])));
  }

  @Test
  void refusesZipBombsWhileTheyInflate() throws Exception {
    byte[] bomb = zip(new String[] {"zeros.bin"}, new byte[10 * 1024 * 1024]);
    assertEquals(true, bomb.length < 64 * 1024, "ten MiB of zeros compress to a few KiB");

    assertEquals(
        "The zip unpacks to more than 1 MiB: make it smaller.",
        refused(new SafeZip(1024 * 1024, 10), bomb));
  }

  @Test
  void refusesTooManyEntriesAndEmptyUploads() throws Exception {
    assertEquals(
        "The zip has more than 2 entries: pack fewer files.",
        refused(new SafeZip(1024, 2), zip(new String[] {"a", "b", "c"}, new byte[1])));
    assertEquals(
        "The upload is empty or not a zip file: send a .zip archive.",
        refused(new SafeZip(1024, 2), "not a zip".getBytes()));
  }
}
