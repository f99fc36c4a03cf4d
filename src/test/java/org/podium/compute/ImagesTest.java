package org.podium.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PushResponseItem;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podium.testing.LocalRegistry;
import org.podium.testing.RegistryImages;
import org.podium.testing.TestImages;

/** Images by registry reference (pulled for every run) and by uploaded archive. */
class ImagesTest {

  static SandboxFixture fixture;
  static LocalRegistry registry;
  static String pushedDigest;
  static final String REPOSITORY = LocalRegistry.ADDRESS + "/podium-example";

  @TempDir Path work;

  @BeforeAll
  static void engineAndRegistry() throws Exception {
    fixture = new SandboxFixture();
    registry = LocalRegistry.start();
    DockerClient docker = fixture.engine.calls();
    TestImages.busybox()
        .with(
            "CMD [\"/bin/busybox\", \"sh\", \"-c\", \"echo from the registry > /mnt/out/hello.txt\"]")
        .build(docker, REPOSITORY + ":1");
    StringBuilder pushErrors = new StringBuilder();
    ResultCallback.Adapter<PushResponseItem> callback =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(PushResponseItem item) {
            if (item.isErrorIndicated()) {
              pushErrors.append(item.getError());
            }
          }
        };
    try (ResultCallback.Adapter<PushResponseItem> push =
        fixture.engine.streams().pushImageCmd(REPOSITORY).withTag("1").exec(callback)) {
      push.awaitCompletion(2, TimeUnit.MINUTES);
    }
    if (pushErrors.length() > 0) {
      throw new IllegalStateException("push to the local registry failed: " + pushErrors);
    }
    String repoDigest =
        docker.inspectImageCmd(REPOSITORY + ":1").exec().getRepoDigests().stream()
            .filter(digest -> digest.startsWith(REPOSITORY + "@"))
            .findFirst()
            .orElseThrow();
    pushedDigest = repoDigest.substring(repoDigest.indexOf('@') + 1);
    // Leave nothing in the engine's cache: every run must pull.
    docker.removeImageCmd(REPOSITORY + ":1").withForce(true).exec();
  }

  @AfterAll
  static void close() throws Exception {
    if (registry != null) {
      registry.close();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  private RunSpec byReference(String reference) {
    return RunSpec.of(
        SandboxFixture.runId(),
        new ImageSource.Registry(ImageReference.parse(reference)),
        SandboxFixture.input(work),
        work.resolve("out"),
        SandboxFixture.TEST_LIMITS);
  }

  @Test
  void pullsByTagAndRecordsTheDigestThatRan() throws Exception {
    RunResult result = fixture.sandbox.run(byReference(REPOSITORY + ":1"));

    assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
    assertEquals(REPOSITORY + "@" + pushedDigest, result.imageDigest().orElseThrow());
    assertEquals("from the registry\n", Files.readString(work.resolve("out/hello.txt")));
  }

  @Test
  void pullsByDigestAndRunsExactlyThatDigest() {
    RunResult result = fixture.sandbox.run(byReference(REPOSITORY + "@" + pushedDigest));

    assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
    assertEquals(REPOSITORY + "@" + pushedDigest, result.imageDigest().orElseThrow());
  }

  @Test
  void imageOnlyInTheEnginesCacheIsNotRunByReference() {
    TestImages.busybox().build(fixture.engine.calls(), LocalRegistry.ADDRESS + "/cached-only:1");

    RunResult result = fixture.sandbox.run(byReference(LocalRegistry.ADDRESS + "/cached-only:1"));
    RunResult organizers =
        fixture.sandbox.run(
            inWork(
                ImageSource.Registry.organizer(
                    ImageReference.parse(LocalRegistry.ADDRESS + "/cached-only:1"))));

    // The registry answers that it has no such image: the reference's fault, not retried; a
    // participant is told in general words, an organizer what the registry said.
    assertEquals(RunOutcome.IMAGE_UNAVAILABLE, result.outcome());
    assertEquals(Images.GENERIC_PULL_FAILURE, result.message());
    assertEquals(RunOutcome.IMAGE_UNAVAILABLE, organizers.outcome());
    assertTrue(
        organizers
            .message()
            .startsWith("The registry has no image " + LocalRegistry.ADDRESS + "/cached-only:1"),
        organizers.message());
  }

  /**
   * The operator's credentials are for organizers' images: a participant naming a private image the
   * operator can read does not get it; the participant's own credentials do.
   */
  @Test
  void operatorCredentialsPullOnlyOrganizersImagesAndAParticipantBringsTheirOwn() throws Exception {
    try (LocalRegistry login = LocalRegistry.startWithLogin()) {
      RegistryImages.pushPrivate(fixture.engine.calls());
      RegistryCredentials alice =
          new RegistryCredentials(
              LocalRegistry.LOGIN_ADDRESS, LocalRegistry.LOGIN_USER, LocalRegistry.LOGIN_PASSWORD);
      Sandbox operatorSignedIn =
          new Sandbox(
              fixture.engine,
              fixture.settings.withRegistryCredentials(
                  java.util.Map.of(LocalRegistry.LOGIN_ADDRESS, alice)));
      ImageReference reference = ImageReference.parse(RegistryImages.PRIVATE_EXAMPLE);

      RunResult participant = operatorSignedIn.run(inWork(new ImageSource.Registry(reference)));
      RunResult organizer = operatorSignedIn.run(inWork(ImageSource.Registry.organizer(reference)));
      RunResult withOwnLogin =
          operatorSignedIn.run(
              inWork(ImageSource.Registry.participant(reference, java.util.Optional.of(alice))));

      assertEquals(RunOutcome.IMAGE_UNAVAILABLE, participant.outcome(), participant.message());
      assertEquals(Images.GENERIC_PULL_FAILURE, participant.message());
      assertEquals(RunOutcome.SUCCEEDED, organizer.outcome(), organizer.message());
      assertEquals(RunOutcome.SUCCEEDED, withOwnLogin.outcome(), withOwnLogin.message());
    }
  }

  @Test
  void aParticipantsReferenceToALoopbackRegistryIsRefusedUnlessTheOperatorListsIt() {
    Sandbox defaults =
        new Sandbox(fixture.engine, fixture.settings.withRegistryPolicy(RegistryPolicy.allowing()));

    RunResult refused = defaults.run(byReference(REPOSITORY + ":1"));

    assertEquals(RunOutcome.IMAGE_UNAVAILABLE, refused.outcome());
    assertTrue(
        refused.message().startsWith("The registry " + LocalRegistry.ADDRESS + " is a private"),
        refused.message());
  }

  /** What the engine says of a host (refused, timed out, what answered) stays in the log. */
  @Test
  void aFailedPullTellsTheParticipantOnlyTheGenericReason() {
    Sandbox allowingAnyPort =
        new Sandbox(
            fixture.engine,
            fixture.settings.withRegistryPolicy(RegistryPolicy.allowing("127.0.0.1")));

    RunResult closedPort = allowingAnyPort.run(byReference("127.0.0.1:5999/nothing:1"));
    RunResult notARegistry = allowingAnyPort.run(byReference("127.0.0.1:5000/missing:1"));

    assertEquals(Images.GENERIC_PULL_FAILURE, closedPort.message());
    assertEquals(Images.GENERIC_PULL_FAILURE, notARegistry.message());
  }

  private RunSpec inWork(ImageSource source) {
    return RunSpec.of(
        SandboxFixture.runId(),
        source,
        SandboxFixture.input(work),
        work.resolve("out-" + SandboxFixture.runId()),
        SandboxFixture.TEST_LIMITS);
  }

  @Test
  void uploadedArchiveIsLoadedUnderAPodiumNameRunByIdAndItsOwnTagsAreDropped() throws Exception {
    Path archive =
        save(
            TestImages.busybox()
                .with("CMD [\"/bin/busybox\", \"sh\", \"-c\", \"echo uploaded > /mnt/out/u.txt\"]"),
            "victim/model:latest");
    fixture.engine.calls().removeImageCmd("victim/model:latest").withForce(true).exec();
    ImageArchives archives = new ImageArchives(fixture.engine, fixture.settings);

    ImageSource.Loaded loaded = archives.load(archive, "submission-42");
    RunResult result =
        fixture.sandbox.run(
            RunSpec.of(
                SandboxFixture.runId(),
                loaded,
                SandboxFixture.input(work),
                work.resolve("out"),
                SandboxFixture.TEST_LIMITS));

    assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
    assertEquals(loaded.imageId(), result.imageDigest().orElseThrow());
    assertEquals("uploaded\n", Files.readString(work.resolve("out/u.txt")));
    assertEquals(
        List.of("podium-upload/submission-42:latest"),
        fixture.engine.calls().inspectImageCmd(loaded.imageId()).exec().getRepoTags());
    assertThrows(
        NotFoundException.class,
        () -> fixture.engine.calls().inspectImageCmd("victim/model:latest").exec());
    InvalidImageException byName =
        assertThrows(
            InvalidImageException.class,
            () -> ImageReference.parse("podium-upload/submission-42:latest"));
    assertTrue(byName.getMessage().contains("cannot be pulled"));
    archives.unload("submission-42");
  }

  /**
   * Seen: an archive whose config entry was renamed to the id of an image already on the engine
   * made Podium tag and run that image. The config's name must be its content's digest.
   */
  @Test
  void anArchiveNamingItsConfigAfterAnotherImageIsRefusedAndThatImageNeverRuns() throws Exception {
    String victim =
        TestImages.busybox()
            .with("CMD [\"/bin/busybox\", \"sh\", \"-c\", \"echo victim > /mnt/out/who.txt\"]")
            .build(fixture.engine.calls(), "podium-test/victim:1");
    Path attacker =
        save(
            TestImages.busybox()
                .with(
                    "CMD [\"/bin/busybox\", \"sh\", \"-c\", \"echo attacker > /mnt/out/who.txt\"]"),
            "podium-test/attacker:1");
    Path confused = ArchiveEdits.withConfigNamed(attacker, work.resolve("confused.tar"), victim);
    ImageArchives archives = new ImageArchives(fixture.engine, fixture.settings);

    InvalidImageException checked =
        assertThrows(InvalidImageException.class, () -> archives.check(confused));
    InvalidImageException loaded =
        assertThrows(InvalidImageException.class, () -> archives.load(confused, "confused"));

    assertTrue(checked.getMessage().contains("is not what its name says"), checked.getMessage());
    assertEquals(checked.getMessage(), loaded.getMessage());
    assertThrows(
        NotFoundException.class,
        () -> fixture.engine.calls().inspectImageCmd("podium-upload/confused:latest").exec());
    assertEquals(
        List.of("podium-test/victim:1"),
        fixture.engine.calls().inspectImageCmd(victim).exec().getRepoTags());
  }

  @Test
  void archiveWithTwoImagesIsRejected() throws Exception {
    TestImages.busybox().with("LABEL n=1").build(fixture.engine.calls(), "podium-test/two:a");
    TestImages.busybox().with("LABEL n=2").build(fixture.engine.calls(), "podium-test/two:b");
    Path archive = work.resolve("two.tar");
    try (InputStream saved =
        fixture
            .engine
            .streams()
            .saveImagesCmd()
            .withImage("podium-test/two", "a")
            .withImage("podium-test/two", "b")
            .exec()) {
      Files.copy(saved, archive);
    }

    InvalidImageException error =
        assertThrows(
            InvalidImageException.class,
            () -> new ImageArchives(fixture.engine, fixture.settings).load(archive, "two"));
    assertEquals("The archive holds 2 images: save exactly one image.", error.getMessage());
  }

  @Test
  void archiveForAnotherArchitectureIsRejected() throws Exception {
    Path archive = save(TestImages.busybox(), "podium-test/arch:1");
    Path arm = ArchiveEdits.withArchitecture(archive, work.resolve("arm.tar"), "arm64");

    InvalidImageException error =
        assertThrows(
            InvalidImageException.class,
            () -> new ImageArchives(fixture.engine, fixture.settings).load(arm, "arm"));
    assertEquals(
        "The image is built for linux/arm64, and Podium runs linux/amd64: build it with --platform"
            + " linux/amd64.",
        error.getMessage());
  }

  @Test
  void archiveOverTheSizeLimitIsRejected() throws Exception {
    Path archive = save(TestImages.busybox(), "podium-test/big:1");
    SandboxSettings small = fixture.settings.withMaxArchiveBytes(1024 * 1024);

    InvalidImageException error =
        assertThrows(
            InvalidImageException.class,
            () -> new ImageArchives(fixture.engine, small).load(archive, "big"));
    assertEquals("The image unpacks to more than 1 MiB: make it smaller.", error.getMessage());
  }

  /**
   * The limit is on what the archive unpacks to, not on the upload: a gzipped archive far under the
   * limit (a layer of zeros compresses to almost nothing) that unpacks to more is refused.
   */
  @Test
  void aCompressedArchiveUnderTheLimitThatUnpacksOverItIsRejected() throws Exception {
    Path zeros = work.resolve("zeros");
    Files.write(zeros, new byte[6 * 1024 * 1024]);
    Path archive = save(TestImages.busybox().withBinary("zeros", zeros), "podium-test/zeros:1");
    Path gz = work.resolve("zeros.tar.gz");
    try (InputStream in = Files.newInputStream(archive);
        var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      in.transferTo(out);
    }
    SandboxSettings limited = fixture.settings.withMaxArchiveBytes(4 * 1024 * 1024);
    assertTrue(Files.size(gz) < 2 * 1024 * 1024, "the upload is well under the limit");
    assertTrue(Files.size(archive) > 4 * 1024 * 1024, "what it unpacks to is over it");

    InvalidImageException error =
        assertThrows(
            InvalidImageException.class,
            () -> new ImageArchives(fixture.engine, limited).load(gz, "zeros"));
    assertEquals("The image unpacks to more than 4 MiB: make it smaller.", error.getMessage());
  }

  @Test
  void gzippedArchiveIsAccepted() throws Exception {
    Path archive = save(TestImages.busybox().with("LABEL gz=1"), "podium-test/gz:1");
    Path gz = work.resolve("image.tar.gz");
    try (InputStream in = Files.newInputStream(archive);
        var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      in.transferTo(out);
    }

    ImageSource.Loaded loaded = new ImageArchives(fixture.engine, fixture.settings).load(gz, "gz");

    assertTrue(loaded.imageId().startsWith("sha256:"));
    new ImageArchives(fixture.engine, fixture.settings).unload("gz");
  }

  @Test
  void notAnArchiveIsRejectedSayingWhatToUpload() throws Exception {
    Path junk = Files.writeString(work.resolve("junk.tar"), "this is not a tar file at all");

    InvalidImageException error =
        assertThrows(
            InvalidImageException.class,
            () -> new ImageArchives(fixture.engine, fixture.settings).load(junk, "junk"));
    assertTrue(
        error.getMessage().contains("manifest.json") || error.getMessage().contains("docker save"),
        error.getMessage());
    assertFalse(error.getMessage().isBlank());
  }

  private Path save(TestImages image, String tag) throws Exception {
    image.build(fixture.engine.calls(), tag);
    String[] parts = tag.split(":");
    Path archive = work.resolve(parts[0].replace('/', '-') + ".tar");
    try (InputStream saved =
        fixture.engine.streams().saveImageCmd(parts[0]).withTag(parts[1]).exec()) {
      Files.copy(saved, archive);
    }
    return archive;
  }
}
