package org.podium.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the engine records for a sandboxed container, created and inspected but not started (this
 * machine has no GPU, and the flags are what matter).
 */
class ContainerPlanTest extends EngineTestBase {

  private final List<String> createdIds = new java.util.ArrayList<>();
  private final String outputVolume = "podium-test-out-" + SandboxFixture.runId().substring(4);

  private InspectContainerResponse created(RunSpec spec, SandboxSettings settings) {
    return created(spec, settings, List.of());
  }

  private InspectContainerResponse created(
      RunSpec spec, SandboxSettings settings, List<String> imageVolumes) {
    String id =
        ContainerPlan.create(
                fixture.engine.calls(),
                settings,
                spec,
                fixture.busybox,
                new Bind(outputVolume, new Volume("/mnt/out"), AccessMode.rw),
                imageVolumes,
                java.util.stream.IntStream.range(0, spec.limits().gpus())
                    .mapToObj(gpu -> "GPU-" + (gpu + 3))
                    .toList())
            .exec()
            .getId();
    createdIds.add(id);
    return fixture.engine.calls().inspectContainerCmd(id).exec();
  }

  @org.junit.jupiter.api.AfterEach
  void removeCreated() {
    for (String id : createdIds) {
      if (exists(id)) {
        fixture.engine.calls().removeContainerCmd(id).withForce(true).exec();
      }
    }
    try {
      fixture.engine.calls().removeVolumeCmd(outputVolume).exec();
    } catch (com.github.dockerjava.api.exception.NotFoundException never) {
      // no container was created
    }
  }

  @Test
  void everyContainerGetsTheWholeSandbox() {
    RunSpec spec = fixture.shell(work, "true");
    InspectContainerResponse container = created(spec, fixture.settings);
    HostConfig host = container.getHostConfig();

    assertEquals("none", host.getNetworkMode());
    assertEquals("1000:1000", container.getConfig().getUser());
    assertTrue(host.getReadonlyRootfs());
    assertFalse(host.getPrivileged());
    assertEquals(
        "ALL", Arrays.stream(host.getCapDrop()).map(Enum::name).collect(Collectors.joining(",")));
    assertEquals(List.of("no-new-privileges"), host.getSecurityOpts());
    assertEquals(SandboxFixture.TEST_LIMITS.memoryBytes(), host.getMemory());
    assertEquals(host.getMemory(), host.getMemorySwap(), "no swap beyond the memory limit");
    assertEquals(1_000_000_000L, host.getNanoCPUs());
    assertEquals(64L, host.getPidsLimit());
    assertEquals("nofile", host.getUlimits()[0].getName());
    assertEquals(1024L, host.getUlimits()[0].getSoftLong());
    assertEquals(fixture.settings.shmBytes(), host.getShmSize());
    assertEquals("private", host.getIpcMode());
    assertTrue(host.getInit());
    assertEquals("none", host.getLogConfig().getType().getType());
    assertEquals(
        Map.of(
            "/tmp",
            "rw,nosuid,nodev,size=" + fixture.settings.tmpBytes() + ",mode=1777,uid=1000,gid=1000"),
        host.getTmpFs());
    assertEquals(
        Set.of(spec.inputDir() + ":/mnt/in:ro", outputVolume + ":/mnt/out:rw"),
        Arrays.stream(host.getBinds()).map(Bind::toString).collect(Collectors.toSet()));
    assertTrue(host.getDevices() == null || host.getDevices().length == 0, "no host devices");
    assertEquals(
        ContainerPlan.containerName(fixture.settings, spec.runId()),
        container.getName().substring(1));
    assertEquals(
        fixture.settings.installationId(),
        container.getConfig().getLabels().get(ContainerPlan.LABEL_INSTALLATION));
    assertEquals(spec.runId(), container.getConfig().getLabels().get(ContainerPlan.LABEL_RUN));
  }

  /**
   * {@code docker run --entrypoint "" IMAGE ARGS} resets the image's entrypoint and runs ARGS: the
   * engine records what it records for the docker CLI's line (no entrypoint, ARGS as the command),
   * and a workdir is the container's working directory.
   */
  @Test
  void anEmptyEntrypointResetsTheImagesAsTheDockerCliDoesAndTheWorkdirIsKept() {
    RunSpec spec =
        fixture
            .shell(work, "true")
            .withEntrypoint(List.of())
            .withCommand(List.of("/bin/busybox", "echo", "hi"))
            .withWorkingDir("/tmp");
    InspectContainerResponse container = created(spec, fixture.settings);

    String[] entrypoint = container.getConfig().getEntrypoint();
    assertTrue(
        entrypoint == null || entrypoint.length == 0,
        "no entrypoint: " + Arrays.toString(entrypoint));
    assertEquals(List.of("/bin/busybox", "echo", "hi"), List.of(container.getConfig().getCmd()));
    assertEquals("/tmp", container.getConfig().getWorkingDir());
  }

  @Test
  void eachImageVolumeGetsATmpfsSharingTheScratchSizeWithTmp() {
    InspectContainerResponse container =
        created(fixture.shell(work, "true"), fixture.settings, List.of("/data", "/cache"));

    long share = fixture.settings.tmpBytes() / 3;
    assertEquals(
        Map.of(
            "/tmp", "rw,nosuid,nodev,size=" + share + ",mode=1777,uid=1000,gid=1000",
            "/data", "rw,nosuid,nodev,size=" + share + ",mode=1777,uid=1000,gid=1000",
            "/cache", "rw,nosuid,nodev,size=" + share + ",mode=1777,uid=1000,gid=1000"),
        container.getHostConfig().getTmpFs());
  }

