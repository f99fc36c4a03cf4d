package org.podium.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.podium.compute.CommandLine;
import org.podium.compute.ImageReference;
import org.podium.compute.ImageSource;
import org.podium.compute.RunOutcome;
import org.podium.compute.RunResult;
import org.podium.compute.RunSpec;
import org.podium.compute.Sandbox;
import org.podium.compute.SandboxLimits;
import org.podium.files.Folders;

/**
 * Scores a participant's output: with a built-in metric, or with the organizer's scoring container
 * in the same sandbox, given CodaLab's layout ({@code /mnt/in/ref}, {@code /mnt/in/res} read-only,
 * {@code /mnt/out} for {@code scores.json} or {@code scores.txt}) or Codabench's ({@code
 * /app/input}, {@code /app/output}).
 */
@ApplicationScoped
public class Scoring {

  private static final SandboxLimits SCORING_LIMITS =
      SandboxLimits.DEFAULT.withWallTime(Duration.ofMinutes(30));

  @Inject Sandbox sandbox;

  /**
   * @param output the participant's output (already inspected: regular files only)
   * @param work an empty folder of this attempt for the scoring run
   * @throws ScoringException saying what is wrong with the output or the scores
   */
  public Scores score(ScoringPlan plan, Path output, Path work, String runId) {
    Scores scores =
        plan.metric().isPresent()
            ? BuiltInMetrics.score(
                plan.metric().get(),
                plan.referenceDir().resolve(plan.truthFile()),
                output.resolve(plan.predictionsFile()))
            : container(plan, output, work, runId);
    if (!scores.values().containsKey(plan.primaryKey())) {
      throw new ScoringException(
          "Scoring produced no numeric '"
              + plan.primaryKey()
              + "', the leaderboard's primary score: the scoring program must write it.");
    }
    return scores;
  }

  /** Where the scoring container's stdout is kept, in the attempt's scoring folder. */
  public static Path stdoutLog(Path work) {
    return work.resolve("scoring-stdout.log");
  }

  /**
   * Where the scoring container's stderr is kept (or why it could not run): for the organizers, and
   * for participants only when the organizers allow it. It never goes into the detail, which the
   * participant always sees: the scoring program reads the reference data and may print it.
   */
  public static Path stderrLog(Path work) {
    return work.resolve("scoring-stderr.log");
  }

  /**
   * Runs the scoring container on copies of the reference data and of the output; the copies go
   * once it has run, whatever happened (its own output, scores and logs stay).
   */
  private Scores container(ScoringPlan plan, Path output, Path work, String runId) {
    Path in = work.resolve("scoring-in");
    try {
      return container(plan, output, work, in, runId);
    } finally {
      Folders.delete(in);
    }
  }

  private Scores container(ScoringPlan plan, Path output, Path work, Path in, String runId) {
    Path out = work.resolve("scoring-out");
    try {
      Files.createDirectories(in);
      if (Files.isDirectory(plan.referenceDir())) {
        Folders.copy(plan.referenceDir(), in.resolve("ref"));
      } else {
        Files.createDirectories(in.resolve("ref"));
      }
      Folders.copy(output, in.resolve("res"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RunSpec.Mounts mounts = plan.mounts();
    List<String> command = new ArrayList<>();
    for (String word : CommandLine.split(plan.command().orElse(""))) {
      command.add(word.replace("$input", mounts.input()).replace("$output", mounts.output()));
    }
    RunSpec spec =
        RunSpec.of(
                runId,
                ImageSource.Registry.organizer(ImageReference.parse(plan.image().orElseThrow())),
                in,
                out,
                SCORING_LIMITS)
            .withMounts(mounts);
    if (!command.isEmpty()) {
      spec = spec.withCommand(command);
    }
    RunResult result = sandbox.run(spec);
    // The scoring image is the organizer's: a missing one is not the participant's fault either.
    // Why it could not run names the organizer's image: kept with the scoring logs, not the detail.
    if (result.outcome() == RunOutcome.INFRA_ERROR
        || result.outcome() == RunOutcome.IMAGE_UNAVAILABLE) {
      keepLogs(work, "", result.message());
      throw new IllegalStateException(
          "the scoring container could not run (the organizers see why on the submission's page)");
    }
    keepLogs(work, result.stdout().text(), result.stderr().text());
    if (result.outcome() != RunOutcome.SUCCEEDED) {
      throw new ScoringException(
          "The scoring program "
              + result.message()
              + (result.message().endsWith(".") ? "" : ".")
              + " Its output says why (organizers see it on the submission's page).");
    }
    return ScoresFile.read(out);
  }

  private static void keepLogs(Path work, String stdout, String stderr) {
    try {
      Files.writeString(stdoutLog(work), stdout, StandardCharsets.UTF_8);
      Files.writeString(stderrLog(work), stderr, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
