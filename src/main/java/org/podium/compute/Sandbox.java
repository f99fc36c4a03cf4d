package org.podium.compute;

import static org.podium.files.Bytes.MIB;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
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
  private final ConcurrentHashMap<String, LiveRun> live = new ConcurrentHashMap<>();
  private final Set<String> cancelledBeforeStart = ConcurrentHashMap.newKeySet();

  public Sandbox(DockerEngine engine, SandboxSettings settings) {
    this.engine = engine;
    this.settings = settings;
    this.images = new Images(engine, settings);
  }

  /** A run in progress: what cancel needs to reach it. */
  private static final class LiveRun {
    volatile String containerId;
    volatile boolean cancelled;
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
      return execute(spec, run);
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

  /** Run ids in progress on this sandbox, for the reaper. */
  public Set<String> liveRuns() {
    return Set.copyOf(live.keySet());
  }

  public SandboxSettings settings() {
    return settings;
  }

  private RunResult execute(RunSpec spec, LiveRun run) {
    ResolvedImage image;
    try {
      image = images.resolve(spec.image());
    } catch (ImageUnavailableException e) {
      return RunResult.unavailable(e.getMessage());
    } catch (EngineFailure | DockerException | DockerClientException e) {
      return RunResult.infraError(describe(e), Optional.empty());
    }
    Optional<String> digest = Optional.of(image.digest());
    if (run.cancelled) {
      return cancelled(null, digest, "cancelled before it started");
    }
    prepareOutput(spec.outputDir());

    String containerId = null;
    StreamCapture streams = new StreamCapture(spec.limits().logBytes());
    ExitWatch exit = new ExitWatch();
    try {
      containerId = ContainerPlan.create(engine.calls(), settings, spec, image.id()).exec().getId();
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
      return watch(spec, run, containerId, started, exit, streams, digest);
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
    }
  }

  private static String describe(RuntimeException e) {
    return e instanceof EngineFailure
        ? e.getMessage()
        : "the Docker engine failed: " + DockerEngine.rootMessage(e);
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
      long started,
      ExitWatch exit,
      StreamCapture streams,
      Optional<String> digest)
      throws InterruptedException {
    SandboxLimits limits = spec.limits();
    long deadline = started + limits.wallTime().toNanos();
    long poll = settings.pollInterval().toMillis();
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
        return exited(spec, containerId, code, wall, streams, digest);
      }
      if (System.nanoTime() >= deadline) {
        kill(containerId, exit);
        return ended(
            RunOutcome.TIMED_OUT,
            null,
            wall,
            streams,
            digest,
            OutputInspector.inspect(spec.outputDir(), limits),
            "still running after the time limit of "
                + limits.wallTime().toSeconds()
                + " s: stopped");
      }
      if (OutputInspector.overLimit(spec.outputDir(), limits)) {
        kill(containerId, exit);
        return ended(
            RunOutcome.OUTPUT_LIMIT,
            null,
            wall,
            streams,
            digest,
            OutputInspector.inspect(spec.outputDir(), limits),
            outputLimitMessage(limits));
      }
    }
  }

  private RunResult exited(
      RunSpec spec,
      String containerId,
      int code,
      Duration wall,
      StreamCapture streams,
      Optional<String> digest)
      throws InterruptedException {
    InspectContainerResponse container = engine.calls().inspectContainerCmd(containerId).exec();
    // The attach stream ends shortly after the exit; wait so the last lines are not lost.
    streams.awaitCompletion(settings.killGrace().toMillis(), TimeUnit.MILLISECONDS);
    OutputReport output = OutputInspector.inspect(spec.outputDir(), spec.limits());
    if (Boolean.TRUE.equals(container.getState().getOOMKilled())) {
      return ended(
          RunOutcome.OUT_OF_MEMORY,
          code,
          wall,
          streams,
          digest,
          output,
          "killed for using more than its memory limit of "
              + spec.limits().memoryBytes() / MIB
              + " MiB");
    }
    if (output.overLimit()) {
      return ended(
          RunOutcome.OUTPUT_LIMIT,
          code,
          wall,
          streams,
          digest,
          output,
          outputLimitMessage(spec.limits()));
    }
    if (code == 0) {
      return ended(RunOutcome.SUCCEEDED, code, wall, streams, digest, output, "finished");
    }
    return ended(
        RunOutcome.FAILED, code, wall, streams, digest, output, "exited with code " + code);
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

  /** The output folder must exist, be empty, and be writable by the participant's uid. */
  private static void prepareOutput(Path outputDir) {
    try {
      Files.createDirectories(outputDir);
      try (var entries = Files.list(outputDir)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException("the output folder " + outputDir + " is not empty");
        }
      }
      // uid 1000 inside may map to another uid on the host (user namespaces): world-writable,
      // while the folder above it stays private to Podium.
      Files.setPosixFilePermissions(outputDir, PosixFilePermissions.fromString("rwxrwxrwx"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the output folder " + outputDir, e);
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
