package org.podium.compute;

import java.util.List;

/**
 * What a run left in /mnt/out, as checked after it ended.
 *
 * @param files regular files kept, as paths relative to the output folder
 * @param rejected entries dropped (removed from the output folder) and why
 * @param totalBytes size of the kept files
 * @param overLimit whether the output exceeded its size or file-count limit
 */
public record OutputReport(
    List<String> files, List<Rejected> rejected, long totalBytes, boolean overLimit) {

  public static final OutputReport NONE = new OutputReport(List.of(), List.of(), 0, false);

  public OutputReport {
    files = List.copyOf(files);
    rejected = List.copyOf(rejected);
  }

  /** An output entry that was not kept. */
  public record Rejected(String path, String reason) {}
}
