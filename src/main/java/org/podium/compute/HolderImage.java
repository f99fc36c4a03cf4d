package org.podium.compute;

import com.github.dockerjava.api.exception.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The image of the holder containers that keep a run's output volume mounted: Podium's own static
 * {@code /pause} (src/main/holder), imported into the engine once under {@code
 * podium-internal/holder:<hash of the binary>}, once per engine. Loading is idempotent, so
 * concurrent runs may both load it: the same bytes give the same image id under the same tag.
 */
final class HolderImage {

  static final String REPOSITORY = "podium-internal/holder";
  static final String BINARY = "/pause";

  private final DockerEngine engine;
  private volatile String tag;

  HolderImage(DockerEngine engine) {
    this.engine = engine;
  }

  /** The holder image's reference on this engine, loaded first if the engine lacks it. */
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
      try (InputStream archive =
          new ByteArrayInputStream(saveArchive(binary, architecture, reference))) {
        engine.streams().loadImageCmd(archive).exec();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      engine.calls().inspectImageCmd(reference).exec();
    }
    tag = reference;
    return reference;
  }

  /**
   * A {@code docker save} archive of one layer holding {@code /pause}: its image id is the hash of
   * a config with no timestamp, so every load of the same binary gives the same image.
   */
  private static byte[] saveArchive(byte[] binary, String architecture, String reference)
      throws IOException {
    byte[] layer = tar(Map.of(BINARY.substring(1), binary), 0100755);
    String diffId = "sha256:" + sha256(layer);
    String platform =
        architecture.equals("x86_64")
            ? "amd64"
            : architecture.equals("aarch64") ? "arm64" : architecture;
    byte[] config =
        ("{\"architecture\":\""
                + platform
                + "\",\"os\":\"linux\",\"config\":{\"Entrypoint\":[\""
                + BINARY
                + "\"],\"User\":\"65534:65534\"},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + diffId
                + "\"]}}")
            .getBytes(StandardCharsets.UTF_8);
    String configName = sha256(config) + ".json";
    byte[] manifest =
        ("[{\"Config\":\""
                + configName
                + "\",\"RepoTags\":[\""
                + reference
                + "\"],\"Layers\":[\"layer.tar\"]}]")
            .getBytes(StandardCharsets.UTF_8);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(configName, config);
    entries.put("layer.tar", layer);
    entries.put("manifest.json", manifest);
    return tar(entries, 0100644);
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

  private static byte[] tar(Map<String, byte[]> files, int mode) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(file.getValue().length);
        entry.setMode(mode);
        entry.setIds(0, 0);
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        tar.write(file.getValue());
        tar.closeArchiveEntry();
      }
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
