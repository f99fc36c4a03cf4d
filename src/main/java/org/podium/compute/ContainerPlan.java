package org.podium.compute;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.api.model.Volume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sandbox every run gets, as container settings. Nothing a participant supplies reaches a flag
 * here except the image, the command, the environment and the working directory.
 */
final class ContainerPlan {

  static final String LABEL_INSTALLATION = "org.podium.installation";
  static final String LABEL_RUN = "org.podium.run";
  static final String PARTICIPANT_USER = "1000:1000";
  static final String SCRATCH = "/tmp";

  private ContainerPlan() {}

  static String containerName(SandboxSettings settings, String runId) {
    return "podium-" + settings.installationId() + "-" + runId;
  }

  /**
   * @param output the run's output volume, mounted at the output mount
   * @param imageVolumes the folders the image declares as {@code VOLUME}: each gets a tmpfs,
   *     sharing the scratch size with /tmp, instead of an anonymous volume outside every limit
   */
  static CreateContainerCmd create(
      DockerClient docker,
      SandboxSettings settings,
      RunSpec spec,
      String imageId,
      Bind output,
      List<String> imageVolumes,
      List<String> gpuDevices) {
    if (gpuDevices.size() != spec.limits().gpus()) {
      throw new IllegalArgumentException(
          "the run asks for " + spec.limits().gpus() + " GPUs, " + gpuDevices.size() + " given");
    }
    SandboxLimits limits = spec.limits();
    HostConfig host =
        HostConfig.newHostConfig()
            .withNetworkMode("none")
            .withPrivileged(false)
            .withReadonlyRootfs(true)
            .withTmpFs(scratch(settings, imageVolumes))
            .withBinds(
                new Bind(
                    spec.inputDir().toString(), new Volume(spec.mounts().input()), AccessMode.ro),
                output)
            .withCapDrop(Capability.ALL)
            // no-new-privileges: a setuid binary in the image cannot raise the user; the default
            // seccomp profile applies because nothing here overrides it.
            .withSecurityOpts(List.of("no-new-privileges"))
            .withMemory(limits.memoryBytes())
            .withMemorySwap(limits.memoryBytes())
            .withOomKillDisable(false)
            .withNanoCPUs(Math.round(limits.cpus() * 1e9))
            .withPidsLimit((long) limits.pids())
            .withUlimits(
                List.of(
                    new Ulimit("nofile", (long) settings.openFiles(), (long) settings.openFiles())))
            .withShmSize(settings.shmBytes())
            .withIpcMode("private")
            .withInit(true)
            // Podium captures stdout and stderr itself (bounded); the engine keeps no log file.
            .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE))
            .withDeviceRequests(gpuRequests(gpuDevices));
    settings.runtime().ifPresent(host::withRuntime);

    CreateContainerCmd create =
        docker
            .createContainerCmd(imageId)
            .withName(containerName(settings, spec.runId()))
            .withLabels(
                Map.of(LABEL_INSTALLATION, settings.installationId(), LABEL_RUN, spec.runId()))
            .withUser(PARTICIPANT_USER)
            .withEnv(environment(spec, gpuDevices))
            .withNetworkDisabled(true)
            .withAttachStdin(false)
            .withAttachStdout(true)
            .withAttachStderr(true)
            .withTty(false)
            .withHostConfig(host);
    // An empty entrypoint (docker run --entrypoint "") is sent as the docker CLI sends it: [""].
    spec.entrypoint()
        .map(entrypoint -> entrypoint.isEmpty() ? List.of("") : entrypoint)
        .ifPresent(create::withEntrypoint);
    spec.command().ifPresent(create::withCmd);
    spec.workingDir().ifPresent(create::withWorkingDir);
    return create;
  }

  /**
   * /tmp and each image volume: tmpfs writable by the participant, sharing the scratch size. Owned
   * by the participant's uid and gid as well as mode 1777: the engine copies an image's own folder
   * at that path up into the tmpfs with the folder's mode, so an image whose {@code /tmp} is root's
   * 0755 would otherwise leave it unwritable.
   */
  static Map<String, String> scratch(SandboxSettings settings, List<String> imageVolumes) {
    Set<String> paths = new TreeSet<>(imageVolumes);
    paths.add(SCRATCH);
    long share = Math.max(OutputVolume.PAGE, settings.tmpBytes() / paths.size());
    Map<String, String> tmpfs = new LinkedHashMap<>();
    for (String path : paths) {
      tmpfs.put(path, "rw,nosuid,nodev,size=" + share + ",mode=1777,uid=1000,gid=1000");
    }
    return tmpfs;
  }

  /** The GPUs this run holds, by id: never a count, which would give every run GPUs 0..N-1. */
  private static List<DeviceRequest> gpuRequests(List<String> gpuDevices) {
    if (gpuDevices.isEmpty()) {
      return List.of();
    }
    return List.of(
        new DeviceRequest()
            .withDriver("nvidia")
            .withDeviceIds(gpuDevices)
            .withCapabilities(List.of(List.of("gpu"))));
  }

  private static List<String> environment(RunSpec spec, List<String> gpuDevices) {
    List<String> env = new ArrayList<>();
    spec.env().forEach((name, value) -> env.add(name + "=" + value));
    // The NVIDIA runtime hook exposes the GPUs this variable names (every one unless told
    // otherwise): it names exactly the run's own, whatever the participant set.
    env.removeIf(variable -> variable.startsWith("NVIDIA_VISIBLE_DEVICES="));
    env.add(
        "NVIDIA_VISIBLE_DEVICES=" + (gpuDevices.isEmpty() ? "void" : String.join(",", gpuDevices)));
    return env;
  }
}