  @Test
  void imageVolumesInsideTheRunsFoldersOrTooManyAreRefused() {
    assertTrue(
        Sandbox.refuseVolumes(List.of("/data", "/mnt/out"), RunSpec.Mounts.PODIUM).isEmpty());
    assertEquals(
        "the image declares VOLUME /mnt/out/sub, where Podium cannot give it a scratch folder:"
            + " remove that VOLUME line from the Dockerfile",
        Sandbox.refuseVolumes(List.of("/mnt/out/sub"), RunSpec.Mounts.PODIUM).orElseThrow());
    assertTrue(Sandbox.refuseVolumes(List.of("/mnt/in/x"), RunSpec.Mounts.PODIUM).isPresent());
    assertTrue(Sandbox.refuseVolumes(List.of("/"), RunSpec.Mounts.PODIUM).isPresent());
    assertTrue(
        Sandbox.refuseVolumes(
                java.util.stream.IntStream.range(0, 9).mapToObj(i -> "/v" + i).toList(),
                RunSpec.Mounts.PODIUM)
            .isPresent());
  }

  @Test
  void askingForNoGpuExposesNone() {
    InspectContainerResponse container = created(fixture.shell(work, "true"), fixture.settings);

    List<DeviceRequest> requests = container.getHostConfig().getDeviceRequests();
    assertTrue(requests == null || requests.isEmpty());
    assertTrue(
        Arrays.asList(container.getConfig().getEnv()).contains("NVIDIA_VISIBLE_DEVICES=void"));
  }

  @Test
  void askingForTwoGpusRequestsTheTwoDevicesTheRunHoldsByIdWithTheGpuCapability() {
    RunSpec spec =
        fixture
            .shell(work, "true")
            .withEnv(Map.of("NVIDIA_VISIBLE_DEVICES", "all"))
            .withLimits(SandboxFixture.TEST_LIMITS.withGpus(2));

    InspectContainerResponse container = created(spec, fixture.settings);

    List<DeviceRequest> requests = container.getHostConfig().getDeviceRequests();
    assertEquals(1, requests.size());
    assertEquals("nvidia", requests.get(0).getDriver());
    assertEquals(List.of("GPU-3", "GPU-4"), requests.get(0).getDeviceIds());
    assertTrue(requests.get(0).getCount() == null || requests.get(0).getCount() == 0);
    assertEquals(List.of(List.of("gpu")), requests.get(0).getCapabilities());
    List<String> env = Arrays.asList(container.getConfig().getEnv());
    assertTrue(env.contains("NVIDIA_VISIBLE_DEVICES=GPU-3,GPU-4"), env.toString());
    assertFalse(env.contains("NVIDIA_VISIBLE_DEVICES=all"), "the participant cannot widen it");
  }

  @Test
  void operatorMayChooseTheOciRuntime() {
    InspectContainerResponse container =
        created(fixture.shell(work, "true"), fixture.settings.withRuntime("runc"));

    assertEquals("runc", container.getHostConfig().getRuntime());
  }

  @Test
  void reaperRemovesOrphansOfThisInstallationOnlyAndSparesLiveRuns() {
    SandboxSettings mine =
        SandboxSettings.defaults("reaper-" + SandboxFixture.runId().substring(4, 12));
    SandboxSettings other =
        SandboxSettings.defaults("other-" + SandboxFixture.runId().substring(4, 12));
    RunSpec orphan = fixture.shell(work, "true");
    RunSpec live = fixture.shell(work, "true");
    RunSpec foreign = fixture.shell(work, "true");
    String orphanId = created(orphan, mine).getId();
    OutputVolume orphanOutput =
        OutputVolume.open(
            fixture.engine,
            mine,
            new HolderImage(fixture.engine).ensure(),
            orphan.runId(),
            SandboxFixture.TEST_LIMITS);
    OutputVolume liveOutput =
        OutputVolume.open(
            fixture.engine,
            mine,
            new HolderImage(fixture.engine).ensure(),
            live.runId(),
            SandboxFixture.TEST_LIMITS);
    String liveId = created(live, mine).getId();
    String foreignId = created(foreign, other).getId();

    List<String> reaped = new Reaper(fixture.engine, mine).reap(Set.of(live.runId()));

    assertEquals(List.of(orphan.runId()), reaped);
    assertFalse(exists(orphanId));
    assertTrue(exists(liveId));
    assertTrue(exists(foreignId));
    assertFalse(
        volumeExists(orphanOutput.name()), "the orphan's output volume and holder are gone");
    assertTrue(volumeExists(liveOutput.name()));
    liveOutput.close();
    assertFalse(volumeExists(liveOutput.name()));
  }

  private boolean volumeExists(String name) {
    try {
      fixture.engine.calls().inspectVolumeCmd(name).exec();
      return true;
    } catch (com.github.dockerjava.api.exception.NotFoundException e) {
      return false;
    }
  }

  private boolean exists(String containerId) {
    try {
      fixture.engine.calls().inspectContainerCmd(containerId).exec();
      return true;
    } catch (com.github.dockerjava.api.exception.NotFoundException e) {
      return false;
    }
  }
}
