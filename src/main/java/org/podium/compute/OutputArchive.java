package org.podium.compute;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Extracts what a run left in its output volume, as the engine's archive API streams it (a tar
 * whose entries start with the mounted folder's name), into a fresh host folder. Only regular files
 * and folders with plain names are created; links, devices and fifos are reported and never
 * created, so nothing can point outside the folder. The archive is trusted for nothing: depth, path
 * length, entry count and bytes are bounded here whatever the volume allowed.
 */
final class OutputArchive {

  /** Folder levels under the output folder. */
  static final int MAX_DEPTH = 32;

  /** Characters of a path under the output folder. */
  static final int MAX_PATH = 1024;

  private static final Set<Byte> REGULAR =
      Set.of(TarConstants.LF_NORMAL, TarConstants.LF_OLDNORM, TarConstants.LF_CONTIG);

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._+=@,-]{1,255}");
  private static final String NAME_RULE = "use letters, digits and . _ - + = @ ,";

  private final Path destination;
  private final String mountPath;
  private final SandboxLimits limits;
  private final Map<String, Long> files = new LinkedHashMap<>();
  private final List<OutputReport.Rejected> rejected = new ArrayList<>();
  private final Set<String> rejectedFolders = new LinkedHashSet<>();
  private long totalBytes;
  private long pagedBytes;
  private int entries;

  private OutputArchive(Path destination, String mountPath, SandboxLimits limits) {
    this.destination = destination;
    this.mountPath = mountPath;
    this.limits = limits;
  }

  /**
   * Extracts {@code tar} into {@code destination}, an existing empty folder.
   *
   * @param mountPath where the folder was mounted in the container, to name entries in reasons
   * @throws IOException when the archive cannot be read or the host cannot write: not the
   *     participant's fault
   */
  static OutputReport extract(
      InputStream tar, Path destination, String mountPath, SandboxLimits limits)
      throws IOException {
    return new OutputArchive(destination, mountPath, limits).extract(tar);
  }

  private OutputReport extract(InputStream stream) throws IOException {
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(stream, StandardCharsets.UTF_8.name())) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        String relative = relative(entry.getName());
        if (relative == null) {
          continue; // the mounted folder itself
        }
        entries++;
        if (entries > limits.outputFiles()) {
          return report(true, Optional.empty());
        }
        Optional<String> refusal = refusal(relative, entry.isDirectory());
        if (refusal.isPresent()) {
          return report(false, refusal);
        }
        if (insideRejectedFolder(relative)) {
          continue;
        }
        if (entry.isDirectory()) {
          if (plainNames(relative)) {
            Files.createDirectories(destination.resolve(relative));
          } else {
            reject(relative, "folder name is not allowed: " + NAME_RULE);
            rejectedFolders.add(relative);
          }
        } else if (entry.isSymbolicLink()) {
          reject(relative, "symbolic link: only regular files are kept");
        } else if (entry.isLink()) {
          reject(relative, "hard link: only regular files are kept");
          // The first name of a hard link came as a regular file: it is a link too.
          String target = relative(entry.getLinkName());
          Long size = target == null ? null : files.remove(target);
          if (size != null) {
            Files.deleteIfExists(destination.resolve(target));
            totalBytes -= size;
            reject(target, "hard link: only regular files are kept");
          }
        } else if (!REGULAR.contains(entry.getLinkFlag())) {
          reject(relative, "device, fifo or socket: only regular files are kept");
        } else if (!plainNames(relative)) {
          reject(relative, "file name is not allowed: " + NAME_RULE);
        } else {
          totalBytes += entry.getSize();
          // tmpfs stores a file in whole pages: the volume is full when they reach its size.
          pagedBytes +=
              (entry.getSize() + OutputVolume.PAGE - 1) / OutputVolume.PAGE * OutputVolume.PAGE;
          if (totalBytes > limits.outputBytes() || pagedBytes > limits.outputBytes()) {
            return report(true, Optional.empty());
          }
          Path target = destination.resolve(relative);
          Files.createDirectories(target.getParent());
          // The tar stream ends each entry at its declared size.
          Files.copy(tar, target);
          files.put(relative, entry.getSize());
        }
      }
    }
    return report(false, Optional.empty());
  }

  private OutputReport report(boolean overLimit, Optional<String> refusal) {
    return new OutputReport(
        List.copyOf(files.keySet()), rejected, totalBytes, entries, overLimit, refusal);
  }

  /** The path under the mounted folder, or null for the folder itself. */
  private static String relative(String name) {
    int slash = name.indexOf('/');
    if (slash < 0) {
      return null;
    }
    String rest = name.substring(slash + 1);
    while (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    return rest.isEmpty() ? null : rest;
  }

  /** Why Podium refuses the whole output because of this entry: the participant's fault. */
  private Optional<String> refusal(String relative, boolean directory) {
    String shown = mountPath + "/" + abbreviate(relative);
    if (relative.indexOf('\uFFFD') >= 0 || relative.indexOf('\0') >= 0) {
      return Optional.of(shown + " has a name that is not UTF-8");
    }
    if (relative.length() > MAX_PATH) {
      return Optional.of(
          shown + " has a path longer than " + MAX_PATH + " characters under " + mountPath);
    }
    int depth = relative.split("/", -1).length - (directory ? 0 : 1);
    if (depth > MAX_DEPTH) {
      return Optional.of(shown + " is deeper than " + MAX_DEPTH + " folders under " + mountPath);
    }
    for (String segment : relative.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return Optional.of(shown + " is not a plain path");
      }
    }
    return Optional.empty();
  }

  private static String abbreviate(String relative) {
    return relative.length() <= 120
        ? relative
        : relative.substring(0, 60) + "…" + relative.substring(relative.length() - 40);
  }

  private boolean insideRejectedFolder(String relative) {
    for (String folder : rejectedFolders) {
      if (relative.startsWith(folder + "/")) {
        return true;
      }
    }
    return false;
  }

  private void reject(String relative, String reason) {
    rejected.add(new OutputReport.Rejected(relative, reason));
  }

  private static boolean plainNames(String relative) {
    for (String segment : relative.split("/")) {
      if (!NAME.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }
}
