package org.podium.compute;

import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.podium.testing.DockerRequirement;
import org.podium.testing.LocalRegistry;
import org.podium.testing.TestImages;

/** A real engine, a sandbox with an installation id of its own, and a busybox image. */
final class SandboxFixture implements AutoCloseable {

  static final SandboxLimits TEST_LIMITS =
      SandboxLimits.DEFAULT
          .withWallTime(Duration.ofSeconds(30))
          .withMemoryBytes(128L * 1024 * 1024)
          .withPids(64)
          .withOutput(16L * 1024 * 1024, 100)
          .withLogBytes(64 * 1024);

  final DockerEngine engine;
  final SandboxSettings settings;
  final Sandbox sandbox;
  final String busybox;

  SandboxFixture() {
    DockerRequirement.engine();
    engine = new DockerEngine(DockerRequirement.settings());
    // The test registries are on loopback: allowed as an operator would list them.
    settings =
        SandboxSettings.defaults("test-" + UUID.randomUUID().toString().substring(0, 8))
            .withRegistryPolicy(
                RegistryPolicy.allowing(LocalRegistry.ADDRESS, LocalRegistry.LOGIN_ADDRESS));
    sandbox = new Sandbox(engine, settings);
    busybox = TestImages.busybox().build(engine.calls(), "podium-test/busybox:1");
  }

  /** A spec running {@code script} with busybox sh, with fresh input and output folders. */
  RunSpec shell(Path work, String script) {
    return RunSpec.of(
            runId(), new ImageSource.Loaded(busybox), input(work), work.resolve("out"), TEST_LIMITS)
        .withEntrypoint(List.of("/bin/busybox", "sh", "-c"))
        .withCommand(List.of("export PATH=/bin; " + script));
  }

  static String runId() {
    return "run-" + UUID.randomUUID().toString().substring(0, 12);
  }

  static Path input(Path work) {
    try {
      Path in = Files.createDirectories(work.resolve("in"));
      Files.writeString(in.resolve("data.txt"), "alpha\nbeta\n");
      Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx------"));
      return in;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean containerExists(String runId) {
    try {
      engine.calls().inspectContainerCmd(ContainerPlan.containerName(settings, runId)).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  @Override
  public void close() {
    new Reaper(engine, settings).reap(java.util.Set.of());
    engine.close();
  }
}
