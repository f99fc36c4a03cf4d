package org.podium.submission;

import static org.podium.files.Bytes.MIB;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.podium.compute.SandboxLimits;
import org.podium.storage.AttemptFiles;

/**
 * The limits one attempt ran under, kept beside its logs ({@code limits.json}): the phase may
 * change later, the record of what a run was allowed does not.
 */
public record RunLimits(
    long timeLimitSeconds,
    long memoryMb,
    BigDecimal cpus,
    int gpus,
    int processes,
    long outputMb,
    int outputFiles,
    long logKb) {

  public static RunLimits of(SandboxLimits limits) {
    return new RunLimits(
        limits.wallTime().toSeconds(),
        limits.memoryBytes() / MIB,
        BigDecimal.valueOf(limits.cpus()).stripTrailingZeros(),
        limits.gpus(),
        limits.pids(),
        limits.outputBytes() / MIB,
        limits.outputFiles(),
        limits.logBytes() / 1024);
  }

  public void write(AttemptFiles attempt) {
    JsonObject json =
        Json.createObjectBuilder()
            .add("timeLimitSeconds", timeLimitSeconds)
            .add("memoryMb", memoryMb)
            .add("cpus", cpus)
            .add("gpus", gpus)
            .add("processes", processes)
            .add("outputMb", outputMb)
            .add("outputFiles", outputFiles)
            .add("logKb", logKb)
            .build();
    try {
      Files.createDirectories(attempt.folder());
      Files.writeString(attempt.limits(), json.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The limits an attempt recorded, or empty when it never started a container. */
  static Optional<RunLimits> read(AttemptFiles attempt) {
    Path file = attempt.limits();
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        JsonReader json = Json.createReader(reader)) {
      JsonObject o = json.readObject();
      return Optional.of(
          new RunLimits(
              o.getJsonNumber("timeLimitSeconds").longValue(),
              o.getJsonNumber("memoryMb").longValue(),
              o.getJsonNumber("cpus").bigDecimalValue(),
              o.getInt("gpus"),
              o.getInt("processes"),
              o.getJsonNumber("outputMb").longValue(),
              o.getInt("outputFiles"),
              o.getJsonNumber("logKb").longValue()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
