package org.podium.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.podium.files.Bytes.MIB;

import com.github.dockerjava.api.command.InspectVolumeResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.podium.files.Folders;
import org.podium.testing.TestImages;

/**
 * Hostile output: /mnt/out is a tmpfs volume of the output limit's size, copied out after the run
 * and removed with whatever the run left in it.
 */
class OutputVolumeTest extends EngineTestBase {

  /** Nests a folder {@code levels} deep by renames, so no path the shell handles grows long. */
  private static String nest(String name, int levels) {
    return "cd /mnt/out; busybox mkdir t; i=0; while [ $i -lt "
        + levels
        + " ]; do busybox mkdir n && busybox mv t n/"
        + name
        + " && busybox mv n t || break; i=$((i+1)); done; echo levels=$i";
  }

  @Test
  void aFolderChmod000IsCopiedOutAndLeavesAnAttemptFolderPodiumCanDelete() throws Exception {
    RunSpec spec =
        fixture.shell(
            work,
            "cd /mnt/out; echo 1 > predictions.csv; busybox mkdir -p locked/sub;"
                + " echo 2 > locked/sub/f.txt; busybox chmod 000 locked/sub locked");

    RunResult result = fixture.sandbox.run(spec);

    assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
    assertEquals("2\n", Files.readString(spec.outputDir().resolve("locked/sub/f.txt")));
    Folders.delete(spec.outputDir());
    assertFalse(Files.exists(spec.outputDir()));
    assertNoVolumeLeft(spec);
  }

  @Test
  void aTree2500FoldersDeepIsRefusedAsTheParticipantsFaultAndRemovedWithTheVolume() {
    RunSpec spec =
        fixture
            .shell(work, nest("a", 2500) + "; echo 1 > /mnt/out/predictions.csv")
            .withLimits(
                SandboxFixture.TEST_LIMITS
                    .withOutput(16 * MIB, 5000)
                    .withWallTime(Duration.ofMinutes(3)));

    RunResult result = fixture.sandbox.run(spec);

    assertEquals(
        "levels=2500\n",
        result.stdout().text(),
        result.outcome() + ": " + result.message() + "; stderr: " + result.stderr().text());
    assertEquals(RunOutcome.FAILED, result.outcome(), result.message());
    assertTrue(result.message().startsWith("output refused: /mnt/out/t/a/a/"), result.message());
    assertTrue(
        result.message().endsWith(" is deeper than 32 folders under /mnt/out"), result.message());
    assertNoVolumeLeft(spec);
  }

  @Test
  void aPathLongerThan4096CharactersIsRefusedAndRemovedWithTheVolume() {
    String name = "n".repeat(250);
    RunSpec spec = fixture.shell(work, nest(name, 20) + "; echo 1 > /mnt/out/predictions.csv");

    RunResult result = fixture.sandbox.run(spec);

    assertEquals("levels=20\n", result.stdout().text(), result.stderr().text());
    assertEquals(RunOutcome.FAILED, result.outcome(), result.message());
    assertTrue(
        result.message().endsWith(" has a path longer than 1024 characters under /mnt/out"),
        result.message());
    assertFalse(result.message().contains(work.toString()), "no host path");
    assertNoVolumeLeft(spec);
  }

  @Test
  void aFileUnlinkedWhileOpenCannotGrowPastTheOutputLimit() {
    RunSpec spec =
        fixture.shell(
            work,
            "exec 3>/mnt/out/hidden; busybox rm /mnt/out/hidden;"
                + " busybox head -c 33554432 /dev/zero >&3 && echo WROTE_ALL; exec 3>&-;"
                + " echo 1 > /mnt/out/predictions.csv");

    RunResult result = fixture.sandbox.run(spec);

    assertFalse(result.stdout().text().contains("WROTE_ALL"), "32 MiB past a 16 MiB limit");
    assertNotEquals(RunOutcome.INFRA_ERROR, result.outcome(), result.message());
  }

  @Test
  void thirtyThousandFoldersAreOutputLimitBecauseFoldersAreEntriesToo() {
    RunSpec spec =
        fixture.shell(
            work,
            "busybox seq 1 30000 | busybox sed 's|^|/mnt/out/d|' | busybox xargs busybox mkdir"
                + " 2>/dev/null; true");

    RunResult result = fixture.sandbox.run(spec);

    assertEquals(RunOutcome.OUTPUT_LIMIT, result.outcome(), result.message());
    assertEquals("wrote more than 16 MiB or 100 files to /mnt/out", result.message());
    assertNoVolumeLeft(spec);
  }

