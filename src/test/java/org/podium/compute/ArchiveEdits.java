package org.podium.compute;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

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
}
