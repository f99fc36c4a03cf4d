package org.podium.compute;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One run of a participant's image. The sandbox around it is not here: the platform decides it.
 *
 * @param runId names the container and its labels; letters, digits, '-', '_' and '.'
 * @param image where the image comes from
 * @param entrypoint replaces the image's entrypoint when present
 * @param command replaces the image's command when present
 * @param env environment variables for the workload
 * @param workingDir working directory inside the container, when the image's is not wanted
 * @param inputDir host folder mounted read-only at /mnt/in
 * @param outputDir host folder mounted at /mnt/out, empty before the run
 * @param limits what the run may use
 * @param mounts where the input and output folders appear inside the container
 */
public record RunSpec(
    String runId,
    ImageSource image,
    Optional<List<String>> entrypoint,
    Optional<List<String>> command,
    Map<String, String> env,
    Optional<String> workingDir,
    Path inputDir,
    Path outputDir,
    SandboxLimits limits,
    Mounts mounts) {

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public RunSpec {
    Objects.requireNonNull(runId, "runId");
    if (!RUN_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException("run id '" + runId + "' must match " + RUN_ID);
    }
    Objects.requireNonNull(image, "image");
    entrypoint = entrypoint.map(List::copyOf);
    command = command.map(List::copyOf);
    env = Map.copyOf(env);
    for (String name : env.keySet()) {
      if (!ENV_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "environment variable name '" + name + "' must be letters, digits and '_'");
      }
    }
    Objects.requireNonNull(workingDir, "workingDir");
    workingDir.ifPresent(
        dir -> {
          if (!dir.startsWith("/")) {
            throw new IllegalArgumentException(
                "the working directory must be absolute, not '" + dir + "'");
          }
        });
    inputDir = inputDir.toAbsolutePath().normalize();
    outputDir = outputDir.toAbsolutePath().normalize();
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(mounts, "mounts");
  }

  /** A run of an image with its own entrypoint and command. */
  public static RunSpec of(
      String runId, ImageSource image, Path inputDir, Path outputDir, SandboxLimits limits) {
    return new RunSpec(
        runId,
        image,
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        Optional.empty(),
        inputDir,
        outputDir,
        limits,
        Mounts.PODIUM);
  }

  public RunSpec withCommand(List<String> value) {
    return new RunSpec(
        runId,
        image,
        entrypoint,
        Optional.of(value),
        env,
        workingDir,
        inputDir,
        outputDir,
        limits,
        mounts);
  }

  public RunSpec withEntrypoint(List<String> value) {
    return new RunSpec(
        runId,
        image,
        Optional.of(value),
        command,
        env,
        workingDir,
        inputDir,
        outputDir,
        limits,
        mounts);
  }

  public RunSpec withImage(ImageSource value) {
    return new RunSpec(
        runId, value, entrypoint, command, env, workingDir, inputDir, outputDir, limits, mounts);
  }

  public RunSpec withLimits(SandboxLimits value) {
    return new RunSpec(
        runId, image, entrypoint, command, env, workingDir, inputDir, outputDir, value, mounts);
  }

  public RunSpec withEnv(Map<String, String> value) {
    return new RunSpec(
        runId, image, entrypoint, command, value, workingDir, inputDir, outputDir, limits, mounts);
  }

  public RunSpec withWorkingDir(String value) {
    return new RunSpec(
        runId,
        image,
        entrypoint,
        command,
        env,
        Optional.of(value),
        inputDir,
        outputDir,
        limits,
        mounts);
  }

  public RunSpec withMounts(Mounts value) {
    return new RunSpec(
        runId, image, entrypoint, command, env, workingDir, inputDir, outputDir, limits, value);
  }

  /**
   * Where the input (read-only) and output folders appear in the container: Podium's and CodaLab's
   * {@code /mnt/in} and {@code /mnt/out}, or Codabench's {@code /app/input} and {@code /app/output}
   * for scoring programs written for it.
   */
  public record Mounts(String input, String output) {
    public static final Mounts PODIUM = new Mounts("/mnt/in", "/mnt/out");
    public static final Mounts CODABENCH = new Mounts("/app/input", "/app/output");
  }
}
