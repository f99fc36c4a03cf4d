package org.podium.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output inspection on the host, without a container. */
class OutputInspectorTest {

  @TempDir Path out;
  @TempDir Path elsewhere;

  private static final SandboxLimits LIMITS = SandboxLimits.DEFAULT.withOutput(100, 3);

  @Test
  void keepsRegularFilesInPlainFolders() throws Exception {
    Files.writeString(out.resolve("a.csv"), "1,2\n");
    Files.createDirectories(out.resolve("sub/deeper"));
    Files.writeString(out.resolve("sub/deeper/b.json"), "{}");

    OutputReport report = OutputInspector.inspect(out, LIMITS);

    assertEquals(Set.of("a.csv", "sub/deeper/b.json"), Set.copyOf(report.files()));
    assertEquals(6, report.totalBytes());
    assertFalse(report.overLimit());
  }

  @Test
  void symlinkToAFolderOutsideIsRemovedAndItsTargetUntouched() throws Exception {
    Files.writeString(elsewhere.resolve("keep.txt"), "outside");
    Files.createSymbolicLink(out.resolve("escape"), elsewhere);

    OutputReport report = OutputInspector.inspect(out, LIMITS);

    assertEquals(List.of(), report.files());
    assertEquals("escape", report.rejected().get(0).path());
    assertFalse(Files.exists(out.resolve("escape"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertEquals("outside", Files.readString(elsewhere.resolve("keep.txt")));
  }

  @Test
  void folderWithAnUnsafeNameIsRemovedWithItsContents() throws Exception {
    Files.createDirectories(out.resolve("bad\nname"));
    Files.writeString(out.resolve("bad\nname/x.txt"), "x");

    OutputReport report = OutputInspector.inspect(out, LIMITS);

    assertEquals(List.of(), report.files());
    assertEquals(
        List.of("bad\nname"), report.rejected().stream().map(OutputReport.Rejected::path).toList());
    assertFalse(Files.exists(out.resolve("bad\nname")));
  }

  @Test
  void sizeAndFileCountLimitsAreReported() throws Exception {
    Files.writeString(out.resolve("big.bin"), "x".repeat(101));
    assertTrue(OutputInspector.inspect(out, LIMITS).overLimit());
    assertTrue(OutputInspector.overLimit(out, LIMITS));

    Files.delete(out.resolve("big.bin"));
    for (int i = 0; i < 4; i++) {
      Files.writeString(out.resolve("f" + i), "");
    }
    assertTrue(OutputInspector.inspect(out, LIMITS).overLimit());
    assertTrue(OutputInspector.overLimit(out, LIMITS));
  }

  @Test
  void sparseFilesCountAtTheirApparentSize() throws Exception {
    try (var file =
        java.nio.channels.FileChannel.open(
            out.resolve("sparse"),
            java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE)) {
      file.position(1_000_000).write(java.nio.ByteBuffer.wrap(new byte[] {1}));
    }
    assertTrue(OutputInspector.overLimit(out, LIMITS));
    assertEquals(
        Set.of("sparse"),
        OutputInspector.inspect(out, LIMITS).files().stream().collect(Collectors.toSet()));
  }
}
