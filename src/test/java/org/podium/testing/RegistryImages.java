package org.podium.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PushResponseItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Builds test images and pushes them to the {@link LocalRegistry}, which Podium pulls from. */
public final class RegistryImages {

  /** The repository's busybox example participant (writes id,value predictions). */
  public static final String EXAMPLE = LocalRegistry.ADDRESS + "/podium-example:1";

  /** Plain busybox without an entrypoint, for submissions that bring their own command. */
  public static final String BUSYBOX = LocalRegistry.ADDRESS + "/podium-busybox:1";

  /**
   * The busybox example in the registry that asks for a login ({@link
   * LocalRegistry#startWithLogin}).
   */
  public static final String PRIVATE_EXAMPLE = LocalRegistry.LOGIN_ADDRESS + "/private-example:1";

  private RegistryImages() {}

  /** Pushes the busybox example to the registry that asks for a login, signed in. */
  public static void pushPrivate(DockerClient docker) throws Exception {
    Path example = Path.of("docker/examples/participant/busybox");
    TestImages.busybox()
        .withBinary("predict.sh", example.resolve("predict.sh"))
        .with("USER 1000:1000")
        .with("ENTRYPOINT [\"/bin/busybox\", \"sh\", \"/bin/predict.sh\"]")
        .build(docker, PRIVATE_EXAMPLE);
    push(
        docker,
        PRIVATE_EXAMPLE,
        new AuthConfig()
            .withRegistryAddress(LocalRegistry.LOGIN_ADDRESS)
            .withUsername(LocalRegistry.LOGIN_USER)
            .withPassword(LocalRegistry.LOGIN_PASSWORD));
    // Out of the engine's cache: a run must pull it.
    docker.removeImageCmd(PRIVATE_EXAMPLE).withForce(true).exec();
  }

  public static void pushAll(DockerClient docker) throws Exception {
    Path example = Path.of("docker/examples/participant/busybox");
    TestImages.busybox()
        .withBinary("predict.sh", example.resolve("predict.sh"))
        .with("USER 1000:1000")
        .with("ENTRYPOINT [\"/bin/busybox\", \"sh\", \"/bin/predict.sh\"]")
        .build(docker, EXAMPLE);
    push(docker, EXAMPLE);
    TestImages.busybox().build(docker, BUSYBOX);
    push(docker, BUSYBOX);
    if (!Files.isRegularFile(example.resolve("Dockerfile"))) {
      throw new IllegalStateException("run the tests from the repository root");
    }
  }

  private static void push(DockerClient docker, String reference) throws Exception {
    push(docker, reference, null);
  }

  private static void push(DockerClient docker, String reference, AuthConfig auth)
      throws Exception {
    int colon = reference.lastIndexOf(':');
    StringBuilder errors = new StringBuilder();
    ResultCallback.Adapter<PushResponseItem> callback =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(PushResponseItem item) {
            if (item.isErrorIndicated()) {
              errors.append(item.getError());
            }
          }
        };
    var command =
        docker.pushImageCmd(reference.substring(0, colon)).withTag(reference.substring(colon + 1));
    if (auth != null) {
      command = command.withAuthConfig(auth);
    }
    try (var push = command.exec(callback)) {
      push.awaitCompletion(2, TimeUnit.MINUTES);
    }
    if (errors.length() > 0) {
      throw new IllegalStateException("push of " + reference + " failed: " + errors);
    }
  }
}
