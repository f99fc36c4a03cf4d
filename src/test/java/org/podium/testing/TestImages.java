package org.podium.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Builds test images locally, {@code FROM scratch} with the host's static busybox and no network:
 * nothing is ever pulled from a public registry.
 */
public final class TestImages {

  private final Map<String, Path> files = new LinkedHashMap<>();
  private final StringBuilder dockerfile =
      new StringBuilder("FROM scratch\nCOPY busybox /bin/busybox\n");

  private TestImages() {}

  /** An image with busybox at /bin/busybox and an entrypoint-less config. */
  public static TestImages busybox() {
    Path busybox = Path.of("/bin/busybox");
    if (!Files.isExecutable(busybox)) {
      throw new IllegalStateException(
          "/bin/busybox is needed to build test images: apt-get install busybox-static");
    }
    return new TestImages();
  }

  /** Copies a host file into the image at {@code /bin/<name>}. */
  public TestImages withBinary(String name, Path file) {
    files.put(name, file);
    dockerfile.append("COPY ").append(name).append(" /bin/").append(name).append('\n');
    return this;
  }

  /** Adds a Dockerfile line, e.g. {@code USER 0} or a RUN in exec form. */
  public TestImages with(String line) {
    dockerfile.append(line).append('\n');
    return this;
  }

  /** Builds the image under {@code tag} and returns its id. */
  public String build(DockerClient docker, String tag) {
    try {
      Path context = Files.createTempDirectory("podium-image");
      try {
        Files.copy(
            Path.of("/bin/busybox"),
            context.resolve("busybox"),
            StandardCopyOption.COPY_ATTRIBUTES);
        for (Map.Entry<String, Path> file : files.entrySet()) {
          Files.copy(
              file.getValue(), context.resolve(file.getKey()), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.writeString(context.resolve("Dockerfile"), dockerfile);
        try (BuildImageResultCallback build =
            docker
                .buildImageCmd(context.toFile())
                .withNetworkMode("none")
                .withTags(Set.of(tag))
                .exec(new BuildImageResultCallback())) {
          String id = build.awaitImageId(3, TimeUnit.MINUTES);
          return id.startsWith("sha256:") ? id : docker.inspectImageCmd(id).exec().getId();
        }
      } finally {
        try (var paths = Files.walk(context)) {
          paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
