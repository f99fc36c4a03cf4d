package org.podium.scoring;

import java.nio.file.Path;
import java.util.Optional;
import org.podium.compute.RunSpec;

/**
 * How a phase scores an output.
 *
 * @param metric the built-in metric, when the phase uses one
 * @param image the scoring container's image reference, otherwise
 * @param command its command line; CodaLab's {@code $input} and {@code $output} become the mounts
 * @param predictionsFile the file of the output a built-in metric reads
 * @param referenceDir the phase's reference data
 * @param truthFile the file of the reference data a built-in metric reads
 * @param primaryKey the score the leaderboard ranks by; scoring fails without it
 * @param mounts where the scoring container finds its input and writes its scores (CodaLab's or
 *     Codabench's layout)
 */
public record ScoringPlan(
    Optional<Metric> metric,
    Optional<String> image,
    Optional<String> command,
    String predictionsFile,
    Path referenceDir,
    String truthFile,
    String primaryKey,
    RunSpec.Mounts mounts) {}
