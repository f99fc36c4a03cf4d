package org.podium.compute;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
    try (InputStream file = Files.newInputStream(archive);
        TarArchiveInputStream in = new TarArchiveInputStream(file);
        OutputStream target = Files.newOutputStream(copy);
        TarArchiveOutputStream out = new TarArchiveOutputStream(target)) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      TarArchiveEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        boolean config = entry.isFile() && entry.getName().matches("[0-9a-f]{64}\\.json");
        if (config) {
          ObjectNode json = (ObjectNode) JSON.readTree(in.readAllBytes());
          json.put("architecture", architecture);
          byte[] bytes = JSON.writeValueAsBytes(json);
          TarArchiveEntry replaced = new TarArchiveEntry(entry.getName());
          replaced.setSize(bytes.length);
          out.putArchiveEntry(replaced);
          out.write(bytes);
        } else {
          out.putArchiveEntry(entry);
          if (entry.isFile()) {
            in.transferTo(out);
          }
        }
        out.closeArchiveEntry();
      }
    }
    return copy;
  }
}
