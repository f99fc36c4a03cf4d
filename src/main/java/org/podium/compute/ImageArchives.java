package org.podium.compute;

import static org.podium.files.Bytes.MIB;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.LoadResponseItem;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Uploaded {@code docker save} archives: checked before the engine sees them (exactly one image,
 * the right platform, a bounded unpacked size, a manifest whose files are all there), stripped of
 * the tags the participant gave them, loaded, and named {@code podium-upload/<name>} by Podium.
 */
public final class ImageArchives {

  private static final Logger LOG = Logger.getLogger(ImageArchives.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LOADED_ID =
      Pattern.compile("Loaded image ID: (sha256:[0-9a-f]{64})");
  // Manifests and image configs are small; anything bigger is not read into memory, and all that
  // is kept of one archive stays under MAX_METADATA_TOTAL, whatever a hostile archive holds.
  private static final long MAX_METADATA_BYTES = 4 * MIB;
  private static final long MAX_METADATA_TOTAL = 16 * MIB;
  private static final int MAX_METADATA_FILES = 64;

  private final DockerEngine engine;
  private final SandboxSettings settings;

  public ImageArchives(DockerEngine engine, SandboxSettings settings) {
    this.engine = engine;
    this.settings = settings;
  }

  /** What a valid archive holds. */
  public record Contents(String imageId, long unpackedBytes) {}

  /**
   * Checks an archive without loading it.
   *
   * @throws InvalidImageException saying why the archive cannot be used
   */
  public Contents check(Path archive) {
    try (InputStream in = Files.newInputStream(archive)) {
      return check(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + archive, e);
    }
  }

  /**
   * Checks an archive as it streams by, reading every entry to its end, so that whoever feeds the
   * stream (an upload being written to disk) passes over the archive once.
   *
   * @throws InvalidImageException saying why the archive cannot be used
   */
  public Contents check(InputStream archive) {
    Map<String, byte[]> metadata = new HashMap<>();
    Set<String> names = new HashSet<>();
    long unpacked = 0;
    long kept = 0;
    try {
      TarArchiveInputStream tar = open(archive);
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        String name = normalize(entry.getName());
        names.add(name);
        long size = UnpackedSize.claimed(entry);
        if (size > settings.maxArchiveBytes() - unpacked) {
          throw tooLarge(); // before reading what a sparse entry claims to hold
        }
        if (entry.isFile()) {
          BufferedInputStream content = UnpackedSize.sniffable(tar);
          byte[] head = UnpackedSize.head(content);
          if (UnpackedSize.isLayer(head)) {
            // A layer costs what its files unpack to, decompressed, whatever the archive says.
            size =
                Math.max(
                    size,
                    UnpackedSize.ofLayer(content, head, settings.maxArchiveBytes() - unpacked));
          } else if ((name.endsWith(".json") || name.startsWith("blobs/"))
              && entry.getSize() <= MAX_METADATA_BYTES
              && kept + entry.getSize() <= MAX_METADATA_TOTAL
              && metadata.size() < MAX_METADATA_FILES) {
            kept += entry.getSize();
            metadata.put(name, content.readAllBytes());
          }
          // Read to its end, not skipped: the stream may be an upload passing by.
          content.transferTo(OutputStream.nullOutputStream());
        }
        unpacked += size;
        if (unpacked > settings.maxArchiveBytes()) {
          throw tooLarge();
        }
      }
    } catch (UnpackedSize.TooLarge e) {
      throw tooLarge();
    } catch (IOException e) {
      throw new InvalidImageException(
          "The upload is not a readable docker save archive ("
              + e.getMessage()
              + "): send the .tar or .tar.gz that 'docker save IMAGE -o image.tar' writes.");
    }
    return new Contents(checkManifest(metadata, names), unpacked);
  }

  private InvalidImageException tooLarge() {
    return new InvalidImageException(
        "The image unpacks to more than "
            + mib(settings.maxArchiveBytes())
            + " MiB: make it smaller.");
  }

