package org.podium.submission;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.podium.files.Bytes.MIB;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.podium.compute.DockerEngine;
import org.podium.testing.ApiClient;
import org.podium.testing.Deployments;
import org.podium.testing.DockerRequirement;
import org.podium.testing.LargeFiles;
import org.podium.testing.Zips;

/**
 * Uploads of real size on the server under test, over HTTP as clients send them: archives and data
 * of hundreds of megabytes are taken in, bodies over Podium's limits are refused with a 413 that
 * names the setting, and a body cut off halfway leaves nothing behind.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LargeUploadsIT {

  private static final String TRUTH = "id,value\n1,3\n2,4\n";
  private static final Path WORK = Path.of("target/large-uploads");
  private static final Path HOME =
      Path.of(System.getProperty("podium.it.home", "target/podium-home-it"));

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podiumWithSettings();
  }

  @ArquillianResource URL base;

  /** A published competition with one open MAE phase and an approved participant. */
  private record Setup(ApiClient admin, ApiClient participant, long competitionId, long phaseId) {
    String submissions() {
      return "competitions/" + competitionId + "/submissions";
    }

    String data(String kind) {
      return "competitions/" + competitionId + "/phases/" + phaseId + "/" + kind + "-data";
    }
  }

  private Setup competition(boolean docker) {
    ApiClient admin = ApiClient.admin(base);
    long id =
        admin.createCompetition(
            Json.createObjectBuilder()
                .add("title", "Large uploads")
                .add("published", true)
                .add("enableDockerSubmission", docker)
                .add("participation", "AUTO")
                .build());
    long phaseId =
        admin.addPhase(
            id,
            Json.createObjectBuilder()
                .add("name", "Development")
                .add("executionTimeLimitSeconds", 60)
                .add("memoryMb", 256)
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .build());
    ApiClient participant = new ApiClient(base).newParticipant(base, "large");
    participant.join(id);
    return new Setup(admin, participant, id, phaseId);
  }

  @Test
  void aDockerSaveArchiveOfSeveralHundredMegabytesIsCheckedLoadedAndRun() throws Exception {
    DockerRequirement.engine();
    Path archive;
    try (DockerEngine engine = new DockerEngine(DockerRequirement.settings())) {
      archive =
          LargeFiles.participantArchive(
              engine.calls(), WORK.resolve("ballast-image.tar"), 320 * MIB);
    }
    assertTrue(Files.size(archive) > 320 * MIB, "the archive is as large as its ballast");
    Setup setup = competition(true);
    setup
        .admin()
        .uploadData(
            setup.competitionId(), setup.phaseId(), false, Map.of("data.txt", "abc\nhello\n"));
    setup
        .admin()
        .uploadData(setup.competitionId(), setup.phaseId(), true, Map.of("truth.csv", TRUTH));

    ApiClient.Reply submitted =
        setup
            .participant()
            .postMultipartFile(
                setup.submissions(),
                Map.of("teamName", "Heavy"),
                "model.tar",
                "application/x-tar",
                archive);

    // The same archive as the request's whole body, its fields in the query.
    ApiClient.Reply sentAsBody =
        setup
            .participant()
            .postFile(setup.submissions() + "?teamName=Heavier", "application/x-tar", archive);

    for (ApiClient.Reply reply : List.of(submitted, sentAsBody)) {
      assertEquals(201, reply.status(), reply.body());
      JsonObject ended =
          awaitEnd(setup.participant(), reply.json().getJsonNumber("id").longValue());
      assertEquals("FINISHED", ended.getString("status"), ended.toString());
      assertEquals(0.5, ended.getJsonObject("scores").getJsonNumber("mae").doubleValue(), 1e-9);
      assertEquals(configDigest(archive), ended.getString("imageDigest"), "the uploaded image ran");
    }
    assertEquals("Heavy", submitted.json().getString("teamName"));
    assertEquals("Heavier", sentAsBody.json().getString("teamName"));
  }

  @Test
  void phaseDataZipsWellOverTenMebibytesAreAcceptedAndUnpacked() throws Exception {
    Files.createDirectories(WORK);
    Setup setup = competition(false);
    Path input = WORK.resolve("input-" + UUID.randomUUID() + ".zip");
    Path reference = WORK.resolve("reference-" + UUID.randomUUID() + ".zip");
    Map<String, String> inputHashes =
        LargeFiles.zip(input, Map.of("data.txt", "abc\nhello\n"), Map.of("ballast.bin", 48 * MIB));
    Map<String, String> referenceHashes =
        LargeFiles.zip(reference, Map.of("truth.csv", TRUTH), Map.of("ballast.bin", 40 * MIB));
    try {
      assertTrue(Files.size(input) > 40 * MIB && Files.size(reference) > 40 * MIB);

      assertEquals(
          204,
          setup.admin().putFile(setup.data("input"), "application/zip", input, false).status());
      assertEquals(
          204,
          setup
              .admin()
              .putFile(setup.data("reference"), "application/zip", reference, true)
              .status());

      JsonObject phase =
          setup
              .admin()
              .get("competitions/" + setup.competitionId())
              .json()
              .getJsonArray("phases")
              .getJsonObject(0);
      assertEquals(
          48 * MIB + "abc\nhello\n".length(), phase.getJsonNumber("inputDataBytes").longValue());
      assertEquals(
          40 * MIB + TRUTH.length(), phase.getJsonNumber("referenceDataBytes").longValue());
      Path phaseFolder = HOME.resolve("data/phases/" + setup.phaseId());
      assertEquals(
          inputHashes.get("ballast.bin"),
          LargeFiles.sha256(phaseFolder.resolve("input/ballast.bin")));
      assertEquals(
          referenceHashes.get("ballast.bin"),
          LargeFiles.sha256(phaseFolder.resolve("reference/ballast.bin")));

      // The reference data is the one scoring reads.
      ApiClient.Reply submitted =
          setup
              .participant()
              .postMultipart(
                  setup.submissions(),
                  Map.of(),
                  "results.zip",
                  "application/zip",
                  Zips.of(Map.of("predictions.csv", "id,value\n1,3\n2,5\n")));
      assertEquals(201, submitted.status(), submitted.body());
      JsonObject ended =
          awaitEnd(setup.participant(), submitted.json().getJsonNumber("id").longValue());
      assertEquals("FINISHED", ended.getString("status"), ended.toString());
      assertEquals(0.5, ended.getJsonObject("scores").getJsonNumber("mae").doubleValue(), 1e-9);
    } finally {
      Files.deleteIfExists(input);
      Files.deleteIfExists(reference);
    }
  }

  @Test
  void aBodyOneByteOverEachLimitIsRefusedWith413AndAProblemThatNamesTheSetting() throws Exception {
    Files.createDirectories(WORK);
    Setup setup = competition(true);
    Path zipAtLimit = LargeFiles.zipOfExactly(WORK.resolve("at-limit.zip"), MIB);
    Path oneOver = LargeFiles.zipOfExactly(WORK.resolve("one-over.zip"), MIB + 1);
    // A well-formed tar of exactly the limit, and one byte after it: read to its end only there.
    Path archiveOneOver = LargeFiles.tarOfExactly(WORK.resolve("archive-one-over.tar"), 2 * MIB, 1);
    ApiClient.setting(base, "podium.upload.max.mb", "1");
    ApiClient.setting(base, "podium.image.archive.max.mb", "2");
    setup
        .admin()
        .uploadData(setup.competitionId(), setup.phaseId(), false, Map.of("data.txt", "abc\n"));
    try {
      // At the limit: taken, in place of the data the phase had, which is then deleted.
      assertEquals(
          204,
          setup
              .admin()
              .putFile(setup.data("input"), "application/zip", zipAtLimit, false)
              .status());
      Path phase = HOME.resolve("data/phases/" + setup.phaseId());
      try (Stream<Path> input = Files.list(phase.resolve("input"))) {
        assertEquals(List.of("pad.bin"), input.map(p -> p.getFileName().toString()).toList());
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> stagedFiles().isEmpty() && noneBut(phase, "input", "reference"));

      // One byte over, declared: refused before it is read.
      assertTooLarge(
          setup.admin().putFile(setup.data("input"), "application/zip", oneOver, false),
          "file",
          MIB,
          "PODIUM_UPLOAD_MAX_MB");
      // One byte over, chunked (no declared length): refused where it crosses the limit.
      assertTooLarge(
          setup.admin().putFile(setup.data("reference"), "application/zip", oneOver, true),
          "file",
          MIB,
          "PODIUM_UPLOAD_MAX_MB");
      // A results zip one byte over, in a form.
      assertTooLarge(
          setup
              .participant()
              .postMultipartFile(
                  setup.submissions(), Map.of(), "results.zip", "application/zip", oneOver),
          "file",
          MIB,
          "PODIUM_UPLOAD_MAX_MB");
      // An archive one byte over its own, larger limit.
      assertTooLarge(
          setup
              .participant()
              .postMultipartFile(
                  setup.submissions(),
                  Map.of("teamName", "x"),
                  "model.tar",
                  "application/x-tar",
                  archiveOneOver),
          "file",
          2 * MIB,
          "PODIUM_IMAGE_ARCHIVE_MAX_MB");
      // The same files as whole bodies.
      assertTooLarge(
          setup.participant().postFile(setup.submissions(), "application/zip", oneOver),
          "file",
          MIB,
          "PODIUM_UPLOAD_MAX_MB");
      assertTooLarge(
          setup
              .participant()
              .postFile(setup.submissions() + "?teamName=x", "application/x-tar", archiveOneOver),
          "file",
          2 * MIB,
          "PODIUM_IMAGE_ARCHIVE_MAX_MB");
      // Any other body: 10 MiB.
      byte[] json = new byte[(int) (10 * MIB) + 1];
      java.util.Arrays.fill(json, (byte) ' ');
      assertTooLarge(
          setup.admin().post("competitions", "application/json", json), "body", 10 * MIB, null);

      assertEquals(
          List.of(), setup.participant().get(setup.submissions()).array(), "no submission");
      assertEquals(List.of(), stagedFiles(), "nothing staged is left");
    } finally {
      ApiClient.setting(base, "podium.upload.max.mb", null);
      ApiClient.setting(base, "podium.image.archive.max.mb", null);
      Files.deleteIfExists(zipAtLimit);
      Files.deleteIfExists(oneOver);
      Files.deleteIfExists(archiveOneOver);
    }
  }

  @Test
  void anUploadCutOffMidBodyLeavesNoFileAndNoSubmission() throws Exception {
    Setup setup = competition(true);
    setup
        .admin()
        .uploadData(setup.competitionId(), setup.phaseId(), false, Map.of("data.txt", "abc\n"));
    long inputBytes = phaseInputBytes(setup);
    List<String> submissionsBefore = submissionFolders();

    // A docker save archive whose sender goes away after 8 of 64 MiB.
    String boundary = "podium-" + UUID.randomUUID();
    // The start of a tar whose first entry is 64 MiB long: read as such until the sender is gone.
    byte[] form =
        ApiClient.formHead(boundary, Map.of("teamName", "Gone"), "model.tar", "application/x-tar");
    byte[] head = java.util.Arrays.copyOf(form, form.length + 512);
    System.arraycopy(LargeFiles.tarHeader("layer.tar", 64 * MIB), 0, head, form.length, 512);
    cutOff(
        setup.participant(),
        "POST",
        setup.submissions(),
        "multipart/form-data; boundary=" + boundary,
        head,
        64 * MIB);
    // Input data whose sender goes away the same way.
    cutOff(setup.admin(), "PUT", setup.data("input"), "application/zip", zipStart(), 64 * MIB);

    assertEquals(List.of(), setup.participant().get(setup.submissions()).array(), "no submission");
    assertEquals(submissionsBefore, submissionFolders(), "no submission folder");
    assertEquals(inputBytes, phaseInputBytes(setup), "the phase keeps its data");
    assertEquals(
        "abc\n",
        Files.readString(HOME.resolve("data/phases/" + setup.phaseId() + "/input/data.txt")));
  }

  /**
   * Sends a request's head and 8 MiB of a body declared as {@code declared} bytes, waits until the
   * server has begun storing it, then closes the connection; returns once nothing of it is left in
   * the staging folder.
   */
  private void cutOff(
      ApiClient client, String method, String path, String contentType, byte[] start, long declared)
      throws IOException {
    URL url = new URL(base, "api/" + path);
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          (method
                  + " "
                  + url.getPath()
                  + " HTTP/1.1\r\nHost: "
                  + url.getHost()
                  + ":"
                  + url.getPort()
                  + "\r\nAuthorization: "
                  + client.authorization()
                  + "\r\nContent-Type: "
                  + contentType
                  + "\r\nContent-Length: "
                  + declared
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(start);
      LargeFiles.random(out, 8 * MIB, 8);
      out.flush();
      await().atMost(Duration.ofSeconds(30)).until(() -> !stagedFiles().isEmpty());
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> stagedFiles().isEmpty());
  }

  /**
   * The start of a zip: the local header of one stored entry of 64 MiB, so a reader takes what
   * follows as that entry's content until the body ends.
   */
  private static byte[] zipStart() {
    byte[] name = "data.txt".getBytes(StandardCharsets.US_ASCII);
    java.nio.ByteBuffer header =
        java.nio.ByteBuffer.allocate(30 + name.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    header.putInt(0x04034b50).putShort((short) 10).putShort((short) 0).putShort((short) 0);
    header.putShort((short) 0).putShort((short) 0x21).putInt(0);
    header.putInt((int) (64 * MIB)).putInt((int) (64 * MIB));
    header.putShort((short) name.length).putShort((short) 0).put(name);
    return header.array();
  }

  private static void assertTooLarge(
      ApiClient.Reply reply, String field, long limitBytes, String setting) {
    assertEquals(413, reply.status(), reply.body());
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    JsonObject problem = reply.json();
    assertEquals(413, problem.getInt("status"));
    assertEquals(limitBytes, problem.getJsonNumber("limitBytes").longValue());
    String message = problem.getJsonObject("errors").getString(field);
    assertTrue(message.contains(limitBytes / MIB + " MiB"), message);
    if (setting == null) {
      assertTrue(!problem.containsKey("setting"), problem.toString());
    } else {
      assertEquals(setting, problem.getString("setting"));
      assertTrue(message.contains("raise " + setting), message);
    }
  }

  /** Regular files in the staging folders of every node. */
  private static List<Path> stagedFiles() throws IOException {
    Path uploads = HOME.resolve("data/uploads");
    if (!Files.exists(uploads)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(uploads)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (UncheckedIOException e) {
      return List.of(uploads); // changing under our feet: not settled yet
    }
  }

  /** Whether {@code folder} holds nothing but (some of) {@code names}. */
  private static boolean noneBut(Path folder, String... names) throws IOException {
    try (Stream<Path> children = Files.list(folder)) {
      return List.of(names).containsAll(children.map(p -> p.getFileName().toString()).toList());
    }
  }

  private static List<String> submissionFolders() throws IOException {
    Path submissions = HOME.resolve("data/submissions");
    if (!Files.exists(submissions)) {
      return List.of();
    }
    try (Stream<Path> folders = Files.list(submissions)) {
      return folders.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }

  private static long phaseInputBytes(Setup setup) {
    return setup
        .admin()
        .get("competitions/" + setup.competitionId())
        .json()
        .getJsonArray("phases")
        .getJsonObject(0)
        .getJsonNumber("inputDataBytes")
        .longValue();
  }

  /** The image id a {@code docker save} archive's manifest names. */
  private static String configDigest(Path archive) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(archive))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (entry.getName().equals("manifest.json")) {
          String config =
              Json.createReader(
                      new java.io.StringReader(
                          new String(tar.readAllBytes(), StandardCharsets.UTF_8)))
                  .readArray()
                  .getJsonObject(0)
                  .getString("Config");
          return "sha256:" + Path.of(config).getFileName().toString().replace(".json", "");
        }
      }
    }
    throw new IllegalStateException("no manifest.json in " + archive);
  }

  private JsonObject awaitEnd(ApiClient client, long submissionId) {
    JsonObject[] last = new JsonObject[1];
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              last[0] = client.get("submissions/" + submissionId).json();
              return List.of("FINISHED", "FAILED", "CANCELLED")
                  .contains(last[0].getString("status"));
            });
    return last[0];
  }
}
