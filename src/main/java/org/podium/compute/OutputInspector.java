package org.podium.compute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import org.podium.files.Folders;

/**
 * Checks what a container wrote to its output folder, on the host, without ever following a link:
 * only regular files and folders with plain names are kept; symlinks, hardlinks, devices, fifos and
 * sockets are removed and reported, and the totals are checked against the limits.
 */
final class OutputInspector {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._+=@,-]{1,255}");
  private static final int MAX_DEPTH = 32;

  private OutputInspector() {}

  /**
   * Measures the output while the run goes on, stopping as soon as a limit is passed.
   *
   * @return whether the output is over its limits
   */
  static boolean overLimit(Path outputDir, SandboxLimits limits) {
    long[] bytesAndEntries = new long[2];
    try {
      Files.walkFileTree(
          outputDir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              bytesAndEntries[0] += attributes.size();
              bytesAndEntries[1]++;
              return over() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE; // vanished while the container runs
            }

            private boolean over() {
              return bytesAndEntries[0] > limits.outputBytes()
                  || bytesAndEntries[1] > limits.outputFiles();
            }
          });
    } catch (IOException e) {
      return false; // measured again at the end
    }
    return bytesAndEntries[0] > limits.outputBytes() || bytesAndEntries[1] > limits.outputFiles();
  }

  /**
   * Inspects the output after the container has stopped, then removes every entry it rejects.
   * Nothing is removed during the walk, so each entry is judged as the container left it (both
   * names of a hard link are rejected, not just the first one seen).
   */
  static OutputReport inspect(Path outputDir, SandboxLimits limits) {
    List<String> files = new ArrayList<>();
    List<OutputReport.Rejected> rejected = new ArrayList<>();
    List<Path> toRemove = new ArrayList<>();
    long[] totalBytes = {0};
    try {
      Files.walkFileTree(
          outputDir,
          EnumSet.noneOf(FileVisitOption.class),
          MAX_DEPTH,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
              if (dir.equals(outputDir) || plainName(dir)) {
                return FileVisitResult.CONTINUE;
              }
              reject(dir, "folder name is not allowed: use letters, digits and . _ - + = @ ,");
              return FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              String problem = problem(file, attributes);
              if (problem != null) {
                reject(file, problem);
              } else {
                files.add(relative(file));
                totalBytes[0] += attributes.size();
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              reject(file, "cannot be read: " + e.getMessage());
              return FileVisitResult.CONTINUE;
            }

            private void reject(Path path, String reason) {
              rejected.add(new OutputReport.Rejected(relative(path), reason));
              toRemove.add(path);
            }

            private String relative(Path path) {
              return outputDir.relativize(path).toString();
            }
          });
      for (Path path : toRemove) {
        remove(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot inspect the output in " + outputDir, e);
    }
    boolean overLimit = totalBytes[0] > limits.outputBytes() || files.size() > limits.outputFiles();
    return new OutputReport(files, rejected, totalBytes[0], overLimit);
  }

  /** Removes a rejected entry: a link itself (never its target), or a folder with its contents. */
  private static void remove(Path path) throws IOException {
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      Folders.delete(path);
    } else {
      Files.deleteIfExists(path);
    }
  }

  private static String problem(Path file, BasicFileAttributes attributes) throws IOException {
    if (attributes.isSymbolicLink()) {
      return "symbolic link: only regular files are kept";
    }
    if (attributes.isDirectory()) {
      return "folder deeper than " + MAX_DEPTH + " levels";
    }
    if (!attributes.isRegularFile()) {
      return "device, fifo or socket: only regular files are kept";
    }
    int links = (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
    if (links > 1) {
      return "hard link: only regular files are kept";
    }
    if (!plainName(file)) {
      return "file name is not allowed: use letters, digits and . _ - + = @ ,";
    }
    return null;
  }

  private static boolean plainName(Path path) {
    String name = path.getFileName().toString();
    return NAME.matcher(name).matches() && !name.equals(".") && !name.equals("..");
  }
}
