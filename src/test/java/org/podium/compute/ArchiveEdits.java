package org.podium.compute;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Makes doctored copies of {@code docker save} archives for rejection tests. */
final class ArchiveEdits {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ArchiveEdits() {}

  /** A copy whose image config claims another CPU architecture. */
  static Path withArchitecture(Path archive, Path copy, String architecture) throws IOException {
    ArchiveRewrite rewrite =
        new ArchiveRewrite(
            name -> false,
            name -> name.matches("[0-9a-f]{64}\\.json"),
            (name, content) -> {
              ObjectNode config = (ObjectNode) JSON.readTree(content);
              config.put("architecture", architecture);
              return JSON.writeValueAsBytes(config);
            });
    try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(archive))) {
      rewrite.copy(in, copy);
    }
    return copy;
  }

  /**
   * A copy whose image config is renamed to {@code otherId}'s file name, in the manifest too: the
   * archive claims to be that image while its content is another.
   */
  static Path withConfigNamed(Path archive, Path copy, String otherId) throws IOException {
    String hex = otherId.substring("sha256:".length());
    try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(archive));
        TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(copy))) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      TarArchiveEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        String name = entry.getName();
        byte[] content = in.readAllBytes();
        if (name.matches("[0-9a-f]{64}\\.json")) {
          name = hex + ".json";
        } else if (name.equals("manifest.json")) {
          ArrayNode manifest = (ArrayNode) JSON.readTree(content);
          ((ObjectNode) manifest.get(0)).put("Config", hex + ".json");
          content = JSON.writeValueAsBytes(manifest);
        }
        TarArchiveEntry renamed = new TarArchiveEntry(name);
        renamed.setMode(entry.getMode());
        if (entry.isDirectory()) {
          renamed = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
        } else {
          renamed.setSize(content.length);
        }
        out.putArchiveEntry(renamed);
        out.write(content);
        out.closeArchiveEntry();
      }
    }
    return copy;
  }
}