  private String checkManifest(Map<String, byte[]> metadata, Set<String> names) {
    JsonNode manifest = parse(metadata.get("manifest.json"), "manifest.json");
    if (manifest == null || !manifest.isArray()) {
      throw new InvalidImageException(
          "The archive has no manifest.json: create it with 'docker save IMAGE -o image.tar'.");
    }
    if (manifest.size() != 1) {
      throw new InvalidImageException(
          "The archive holds " + manifest.size() + " images: save exactly one image.");
    }
    JsonNode image = manifest.get(0);
    String config = image.path("Config").asText("");
    if (config.isEmpty() || !names.contains(normalize(config))) {
      throw new InvalidImageException(
          "The archive's manifest names a config file it does not contain: save the image again"
              + " with 'docker save'.");
    }
    JsonNode layers = image.path("Layers");
    if (!layers.isArray() || layers.isEmpty()) {
      throw new InvalidImageException(
          "The archive's manifest lists no layers: save the image again with 'docker save'.");
    }
    for (JsonNode layer : layers) {
      if (!names.contains(normalize(layer.asText("")))) {
        throw new InvalidImageException(
            "The archive's manifest names a layer it does not contain ("
                + layer.asText()
                + "): save the image again with 'docker save'.");
      }
    }
    JsonNode configJson = parse(metadata.get(normalize(config)), config);
    if (configJson == null) {
      throw new InvalidImageException(
          "The image config "
              + config
              + " cannot be read: save the image again with 'docker save'.");
    }
    String platform =
        configJson.path("os").asText("?") + "/" + configJson.path("architecture").asText("?");
    if (!platform.equals(settings.platform())) {
      throw new InvalidImageException(
          "The image is built for "
              + platform
              + ", and Podium runs "
              + settings.platform()
              + ": build it with --platform "
              + settings.platform()
              + ".");
    }
    String hex = Path.of(normalize(config)).getFileName().toString().replace(".json", "");
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new InvalidImageException(
          "The image config is not named by its digest ("
              + config
              + "): save the image again with 'docker save', unedited.");
    }
    // The engine names the image by the digest of its config: a config whose name is another
    // image's id would otherwise stand for that image here while the engine loads this one.
    String id = "sha256:" + sha256(metadata.get(normalize(config)));
    if (!id.equals("sha256:" + hex)) {
      throw new InvalidImageException(
          "The image config "
              + config
              + " is not what its name says (its content is "
              + id
              + "): save the image again with 'docker save', unedited.");
    }
    return id;
  }

  /**
   * Checks and loads an archive, and names it {@code podium-upload/<name>:latest}.
   *
   * @param name unique per submission, lower-case letters, digits and '-'
   * @return the loaded image, to run by id
   * @throws InvalidImageException when the archive cannot be used
   */
  public ImageSource.Loaded load(Path archive, String name) {
    if (!name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
      throw new IllegalArgumentException("an upload name is lower-case letters, digits and '-'");
    }
    Contents contents = check(archive);
    Path stripped = strippedCopy(archive);
    String loaded;
    try (InputStream in = Files.newInputStream(stripped)) {
      // Named only by what the engine says it loaded, never by what the archive claims.
      loaded = loadedImageId(in);
      if (!loaded.equals(contents.imageId())) {
        LOG.warning(
            "The engine loaded "
                + loaded
                + " from an archive whose config is "
                + contents.imageId());
      }
      engine
          .calls()
          .tagImageCmd(loaded, ImageReference.RESERVED_NAMESPACE + "/" + name, "latest")
          .exec();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (DockerException | DockerClientException e) {
      throw new ImagePullException(
          "the engine did not load the archive: " + DockerEngine.rootMessage(e), e);
    } finally {
      try {
        Files.deleteIfExists(stripped);
      } catch (IOException ignored) {
        // left only if the file system fails, beside the archive it was made from
      }
    }
    return new ImageSource.Loaded(loaded);
  }

  /** Loads a (stripped) archive and returns the id the engine reports for the image it loaded. */
  private String loadedImageId(InputStream archive) {
    List<String> ids = new ArrayList<>();
    StringBuilder errors = new StringBuilder();
    ResultCallback.Adapter<LoadResponseItem> callback =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(LoadResponseItem item) {
            if (item.isErrorIndicated()) {
              errors.append(item.getError());
            }
            String said = item.getStream();
            if (said != null) {
              Matcher id = LOADED_ID.matcher(said);
              while (id.find()) {
                ids.add(id.group(1));
              }
            }
          }
        };
    try (ResultCallback.Adapter<LoadResponseItem> load =
        engine.streams().loadImageAsyncCmd(archive).exec(callback)) {
      load.awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImagePullException("interrupted while loading an archive", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (errors.length() > 0) {
      throw new ImagePullException("the engine did not load the archive: " + errors);
    }
    if (ids.size() != 1) {
      throw new ImagePullException(
          "the engine reported " + ids.size() + " loaded images for one archive: " + ids);
    }
    return ids.get(0);
  }

  /** Removes an uploaded image's name and, when nothing else uses it, the image. */
  public void unload(String name) {
    try {
      engine
          .calls()
          .removeImageCmd(ImageReference.RESERVED_NAMESPACE + "/" + name + ":latest")
          .exec();
    } catch (DockerException ignored) {
      // already gone, or still used by a container the reaper removes
    }
  }

  /** The archive without the participant's own tags, so loading it renames nothing else. */
  private Path strippedCopy(Path archive) {
    // The tag lists of the legacy ("repositories") and OCI ("index.json") layouts go; the manifest
    // stays, without its RepoTags.
    ArchiveRewrite rewrite =
        new ArchiveRewrite(
            name -> name.equals("repositories") || name.equals("index.json"),
            name -> name.equals("manifest.json"),
            (name, manifest) -> withoutTags(manifest));
    try {
      // Beside the archive, not in the system's temporary folder: an archive of gigabytes may not
      // fit there.
      Path copy = Files.createTempFile(archive.toAbsolutePath().getParent(), "load-", ".tar");
      try (TarArchiveInputStream in = open(archive)) {
        rewrite.copy(in, copy);
      }
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the archive for loading", e);
    }
  }

  private static byte[] withoutTags(byte[] manifest) throws IOException {
    ArrayNode images = (ArrayNode) JSON.readTree(manifest);
    for (JsonNode image : images) {
      ((ObjectNode) image).putNull("RepoTags");
    }
    return JSON.writeValueAsBytes(images);
  }

  private static TarArchiveInputStream open(Path archive) throws IOException {
    return open(Files.newInputStream(archive));
  }

  /** A tar reader over a plain or gzipped archive, told apart by gzip's first two bytes. */
  private static TarArchiveInputStream open(InputStream archive) throws IOException {
    InputStream in = new BufferedInputStream(archive, 1 << 16);
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    if (first == 0x1f && second == 0x8b) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new TarArchiveInputStream(in);
  }

  private static String normalize(String name) {
    String normalized = name.startsWith("./") ? name.substring(2) : name;
    if (normalized.startsWith("/") || normalized.contains("../") || normalized.equals("..")) {
      throw new InvalidImageException(
          "The archive contains an unsafe path (" + name + "): save the image with 'docker save'.");
    }
    return normalized;
  }

  private static JsonNode parse(byte[] bytes, String name) {
    if (bytes == null) {
      return null;
    }
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new InvalidImageException(
          "The archive's " + name + " is not valid JSON: save the image again with 'docker save'.");
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static long mib(long bytes) {
    return bytes / MIB;
  }
}
