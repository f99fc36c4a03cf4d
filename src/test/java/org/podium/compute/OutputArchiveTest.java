package org.podium.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extraction of an output volume's archive, as the engine streams it, without a container. */
class OutputArchiveTest {

  @TempDir Path out;

  private static final SandboxLimits LIMITS = SandboxLimits.DEFAULT.withOutput(3 * 4096, 5);

  /** A tar as the engine's archive API writes it for /out: every name starts with "out/". */
  private static final class Tar {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar;
    private SandboxLimits limits = LIMITS;

    Tar withLimits(SandboxLimits value) {
      limits = value;
      return this;
    }

    Tar() throws IOException {
      tar = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name());
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      folder("");
    }

    Tar folder(String name) throws IOException {
      tar.putArchiveEntry(new TarArchiveEntry("out/" + name + (name.isEmpty() ? "" : "/")));
      tar.closeArchiveEntry();
      return this;
    }

    Tar file(String name, String content) throws IOException {
      byte[] data = content.getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry entry = new TarArchiveEntry("out/" + name);
      entry.setSize(data.length);
      tar.putArchiveEntry(entry);
      tar.write(data);
      tar.closeArchiveEntry();
      return this;
    }

    Tar link(String name, byte type, String target) throws IOException {
      TarArchiveEntry entry = new TarArchiveEntry("out/" + name, type);
      entry.setLinkName(target);
      tar.putArchiveEntry(entry);
      tar.closeArchiveEntry();
      return this;
    }

    OutputReport extract(Path destination) throws IOException {
      tar.close();
      return OutputArchive.extract(
          new ByteArrayInputStream(bytes.toByteArray()), destination, "/mnt/out", limits);
    }
  }

  @Test
  void keepsRegularFilesInPlainFolders() throws Exception {
    OutputReport report =
        new Tar()
            .file("a.csv", "1,2\n")
            .folder("sub")
            .folder("sub/deeper")
            .file("sub/deeper/b.json", "{}")
            .extract(out);

    assertEquals(Set.of("a.csv", "sub/deeper/b.json"), Set.copyOf(report.files()));
    assertEquals(6, report.totalBytes());
    assertEquals(4, report.entries(), "folders count as entries");
    assertFalse(report.overLimit());
    assertEquals(Optional.empty(), report.refused());
    assertEquals("{}", Files.readString(out.resolve("sub/deeper/b.json")));
  }

  @Test
  void linksDevicesAndFifosAreReportedAndNeverCreated() throws Exception {
    OutputReport report =
        new Tar()
            .withLimits(SandboxLimits.DEFAULT)
            .file("good.csv", "1")
            .link("passwd", TarConstants.LF_SYMLINK, "/etc/passwd")
            .file("first", "x")
            .link("second", TarConstants.LF_LINK, "out/first")
            .link("pipe", TarConstants.LF_FIFO, "")
            .link("null", TarConstants.LF_CHR, "")
            .extract(out);

    assertEquals(List.of("good.csv"), report.files());
    assertEquals(
        Set.of("passwd", "first", "second", "pipe", "null"),
        report.rejected().stream().map(OutputReport.Rejected::path).collect(Collectors.toSet()));
    try (var left = Files.list(out)) {
      assertEquals(Set.of(out.resolve("good.csv")), left.collect(Collectors.toSet()));
    }
    assertFalse(Files.exists(out.resolve("passwd"), LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void folderWithAnUnsafeNameIsDroppedWithItsContents() throws Exception {
    OutputReport report = new Tar().folder("bad\nname").file("bad\nname/x.txt", "x").extract(out);

    assertEquals(List.of(), report.files());
    assertEquals(
        List.of("bad\nname"), report.rejected().stream().map(OutputReport.Rejected::path).toList());
    assertFalse(Files.exists(out.resolve("bad\nname")));
  }

  @Test
  void aTreeDeeperThan32FoldersIsRefusedNamingTheFolderInTheContainer() throws Exception {
    Tar tar = new Tar().withLimits(SandboxLimits.DEFAULT);
    String path = "";
    for (int level = 0; level < 40; level++) {
      path = path + (path.isEmpty() ? "" : "/") + "a";
      tar.folder(path);
    }
    OutputReport report = tar.extract(out);

    assertEquals(
        Optional.of("/mnt/out/" + "a/".repeat(32) + "a is deeper than 32 folders under /mnt/out"),
        report.refused());
  }

  @Test
  void aPathLongerThan1024CharactersIsRefused() throws Exception {
    String name = "n".repeat(200);
    Tar tar = new Tar().withLimits(SandboxLimits.DEFAULT);
    String path = "";
    for (int level = 0; level < 6; level++) {
      path = path + (path.isEmpty() ? "" : "/") + name;
      tar.folder(path);
    }
    OutputReport report = tar.extract(out);

    assertTrue(
        report
            .refused()
            .orElseThrow()
            .endsWith(" has a path longer than 1024 characters under /mnt/out"),
        report.refused().toString());
    assertTrue(report.refused().orElseThrow().startsWith("/mnt/out/nnnn"));
  }

  @Test
  void aNameThatIsNotUtf8IsDroppedAndReported() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, "ISO-8859-1")) {
      tar.putArchiveEntry(new TarArchiveEntry("out/"));
      tar.closeArchiveEntry();
      TarArchiveEntry entry = new TarArchiveEntry("out/caf\u00e9");
      entry.setSize(0);
      tar.putArchiveEntry(entry);
      tar.closeArchiveEntry();
    }
    OutputReport report =
        OutputArchive.extract(
            new ByteArrayInputStream(bytes.toByteArray()), out, "/mnt/out", LIMITS);

    assertEquals(List.of(), report.files());
    assertEquals(1, report.rejected().size(), report.toString());
    assertTrue(report.rejected().get(0).reason().startsWith("file name is not allowed"));
    try (var left = Files.list(out)) {
      assertEquals(0, left.count());
    }
  }

  @Test
  void moreEntriesThanTheLimitFoldersIncludedIsOverLimit() throws Exception {
    Tar tar = new Tar();
    for (int i = 0; i < 6; i++) {
      tar.folder("d" + i);
    }
    assertTrue(tar.extract(out).overLimit());
  }

  @Test
  void smallFilesCountInWholePagesAsTmpfsStoresThem() throws Exception {
    OutputReport report =
        new Tar().file("a", "1").file("b", "2").file("c", "3").file("d", "4").extract(out);

    assertTrue(report.overLimit(), "4 pages in a 3-page volume: it was full");
  }

  @Test
  void moreBytesThanTheLimitIsOverLimitAndNotWritten() throws Exception {
    OutputReport report = new Tar().file("big.bin", "x".repeat(3 * 4096 + 1)).extract(out);

    assertTrue(report.overLimit());
    assertFalse(Files.exists(out.resolve("big.bin")));
  }
}
