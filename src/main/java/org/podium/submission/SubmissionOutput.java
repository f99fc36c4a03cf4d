package org.podium.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.podium.scoring.Scoring;
import org.podium.storage.AttemptFiles;
import org.podium.storage.DataStore;

/**
 * What a submission's output download holds for a reader, in one place for the zip ({@code
 * Exports}) and for the submission's page, which offers the download only when it holds something:
 * a results upload's file; a Docker run's output and logs when the reader may read them; the
 * scoring program's logs when the reader may read those. Missing files are left out.
 */
public record SubmissionOutput(List<Part> parts) {

  /** A file or folder on disk and its name in the download. */
  public record Part(String name, Path path) {}

  public SubmissionOutput {
    parts = List.copyOf(parts);
  }

  /**
   * The parts of submission {@code id}'s latest attempt: {@code logs} whether the reader may read
   * what the run wrote (its output follows that setting: a container can copy its hidden input into
   * its output as easily as print it), {@code scoring} whether they may read the scoring program's.
   */
  public static SubmissionOutput of(
      DataStore dataStore,
      long id,
      SubmissionKind kind,
      int attempt,
      boolean logs,
      boolean scoring) {
    AttemptFiles files = dataStore.attempt(id, attempt);
    List<Part> parts = new ArrayList<>();
    if (kind == SubmissionKind.RESULTS) {
      parts.add(new Part("output", dataStore.upload(id, DataStore.Upload.RESULTS)));
    } else if (logs && attempt > 0) {
      parts.add(new Part("output", files.output()));
    }
    if (logs && attempt > 0) {
      parts.add(new Part("stdout.log", files.stdout()));
      parts.add(new Part("stderr.log", files.stderr()));
    }
    if (scoring && attempt > 0) {
      parts.add(new Part("scoring-stdout.log", Scoring.stdoutLog(files.scoringWork())));
      parts.add(new Part("scoring-stderr.log", Scoring.stderrLog(files.scoringWork())));
    }
    return new SubmissionOutput(parts);
  }

  /** Whether the download would hold nothing: no file in a folder, no file with a byte. */
  public boolean isEmpty() {
    return parts.stream().noneMatch(part -> holdsSomething(part.path()));
  }

  private static boolean holdsSomething(Path path) {
    try {
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> files = Files.walk(path)) {
          return files.anyMatch(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS));
        }
      }
      return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && Files.size(path) > 0;
    } catch (NoSuchFileException | UncheckedIOException gone) {
      return false; // deleted meanwhile (a re-run cleaning its folder)
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
