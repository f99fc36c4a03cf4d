package org.podium.compute;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run left in /mnt/out, as copied out after it ended.
 *
 * @param files regular files kept, as paths relative to the output folder
 * @param rejected entries not kept (never created on the host) and why
 * @param totalBytes size of the kept files
 * @param entries entries of every kind seen (folders too), up to where the copy stopped
 * @param overLimit whether the output exceeded its size or entry-count limit
 * @param refused why Podium refused the whole output (too deep, a path too long, a name that is not
 *     UTF-8), naming the entry inside the container: the participant's fault
 */
public record OutputReport(
    List<String> files,
    List<Rejected> rejected,
    long totalBytes,
    int entries,
    boolean overLimit,
    Optional<String> refused) {

  public static final OutputReport NONE =
      new OutputReport(List.of(), List.of(), 0, 0, false, Optional.empty());

  public OutputReport {
    files = List.copyOf(files);
    rejected = List.copyOf(rejected);
    Objects.requireNonNull(refused, "refused");
  }

  /** An output entry that was not kept. */
  public record Rejected(String path, String reason) {}
}
