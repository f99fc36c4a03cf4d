package org.podium.compute;

import com.github.dockerjava.api.exception.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The image of the holder containers that keep a run's output volume mounted: Podium's own static
 * {@code /pause} (src/main/holder), imported into the engine once under {@code
 * podium-internal/holder:<hash of the binary>}. Importing is idempotent, so concurrent runs may
 * both import it: they import the same bytes under the same tag.
 */
final class HolderImage {

  static final String REPOSITORY = "podium-internal/holder";
  static final String BINARY = "/pause";

  private final DockerEngine engine;
  private volatile String tag;

  HolderImage(DockerEngine engine) {
    this.engine = engine;
  }

  /** The holder image's reference on this engine, imported first if the engine lacks it. */
  String ensure() {
    String known = tag;
    if (known != null) {
      return known;
    }
    String architecture = engine.calls().versionCmd().exec().getArch();
    byte[] binary = binary(architecture);
    String reference = REPOSITORY + ":" + sha256(binary).substring(0, 16);
    try {
      engine.calls().inspectImageCmd(reference).exec();
    } catch (NotFoundException absent) {
      try (InputStream tar = new ByteArrayInputStream(tar(binary))) {
        engine
            .calls()
            .createImageCmd(REPOSITORY, tar)
            .withTag(reference.substring(REPOSITORY.length() + 1))
            .exec();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      engine.calls().inspectImageCmd(reference).exec();
    }
    tag = reference;
    return reference;
  }

  private static byte[] binary(String architecture) {
    String name =
        switch (String.valueOf(architecture)) {
          case "amd64", "x86_64" -> "pause-amd64";
          case "arm64", "aarch64" -> "pause-arm64";
          default ->
              throw new EngineFailure(
                  "the Docker engine's architecture " + architecture + " is not supported");
        };
    try (InputStream in = HolderImage.class.getResourceAsStream("holder/" + name)) {
      if (in == null) {
        throw new IllegalStateException("holder/" + name + " is missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] tar(byte[] binary) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      TarArchiveEntry entry = new TarArchiveEntry(BINARY.substring(1));
      entry.setSize(binary.length);
      entry.setMode(0100755);
      entry.setIds(0, 0);
      tar.putArchiveEntry(entry);
      tar.write(binary);
      tar.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
