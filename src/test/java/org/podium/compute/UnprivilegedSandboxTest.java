package org.podium.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.podium.files.Folders;
import org.podium.testing.DockerRequirement;
import org.podium.testing.TestImages;

/**
 * Podium's sandbox driven by a server that is not root: a child JVM as uid/gid 65534 with only the
 * Docker socket's group, running hostile images that leave folders chmod 000 and trees too deep in
 * /mnt/out. Each run ends in a charged outcome and the attempt folder can then be deleted.
 */
class UnprivilegedSandboxTest {

  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
  private static final Path SOCKET = Path.of("/var/run/docker.sock");

  /** What the child JVM runs: each script in its own attempt folder, then deletes the folder. */
  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    String image = args[1];
    try (DockerEngine engine = new DockerEngine(DockerRequirement.settings())) {
      Sandbox sandbox =
          new Sandbox(
              engine,
              SandboxSettings.defaults("unpriv-" + UUID.randomUUID().toString().substring(0, 8)));
      for (int i = 2; i < args.length; i++) {
        Path attempt = work.resolve("attempt-" + i);
        Files.createDirectories(attempt.resolve("in"));
        RunSpec spec =
            RunSpec.of(
                    SandboxFixture.runId(),
                    new ImageSource.Loaded(image),
                    attempt.resolve("in"),
                    attempt.resolve("out"),
                    SandboxFixture.TEST_LIMITS)
                .withEntrypoint(List.of("/bin/busybox", "sh", "-c"))
                .withCommand(List.of("export PATH=/bin; " + args[i]));
        String line;
        try {
          RunResult result = sandbox.run(spec);
          line = result.outcome() + ": " + result.message();
        } catch (RuntimeException e) {
          line = "THREW: " + e;
        }
        try {
          Folders.delete(attempt);
          line += " | deleted";
        } catch (RuntimeException e) {
          line += " | NOT DELETED: " + e.getMessage();
        }
        System.out.println(line.replace('\n', ' '));
      }
    }
  }

  @Test
  void anUnprivilegedServerChargesHostileOutputAndDeletesWhatTheRunLeft() throws Exception {
    DockerRequirement.engine();
    DockerRequirement.tool(SETPRIV, "apt-get install util-linux");
    DockerRequirement.require(
        Files.exists(SOCKET), SOCKET + " is needed to give the child JVM the socket's group");
    int socketGroup = (Integer) Files.getAttribute(SOCKET, "unix:gid");
    String image;
    try (DockerEngine engine = new DockerEngine(DockerRequirement.settings())) {
      image = TestImages.busybox().build(engine.calls(), "podium-test/busybox:1");
    }
    Path shared = Files.createTempDirectory(Path.of("/tmp"), "podium-unprivileged");
    try {
      Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
      String classpath = readableClasspath(shared.resolve("classpath"));
      Path work = Files.createDirectories(shared.resolve("work"));
      Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
      String java = ProcessHandle.current().info().command().orElse("java");

      List<String> command =
          new ArrayList<>(
              List.of(
                  SETPRIV.toString(),
                  "--reuid=65534",
                  "--regid=65534",
                  "--groups=" + socketGroup,
                  "--",
                  java,
                  "-cp",
                  classpath,
                  UnprivilegedSandboxTest.class.getName(),
                  work.toString(),
                  image,
                  "echo 1 > /mnt/out/predictions.csv; busybox mkdir -p /mnt/out/locked/sub;"
                      + " echo 2 > /mnt/out/locked/sub/f.txt; busybox chmod 000 /mnt/out/locked/sub /mnt/out/locked",
                  "cd /mnt/out; busybox mkdir t; i=0; while [ $i -lt 60 ]; do busybox mkdir n"
                      + " && busybox mv t n/a && busybox mv n t; i=$((i+1)); done;"
                      + " busybox chmod -R 000 /mnt/out/t"));
      Process child = new ProcessBuilder(command).redirectErrorStream(false).start();
      String err;
      String out;
      try (var stdout = child.getInputStream();
          var stderr = child.getErrorStream()) {
        assertTrue(child.waitFor(3, TimeUnit.MINUTES), "the child JVM ends");
        out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        err = new String(stderr.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertEquals(0, child.exitValue(), out + err);
      List<String> lines = out.lines().toList();
      assertEquals(
          List.of(
              "SUCCEEDED: finished | deleted",
              "FAILED: output refused: /mnt/out/t/"
                  + "a/".repeat(31)
                  + "a is deeper than 32 folders"
                  + " under /mnt/out | deleted"),
          lines,
          err);
      try (Stream<Path> left = Files.list(work)) {
        assertEquals(List.of(), left.toList());
      }
    } finally {
      Folders.delete(shared);
    }
  }

  /** The compute classes and their libraries, copied where uid 65534 can read them. */
  private static String readableClasspath(Path into) throws IOException {
    List<String> entries = new ArrayList<>();
    int index = 0;
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path source = Path.of(entry);
      if (!Files.exists(source)) {
        continue;
      }
      Path target = into.resolve(index++ + "-" + source.getFileName());
      if (Files.isDirectory(source)) {
        try (Stream<Path> files = Files.walk(source)) {
          for (Path file : files.toList()) {
            Path copy = target.resolve(source.relativize(file).toString());
            if (Files.isDirectory(file)) {
              Files.createDirectories(copy);
            } else {
              Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
      } else if (needed(source.getFileName().toString())) {
        Files.createDirectories(into);
        Files.copy(source, target);
      } else {
        continue;
      }
      entries.add(target.toString());
    }
    try (Stream<Path> all = Files.walk(into)) {
      for (Path path : all.toList()) {
        Files.setPosixFilePermissions(
            path,
            PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  private static boolean needed(String jar) {
    return Stream.of(
            "docker-java",
            "jackson",
            "guava",
            "failureaccess",
            "commons-",
            "bcp",
            "bcutil",
            "slf4j",
            "junit",
            "opentest4j",
            "jna")
        .anyMatch(jar::startsWith);
  }
}
