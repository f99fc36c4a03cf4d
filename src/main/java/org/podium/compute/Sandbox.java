package org.podium.compute;

import static org.podium.files.Bytes.MIB;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs participants' images in the sandbox the platform decides (see {@link ContainerPlan}) and
 * enforces their limits from outside the container: wall time, memory, output size.
 *
 * <p>{@link #run} blocks its thread until the run ends; {@link #cancel} may be called from any
 * other thread.
 */
public final class Sandbox implements SandboxRuns {

  private static final Logger LOG = Logger.getLogger(Sandbox.class.getName());

  private final DockerEngine engine;
  private final SandboxSettings settings;
  private final Images images;
  private final HolderImage holder;
  private final GpuAllocator gpus;

  /** How often a running container's output volume is checked for being full. */
  private static final Duration MEASURE_EVERY = Duration.ofSeconds(1);

  /** The most VOLUMEs of an image Podium covers with a scratch tmpfs. */
  static final int MAX_IMAGE_VOLUMES = 8;

  private final ConcurrentHashMap<String, LiveRun> live = new ConcurrentHashMap<>();
  private final Set<String> cancelledBeforeStart = ConcurrentHashMap.newKeySet();

  public Sandbox(DockerEngine engine, SandboxSettings settings) {
    this(engine, settings, GpuAllocator.none());
  }

  /**
   * @param gpus this node's GPUs, handed out whole to the runs that ask for some
   */
  public Sandbox(DockerEngine engine, SandboxSettings settings, GpuAllocator gpus) {
    this.engine = engine;
    this.settings = settings;
    this.gpus = gpus;
    this.images = new Images(engine, settings);
    this.holder = new HolderImage(engine);
  }

  /** A run in progress: what cancel needs to reach it. */
  private static final class LiveRun {
    volatile String containerId;
    volatile boolean cancelled;
    volatile StreamCapture streams;
  }

  /** Runs one spec to its end; never throws for anything the container or the engine does. */
  @Override
  public RunResult run(RunSpec spec) {
    LiveRun run = new LiveRun();
    if (live.putIfAbsent(spec.runId(), run) != null) {
      throw new IllegalStateException("run " + spec.runId() + " is already running");
    }
    run.cancelled = cancelledBeforeStart.remove(spec.runId());
    try {
      return prepare(spec, run);
    } finally {
      live.remove(spec.runId());
    }
  }

  /**
   * Kills and removes the container of a run in progress; its {@link #run} returns {@link
   * RunOutcome#CANCELLED}.
   *
   * @return whether the run was in progress here
   */
  public boolean cancel(String runId) {
    LiveRun run = live.get(runId);
    if (run == null) {
      // Not started yet (or never here): a run with this id that starts later ends cancelled.
      cancelledBeforeStart.add(runId);
      return false;
    }
    run.cancelled = true;
    String containerId = run.containerId;
    if (containerId != null) {
      remove(containerId);
    }
    return true;
  }

  /** Cancels {@code runId} if it is in progress here; leaves no cancel waiting otherwise. */
  public boolean stopIfRunning(String runId) {
    return live.containsKey(runId) && cancel(runId);
  }

  /** Forgets a cancel that reached {@code runId} before it started, once it can no longer start. */
  @Override
  public void forget(String runId) {
    cancelledBeforeStart.remove(runId);
  }

  /**
   * What a run in progress here has written so far (stdout, stderr, as much as its logs keep);
   * empty when it does not run here or has no container yet.
   */
  public Optional<List<CapturedLog>> logsSoFar(String runId) {
    LiveRun run = live.get(runId);
    StreamCapture streams = run == null ? null : run.streams;
    return streams == null
        ? Optional.empty()
        : Optional.of(List.of(streams.stdout(), streams.stderr()));
  }

  /** Run ids in progress on this sandbox, for the reaper. */
  public Set<String> liveRuns() {
    return Set.copyOf(live.keySet());
  }

  public SandboxSettings settings() {
    return settings;
  }

  /** Resolves the image and takes the run's GPUs, then runs it. */
  private RunResult prepare(RunSpec spec, LiveRun run) {
    ResolvedImage image;
    List<String> imageVolumes;
    try {
      image = images.resolve(spec.image());
      imageVolumes = imageVolumes(image.id());
    } catch (ImageUnavailableException e) {
      return RunResult.unavailable(e.getMessage());
    } catch (EngineFailure | DockerException | DockerClientException e) {
      return RunResult.infraError(describe(e), Optional.empty());
    }
    Optional<String> digest = Optional.of(image.digest());
    Optional<String> refusal = refuseVolumes(imageVolumes, spec.mounts());
    if (refusal.isPresent()) {
      return ended(
          RunOutcome.FAILED, null, Duration.ZERO, null, digest, OutputReport.NONE, refusal.get());
    }
    int asked = spec.limits().gpus();
    if (asked > gpus.total()) {
      // Another node may have them: the platform's lack, retried, not the participant's fault.
      return RunResult.infraError(
          "this node has " + gpus.total() + " GPUs; the run asks for " + asked, digest);
    }
    List<String> gpuDevices;
    try {
      gpuDevices =
          gpus.acquire(asked, () -> run.cancelled, settings.pollInterval().toMillis()).orElse(null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return RunResult.infraError("interrupted while waiting for a GPU", digest);
    }
    if (gpuDevices == null) {
      return cancelled(null, digest, "cancelled before it started");
    }
    try {
      return execute(spec, run, image, imageVolumes, digest, gpuDevices);
    } finally {
      gpus.release(gpuDevices);
    }
  }

  private RunResult execute(
      RunSpec spec,
      LiveRun run,
      ResolvedImage image,
      List<String> imageVolumes,
      Optional<String> digest,
      List<String> gpuDevices) {
    if (run.cancelled) {
      return cancelled(null, digest, "cancelled before it started");
    }
    prepareOutput(spec.outputDir());

    String containerId = null;
    OutputVolume output = null;
    StreamCapture streams = new StreamCapture(spec.limits().logBytes());
    run.streams = streams;
    ExitWatch exit = new ExitWatch();
    try {
      output = OutputVolume.open(engine, settings, holder.ensure(), spec.runId(), spec.limits());
      List<String> scratch =
          imageVolumes.stream()
              .filter(path -> !path.equals(spec.mounts().input()))
              .filter(path -> !path.equals(spec.mounts().output()))
              .toList();
      containerId =
          ContainerPlan.create(
                  engine.calls(),
                  settings,
                  spec,
                  image.id(),
                  output.bind(spec.mounts().output()),
                  scratch,
                  gpuDevices)
              .exec()
              .getId();
      run.containerId = containerId;
      boolean attached =
          engine
              .streams()
              .attachContainerCmd(containerId)
              .withStdOut(true)
              .withStdErr(true)
              .withFollowStream(true)
              .exec(streams)
              .awaitStarted(settings.killGrace().toMillis(), TimeUnit.MILLISECONDS);
      if (!attached) {
        throw new EngineFailure("the engine did not attach to the container's output in time");
      }
      if (run.cancelled) {
        return cancelled(streams, digest, "cancelled before it started");
      }
      engine.calls().startContainerCmd(containerId).exec();
      long started = System.nanoTime();
      engine.streams().waitContainerCmd(containerId).exec(exit);
      return watch(spec, run, containerId, output, started, exit, streams, digest);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return RunResult.infraError("interrupted while running", digest);
    } catch (EngineFailure | DockerException | DockerClientException e) {
      // A cancel removes the container under the run's feet: the failure it causes is the cancel.
      return run.cancelled
          ? cancelled(streams, digest, "cancelled")
          : RunResult.infraError(describe(e), digest);
    } finally {
      closeQuietly(exit);
      closeQuietly(streams);
      if (containerId != null) {
        remove(containerId);
      }
      if (output != null) {
        output.close();
      }
    }
  }

  /** The folders the image declares as VOLUME. */
  private List<String> imageVolumes(String imageId) {
    ContainerConfig config = engine.calls().inspectImageCmd(imageId).exec().getConfig();
    if (config == null || config.getVolumes() == null) {
      return List.of();
    }
    TreeSet<String> paths = new TreeSet<>();
    for (String path : config.getVolumes().keySet()) {
      paths.add(
          path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }
    return List.copyOf(paths);
  }

  /**
   * Image volumes ({@link #imageVolumes}: without a trailing slash) Podium cannot cover with a
   * tmpfs: inside the input or output folder (a mount there would hide or escape the run's
   * folders), the root, or too many of them.
   */
  static Optional<String> refuseVolumes(List<String> volumes, RunSpec.Mounts mounts) {
    if (volumes.size() > MAX_IMAGE_VOLUMES) {
      return Optional.of(
          "the image declares "
              + volumes.size()
              + " VOLUMEs; Podium covers at most "
              + MAX_IMAGE_VOLUMES
              + " with a scratch folder: remove VOLUME lines from the Dockerfile");
    }
    for (String path : volumes) {
      if (!path.startsWith("/")
          || path.equals("/")
          || path.contains("/../")
          || path.endsWith("/..")
          || path.startsWith(mounts.input() + "/")
          || path.startsWith(mounts.output() + "/")) {
        return Optional.of(
            "the image declares VOLUME "
                + path
                + ", where Podium cannot give it a scratch folder: remove that VOLUME line"
                + " from the Dockerfile");
      }
    }
    return Optional.empty();
  }

  private static String describe(RuntimeException e) {
    return e instanceof EngineFailure
        ? e.getMessage()
        : "the Docker engine failed: " + HostPaths.scrub(DockerEngine.rootMessage(e));
  }

  private static RunResult cancelled(
      StreamCapture streams, Optional<String> digest, String message) {
    return ended(
        RunOutcome.CANCELLED, null, Duration.ZERO, streams, digest, OutputReport.NONE, message);
  }

  private RunResult watch(
      RunSpec spec,
      LiveRun run,
      String containerId,
      OutputVolume output,
      long started,
      ExitWatch exit,
      StreamCapture streams,
      Optional<String> digest)
      throws InterruptedException {
    SandboxLimits limits = spec.limits();
    long deadline = started + limits.wallTime().toNanos();
    long poll = settings.pollInterval().toMillis();
    long nextMeasure = System.nanoTime() + MEASURE_EVERY.toNanos();
    while (true) {
      Integer code =
          exit.await(
              Math.max(
                  1, Math.min(poll, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
      Duration wall = Duration.ofNanos(System.nanoTime() - started);
      if (run.cancelled) {
        return ended(
            RunOutcome.CANCELLED, code, wall, streams, digest, OutputReport.NONE, "cancelled");
      }
      if (code != null) {
        return exited(spec, containerId, output, code, wall, streams, digest);
      }
      if (System.nanoTime() >= deadline) {
        kill(containerId, exit);
        return finished(
            spec,
            output,
            RunOutcome.TIMED_OUT,
            null,
            wall,
            streams,
            digest,
            "still running after the time limit of "
                + limits.wallTime().toSeconds()
                + " s: stopped");
      }
      // The kernel refuses writes past the limits; a run that filled its output is stopped, as
      // whatever it writes next is refused anyway.
      if (System.nanoTime() >= nextMeasure) {
        nextMeasure = System.nanoTime() + MEASURE_EVERY.toNanos();
        if (measuredFull(output, spec.runId())) {
          kill(containerId, exit);
          return finished(
              spec,
              output,
              RunOutcome.OUTPUT_LIMIT,
              null,
              wall,
              streams,
              digest,
              outputLimitMessage(limits));
        }
      }
    }
  }

  /**
   * Whether the run's output volume is full. A measurement that fails (a slow or refused exec in
   * the holder) is not the run's end: the kernel keeps the limit anyway, and the copy at the end
   * judges it.
   */
  private boolean measuredFull(OutputVolume output, String runId) throws InterruptedException {
    try {
      return output.full(settings.killGrace().toMillis());
    } catch (EngineFailure | DockerException | DockerClientException e) {
      LOG.log(Level.FINE, "could not measure the output of " + runId + "; measured at the end", e);
      return false;
    }
  }

  private RunResult exited(
      RunSpec spec,
      String containerId,
      OutputVolume output,
      int code,
      Duration wall,
      StreamCapture streams,
      Optional<String> digest)
      throws InterruptedException {
    InspectContainerResponse container = engine.calls().inspectContainerCmd(containerId).exec();
    // The attach stream ends shortly after the exit; wait so the last lines are not lost.
    streams.awaitCompletion(settings.killGrace().toMillis(), TimeUnit.MILLISECONDS);
    if (Boolean.TRUE.equals(container.getState().getOOMKilled())) {
      return finished(
          spec,
          output,
          RunOutcome.OUT_OF_MEMORY,
          code,
          wall,
          streams,
          digest,
          "killed for using more than its memory limit of "
              + spec.limits().memoryBytes() / MIB
              + " MiB");
    }
    if (code == 0) {
      return finished(spec, output, RunOutcome.SUCCEEDED, code, wall, streams, digest, "finished");
    }
    return finished(
        spec, output, RunOutcome.FAILED, code, wall, streams, digest, "exited with code " + code);
  }

  /**
   * Copies the output out of its volume and ends the run: over its limits (the volume full, or more
   * than the copy takes) it is {@link RunOutcome#OUTPUT_LIMIT}; output Podium refuses (too deep, a
   * path too long, a name that is not UTF-8) fails it, naming the entry in the container.
   */
  private RunResult finished(
      RunSpec spec,
      OutputVolume output,
      RunOutcome outcome,
      Integer code,
      Duration wall,
      StreamCapture streams,
      Optional<String> digest,
      String message) {
    // No statfs here: the volume holds one page and one entry over the limits, so a run that
    // filled it shows in what the copy counts (bytes in whole pages, entries of every kind).
    OutputReport report;
    try {
      report = output.copyTo(spec.outputDir(), spec.mounts().output(), spec.limits());
    } catch (IOException e) {
      // Logged with its detail; the participant sees no host path.
      LOG.log(Level.WARNING, "could not copy the output of run " + spec.runId(), e);
      return RunResult.infraError("Podium could not copy the output out of the container", digest);
    }
    if (outcome == RunOutcome.OUT_OF_MEMORY || outcome == RunOutcome.TIMED_OUT) {
      return ended(outcome, code, wall, streams, digest, report, message);
    }
    if (report.overLimit()) {
      return ended(
          RunOutcome.OUTPUT_LIMIT,
          code,
          wall,
          streams,
          digest,
          report,
          outputLimitMessage(spec.limits()));
    }
    if (report.refused().isPresent()) {
      return ended(
          RunOutcome.FAILED,
          code,
          wall,
          streams,
          digest,
          report,
          "output refused: " + report.refused().get());
    }
    return ended(outcome, code, wall, streams, digest, report, message);
  }

  private static String outputLimitMessage(SandboxLimits limits) {
    return "wrote more than "
        + limits.outputBytes() / MIB
        + " MiB or "
        + limits.outputFiles()
        + " files to /mnt/out";
  }

  private static RunResult ended(
      RunOutcome outcome,
      Integer code,
      Duration wall,
      StreamCapture streams,
      Optional<String> digest,
      OutputReport output,
      String message) {
    return new RunResult(
        outcome,
        Optional.ofNullable(code),
        wall,
        streams == null ? CapturedLog.EMPTY : streams.stdout(),
        streams == null ? CapturedLog.EMPTY : streams.stderr(),
        digest,
        output,
        message);
  }

  private void kill(String containerId, ExitWatch exit) throws InterruptedException {
    try {
      engine.calls().killContainerCmd(containerId).exec();
    } catch (DockerException alreadyStopped) {
      // it exited on its own meanwhile
    }
    exit.await(settings.killGrace().toMillis());
  }

  private void remove(String containerId) {
    try {
      engine.calls().removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException gone) {
      // removed already (by cancel, or the engine)
    } catch (DockerException e) {
      if (!String.valueOf(e.getMessage()).contains("already in progress")) {
        LOG.log(
            Level.WARNING, "could not remove container " + containerId + "; the reaper will", e);
      }
    }
  }

  /** The output folder must exist and be empty: the run's output is copied into it. */
  private static void prepareOutput(Path outputDir) {
    try {
      Files.createDirectories(outputDir);
      try (var entries = Files.list(outputDir)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException("the output folder is not empty");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the output folder", e);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // closing a finished stream
    }
  }
}
