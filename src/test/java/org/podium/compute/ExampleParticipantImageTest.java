package org.podium.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.testing.DockerRequirement;

/**
 * The busybox example under docker/examples/participant builds without any network and honours the
 * mount contract: reads /mnt/in, writes /mnt/out, as uid 1000 with no network.
 */
class ExampleParticipantImageTest {

  private static final Path EXAMPLE = Path.of("docker/examples/participant/busybox");
  private static final String TAG = "podium-example-busybox:test";

  @Test
  void busyboxExampleBuildsOfflineAndWritesOnePredictionPerInputLine(@TempDir Path work)
      throws Exception {
    DockerRequirement.engine();
    Path busybox = Path.of("/bin/busybox");
    assertTrue(
        Files.isExecutable(busybox),
        "/bin/busybox is needed to build test images: apt-get install busybox-static");

    Path context = Files.createDirectories(work.resolve("context"));
    Files.copy(busybox, context.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(EXAMPLE.resolve("Dockerfile"), context.resolve("Dockerfile"));
    Files.copy(EXAMPLE.resolve("predict.sh"), context.resolve("predict.sh"));
    Path in = Files.createDirectories(work.resolve("in"));
    Files.writeString(in.resolve("data.txt"), "abc\nhello\n\nseven77\n");
    Path out = Files.createDirectories(work.resolve("out"));
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));

    try (DockerEngine engine = new DockerEngine(DockerRequirement.settings())) {
      DockerClient docker = engine.calls();
      try (BuildImageResultCallback build =
          docker
              .buildImageCmd(context.toFile())
              .withNetworkMode("none")
              .withTags(Set.of(TAG))
              .exec(new BuildImageResultCallback())) {
        build.awaitImageId(2, TimeUnit.MINUTES);
      }

      String container =
          docker
              .createContainerCmd(TAG)
              .withUser("1000:1000")
              .withNetworkDisabled(true)
              .withHostConfig(
                  HostConfig.newHostConfig()
                      .withNetworkMode("none")
                      .withReadonlyRootfs(true)
                      .withBinds(
                          new Bind(in.toString(), new Volume("/mnt/in"), AccessMode.ro),
                          new Bind(out.toString(), new Volume("/mnt/out"), AccessMode.rw)))
              .exec()
              .getId();
      try {
        docker.startContainerCmd(container).exec();
        try (WaitContainerResultCallback wait =
            engine.streams().waitContainerCmd(container).exec(new WaitContainerResultCallback())) {
          assertEquals(0, wait.awaitStatusCode(1, TimeUnit.MINUTES));
        }
      } finally {
        docker.removeContainerCmd(container).withForce(true).exec();
      }
    }

    assertEquals(
        List.of("id,value", "1,3", "2,5", "3,0", "4,7"),
        Files.readAllLines(out.resolve("predictions.csv")));
  }
}
