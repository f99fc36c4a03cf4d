package org.podium.scoring;

import java.nio.file.Path;
import java.util.Optional;

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
 * @param codabench whether the scoring container gets Codabench's mounts instead of CodaLab's
 */
public record ScoringPlan(
    Optional<Metric> metric,
    Optional<String> image,
    Optional<String> command,
    String predictionsFile,
    Path referenceDir,
    String truthFile,
    String primaryKey,
    boolean codabench) {}