  @Test
  void anImageVolumeIsAScratchTmpfsThatAWriteCannotGrowPastTheScratchSize() {
    String image =
        TestImages.busybox()
            .with("VOLUME /data")
            .build(fixture.engine.calls(), "podium-test/volume:1");
    RunSpec spec =
        fixture
            .shell(
                work,
                "busybox grep ' /data ' /proc/self/mountinfo | busybox cut -d' ' -f9;"
                    + " busybox head -c 209715200 /dev/zero > /data/big && echo WROTE_ALL; true")
            .withImage(new ImageSource.Loaded(image))
            .withLimits(SandboxFixture.TEST_LIMITS.withMemoryBytes(512 * MIB));

    RunResult result = fixture.sandbox.run(spec);

    assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
    assertEquals("tmpfs\n", result.stdout().text(), "200 MiB past a 128 MiB share of scratch");
  }

  @Test
  void tmpAndImageVolumesAreWritableByTheParticipantEvenWhenTheImageHasThemAsRoots0755()
      throws Exception {
    String image =
        TestImages.busybox()
            .with("RUN [\"/bin/busybox\", \"mkdir\", \"-m\", \"755\", \"/tmp\", \"/cache\"]")
            .with("VOLUME /cache")
            .build(fixture.engine.calls(), "podium-test/root-tmp:1");
    RunSpec spec =
        fixture
            .shell(
                work,
                "busybox touch /tmp/x && echo WROTE_TMP; busybox touch /cache/x && echo"
                    + " WROTE_CACHE; true")
            .withImage(new ImageSource.Loaded(image));

    RunResult result = fixture.sandbox.run(spec);

    assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
    assertEquals("WROTE_TMP\nWROTE_CACHE\n", result.stdout().text(), result.stderr().text());
  }

  @Test
  void anImageWithItsOwnOutputFolderAndItsWorkdirThereWritesToAnEmptyVolume() throws Exception {
    String image =
        TestImages.busybox()
            .with("RUN [\"/bin/busybox\", \"mkdir\", \"-p\", \"/mnt/out/baked\"]")
            .build(fixture.engine.calls(), "podium-test/own-out:1");
    RunSpec spec =
        fixture
            .shell(work, "echo 1 > predictions.csv && busybox ls /mnt/out")
            .withImage(new ImageSource.Loaded(image))
            .withWorkingDir("/mnt/out");

    RunResult result = fixture.sandbox.run(spec);

    assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.stderr().text());
    assertEquals("predictions.csv\n", result.stdout().text(), "nothing of the image is copied in");
    assertEquals("1\n", Files.readString(spec.outputDir().resolve("predictions.csv")));
  }

  @Test
  void mountinfoShowsNoHostPathForTheOutput() {
    RunSpec spec = fixture.shell(work, "busybox grep ' /mnt/out ' /proc/self/mountinfo");

    RunResult result = fixture.sandbox.run(spec);

    String line = result.stdout().text();
    assertTrue(line.contains(" / /mnt/out "), line);
    assertTrue(line.contains(" - tmpfs tmpfs "), line);
    assertFalse(line.contains(work.toString()), line);
  }

  @Test
  void anEngineErrorNamesNoHostPath() throws Exception {
    Path notAFolder = Files.writeString(work.resolve("input-file"), "x");
    RunSpec spec =
        RunSpec.of(
                SandboxFixture.runId(),
                new ImageSource.Loaded(fixture.busybox),
                notAFolder.resolve("sub"),
                work.resolve("out"),
                SandboxFixture.TEST_LIMITS)
            .withEntrypoint(List.of("/bin/busybox", "true"));

    RunResult result = fixture.sandbox.run(spec);

    assertEquals(RunOutcome.INFRA_ERROR, result.outcome(), result.message());
    assertFalse(result.message().contains(work.toString()), result.message());
    assertNoVolumeLeft(spec);
  }

  private static void assertNoVolumeLeft(RunSpec spec) {
    List<InspectVolumeResponse> volumes =
        fixture
            .engine
            .calls()
            .listVolumesCmd()
            .withFilter("label", List.of(OutputVolume.LABEL_OUTPUT_OF + "=" + spec.runId()))
            .exec()
            .getVolumes();
    assertTrue(volumes == null || volumes.isEmpty(), "no volume left: " + volumes);
    assertFalse(fixture.containerExists(spec.runId()));
    assertEquals(
        List.of(),
        fixture
            .engine
            .calls()
            .listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(Map.of(OutputVolume.LABEL_OUTPUT_OF, spec.runId()))
            .exec(),
        "no holder left");
  }
}
