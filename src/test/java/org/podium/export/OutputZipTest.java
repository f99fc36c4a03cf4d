package org.podium.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputZipTest {

  @TempDir Path dir;

  @Test
  void writesRegularFilesUnderTheSubmissionsFolderAndSkipsLinksAndMissingFiles() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out/sub"));
    Files.writeString(out.resolve("a.txt"), "A");
    Files.writeString(dir.resolve("secret"), "server file");
    Files.createSymbolicLink(out.resolve("link"), dir.resolve("secret"));
    Files.createSymbolicLink(dir.resolve("out/dirlink"), dir);
    Files.writeString(dir.resolve("stdout.log"), "log");

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputZip zip = new OutputZip(bytes)) {
      zip.write(
          new OutputFolder(
              12,
              "al/ice",
              List.of(
                  new OutputFolder.Part("output", dir.resolve("out")),
                  new OutputFolder.Part("stdout.log", dir.resolve("stdout.log")),
                  new OutputFolder.Part("stderr.log", dir.resolve("missing.log")),
                  new OutputFolder.Part("linked.log", out.resolve("link")))));
    }

    Map<String, String> entries = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertEquals(Map.of("12-al_ice/output/sub/a.txt", "A", "12-al_ice/stdout.log", "log"), entries);
  }
}
