package org.podium.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.podium.testing.Deployments;
import org.podium.testing.DockerRequirement;
import org.podium.testing.TestImages;

/** The sandbox as the application server gives it to the application: configured, and working. */
@ExtendWith(ArquillianExtension.class)
class SandboxInServerIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.podium().addClasses(DockerRequirement.class, TestImages.class);
  }

  @Inject Sandbox sandbox;

  @Inject DockerEngine engine;

  @Test
  void injectedSandboxRunsAContainerFromInsideWildFly() throws Exception {
    DockerRequirement.engine();
    String image = TestImages.busybox().build(engine.calls(), "podium-test/in-server:1");
    Path work = Files.createTempDirectory("podium-it");
    Path in = Files.createDirectories(work.resolve("in"));
    Files.writeString(in.resolve("x.txt"), "42\n");

    RunResult result =
        sandbox.run(
            RunSpec.of(
                    "it-" + System.nanoTime(),
                    new ImageSource.Loaded(image),
                    in,
                    work.resolve("out"),
                    SandboxLimits.DEFAULT)
                .withEntrypoint(List.of("/bin/busybox", "sh", "-c"))
                .withCommand(List.of("/bin/busybox cp /mnt/in/x.txt /mnt/out/y.txt")));

    assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message() + result.stderr().text());
    assertEquals("42\n", Files.readString(work.resolve("out/y.txt")));
  }
}
