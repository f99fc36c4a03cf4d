package org.podium.compute;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.SELContext;
import com.github.dockerjava.api.model.Volume;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A run's /mnt/out: a tmpfs volume of the output limit's size and entry count, so the kernel
 * refuses a write past either (ENOSPC), whatever the names, links or open files. A tmpfs volume is
 * unmounted, and its content lost, when no running container uses it: a holder container keeps it
 * mounted from before the run's container starts until the output has been copied out through the
 * engine's archive API, which reads it as root whatever permissions the run set. Closing removes
 * the holder and the volume, and with them everything the run left.
 */
final class OutputVolume implements AutoCloseable {

  /**
   * Labels the holder and the volume with their run's id: not {@link ContainerPlan#LABEL_RUN},
   * which names the run's own container only.
   */
  static final String LABEL_OUTPUT_OF = "org.podium.output-of";

  /** The kernel's page: tmpfs counts its size in pages. */
  static final long PAGE = 4096;

  /** Where the holder mounts the volume; the archive's entries start with its name. */
  private static final String HOLDER_MOUNT = "/out";

  private static final Logger LOG = Logger.getLogger(OutputVolume.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DockerEngine engine;
  private final String name;
  private String holderId;

  private OutputVolume(DockerEngine engine, String name) {
    this.engine = engine;
    this.name = name;
  }

  /**
   * Creates the volume and starts its holder. On failure nothing is left behind (or the reaper
   * finds it by its labels).
   */
  /** The holder's memory: pause and one measuring exec at a time, with room for the runtime. */
  static final long HOLDER_MEMORY = 32L * 1024 * 1024;

  /** The holder's pids: pause, the measuring exec and the runtime's threads while it starts it. */
  static final long HOLDER_PIDS = 32;

  static OutputVolume open(
      DockerEngine engine,
      SandboxSettings settings,
      String holderImage,
      String runId,
      SandboxLimits limits) {
    // A random name: the volume's name shows in the engine, not the data folder's layout.
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    OutputVolume volume =
        new OutputVolume(engine, "podium-out-" + HexFormat.of().formatHex(random));
    Map<String, String> labels =
        Map.of(ContainerPlan.LABEL_INSTALLATION, settings.installationId(), LABEL_OUTPUT_OF, runId);
    try {
      engine
          .calls()
          .createVolumeCmd()
          .withName(volume.name)
          .withDriver("local")
          .withDriverOpts(Map.of("type", "tmpfs", "device", "tmpfs", "o", tmpfsOptions(limits)))
          .withLabels(labels)
          .exec();
      HostConfig host =
          HostConfig.newHostConfig()
              .withNetworkMode("none")
              .withReadonlyRootfs(true)
              .withCapDrop(Capability.ALL)
              .withSecurityOpts(List.of("no-new-privileges"))
              // pause needs next to nothing; the room is for the engine's exec of statfs, whose
              // runtime (runc init, a Go program with its threads) joins this container's cgroup
              .withMemory(HOLDER_MEMORY)
              .withMemorySwap(HOLDER_MEMORY)
              .withPidsLimit(HOLDER_PIDS)
              .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE))
              .withBinds(
                  new Bind(
                      volume.name, new Volume(HOLDER_MOUNT), AccessMode.ro, SELContext.none, true));
      volume.holderId =
          engine
              .calls()
              .createContainerCmd(holderImage)
              .withName(ContainerPlan.containerName(settings, runId) + "-holder")
              .withLabels(labels)
              .withEntrypoint(HolderImage.BINARY)
              .withUser("65534:65534")
              .withNetworkDisabled(true)
              .withHostConfig(host)
              .exec()
              .getId();
      engine.calls().startContainerCmd(volume.holderId).exec();
      return volume;
    } catch (RuntimeException e) {
      volume.close();
      throw e;
    }
  }

  /**
   * tmpfs options: one page and one entry more than the limits (the folder itself takes an inode),
   * so a run that uses exactly its limit fits and one that needs more fills the volume.
   */
  static String tmpfsOptions(SandboxLimits limits) {
    long pages = (limits.outputBytes() + PAGE - 1) / PAGE + 1;
    return "size="
        + pages * PAGE
        + ",nr_inodes="
        + ((long) limits.outputFiles() + 2)
        + ",uid=1000,gid=1000,mode=0700";
  }

  /**
   * The run container's mount of this volume, with {@code nocopy}: an image with a folder there (or
   * a working directory there) would otherwise have its content and ownership copied into the
   * volume, leaving it root's.
   */
  Bind bind(String mountPath) {
    return new Bind(name, new Volume(mountPath), AccessMode.rw, SELContext.none, true);
  }

  String name() {
    return name;
  }

  /**
   * Whether the volume is full: less than a page or no inode left. A run that filled it has had a
   * write refused.
   */
  boolean full(long timeoutMillis) throws InterruptedException {
    String exec =
        engine
            .calls()
            .execCreateCmd(holderId)
            .withCmd(HolderImage.BINARY, "statfs", HOLDER_MOUNT)
            .withAttachStdout(true)
            .withAttachStderr(false)
            .exec()
            .getId();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ResultCallback.Adapter<Frame> frames =
        engine
            .streams()
            .execStartCmd(exec)
            .exec(
                new ResultCallback.Adapter<>() {
                  @Override
                  public void onNext(Frame frame) {
                    out.writeBytes(frame.getPayload());
                  }
                })) {
      if (!frames.awaitCompletion(timeoutMillis, TimeUnit.MILLISECONDS)) {
        throw new EngineFailure("the engine did not measure the output volume in time");
      }
    } catch (IOException e) {
      throw new EngineFailure("the engine did not measure the output volume: " + e.getMessage());
    }
    // "bsize blocks bfree files ffree"
    String[] fields = out.toString(StandardCharsets.US_ASCII).trim().split(" ");
    if (fields.length != 5) {
      throw new EngineFailure("the output volume could not be measured");
    }
    return Long.parseLong(fields[2]) == 0 || Long.parseLong(fields[4]) == 0;
  }

  /**
   * Copies the volume's content into {@code destination}, an empty host folder, keeping only what
   * {@link OutputArchive} keeps.
   *
   * @throws IOException when the engine's stream or the host folder fails: the platform's fault
   */
  OutputReport copyTo(Path destination, String mountPath, SandboxLimits limits) throws IOException {
    try (InputStream tar =
        engine.calls().copyArchiveFromContainerCmd(holderId, HOLDER_MOUNT).exec()) {
      return OutputArchive.extract(tar, destination, mountPath, limits);
    }
  }

  /** Removes the holder and the volume, and so whatever the run left in it. */
  @Override
  public void close() {
    if (holderId != null) {
      try {
        engine.calls().removeContainerCmd(holderId).withForce(true).exec();
      } catch (NotFoundException gone) {
        // removed already
      } catch (DockerException e) {
        LOG.log(Level.WARNING, "could not remove holder " + holderId + "; the reaper will", e);
        return;
      }
    }
    try {
      engine.calls().removeVolumeCmd(name).exec();
    } catch (NotFoundException gone) {
      // never created, or removed already
    } catch (DockerException e) {
      LOG.log(Level.WARNING, "could not remove volume " + name + "; the reaper will", e);
    }
  }
}
