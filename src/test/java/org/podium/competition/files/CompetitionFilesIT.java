package org.podium.competition.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.podium.files.Bytes.MIB;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.podium.testing.ApiClient;
import org.podium.testing.Deployments;
import org.podium.testing.LargeFiles;

/**
 * The Files tab through the API: organizers upload (a form, or the whole body), list and delete;
 * approved participants download the same bytes; visitors, outsiders and pending participants are
 * refused until the organizers open the files to everyone; a phase's hidden data is never listed or
 * reached; a 50 MiB file streams up and down intact.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CompetitionFilesIT {

  private static final Path WORK = Path.of("target/competition-files").toAbsolutePath();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podiumWithSettings();
  }

  @ArquillianResource URL base;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ApiClient.Created competition(ApiClient admin) {
    return admin.lineLengthCompetition(
        "Files " + UUID.randomUUID().toString().substring(0, 6), 30, 64);
  }

  private static String files(long competition) {
    return "competitions/" + competition + "/files";
  }

  /** A download, its body kept as bytes. */
  private HttpResponse<byte[]> download(ApiClient client, long competition, long file)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(base.toExternalForm()).resolve("api/" + files(competition) + "/" + file))
            .timeout(Duration.ofMinutes(2));
    if (client.authorization() != null) {
      request.header("Authorization", client.authorization());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void anOrganizersFileWithItsDescriptionIsDownloadedByAParticipantByteForByte() throws Exception {
    ApiClient admin = ApiClient.admin(base);
    ApiClient.Created a = competition(admin);
    byte[] kit = "print('hello')\n".repeat(100).getBytes(StandardCharsets.UTF_8);
    ApiClient.Reply uploaded =
        admin.postMultipart(
            files(a.competition()),
            Map.of("description", "The starting kit: run it with python3."),
            "starting kit ü.py",
            "text/x-python",
            kit);
    assertEquals(201, uploaded.status(), uploaded.body());
    JsonObject view = uploaded.json();
    long id = view.getJsonNumber("id").longValue();
    assertEquals("starting kit ü.py", view.getString("name"));
    assertEquals("The starting kit: run it with python3.", view.getString("description"));
    assertEquals(kit.length, view.getJsonNumber("bytes").longValue());
    assertEquals(LargeFiles.sha256(write("kit.py", kit)), view.getString("sha256"));
    assertTrue(view.getString("uploadedBy").length() > 0, view.toString());

    ApiClient.Reply raw =
        admin.post(
            files(a.competition()) + "?name=data.csv&description=" + enc("Public training data"),
            "text/csv",
            "id,value\n1,3\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(201, raw.status(), raw.body());
    long dataId = raw.json().getJsonNumber("id").longValue();

    ApiClient participant = new ApiClient(base).newParticipant(base, "files");
    participant.join(a.competition());
    ApiClient.Reply list = participant.get(files(a.competition()));
    assertEquals(200, list.status(), list.body());
    assertEquals(
        List.of("data.csv", "starting kit ü.py"),
        list.array().getValuesAs(JsonObject.class).stream().map(f -> f.getString("name")).toList(),
        "by name, and only the tab's files: never the phase's input or reference data");

    HttpResponse<byte[]> got = download(participant, a.competition(), id);
    assertEquals(200, got.statusCode());
    assertTrue(java.util.Arrays.equals(kit, got.body()), "the same bytes");
    assertEquals(
        "attachment; filename=\"starting kit _.py\"; filename*=UTF-8''starting%20kit%20%C3%BC.py",
        got.headers().firstValue("Content-Disposition").orElse(""));
    assertEquals("application/octet-stream", got.headers().firstValue("Content-Type").orElse(""));
    assertEquals(String.valueOf(kit.length), got.headers().firstValue("Content-Length").orElse(""));
    assertTrue(got.headers().firstValue("Repr-Digest").orElse("").startsWith("sha-256=:"));

    assertEquals(204, admin.delete(files(a.competition()) + "/" + dataId).status());
    assertEquals(1, participant.get(files(a.competition())).array().size());
    ApiClient.Reply gone = participant.get(files(a.competition()) + "/" + dataId);
    assertEquals(404, gone.status(), gone.body());
  }

  @Test
  void visitorsOutsidersAndPendingParticipantsAreRefusedUntilTheFilesAreOpenToEveryone()
      throws Exception {
    ApiClient admin = ApiClient.admin(base);
    long id =
        admin.createCompetition(
            Json.createObjectBuilder()
                .add("title", "Approval files " + UUID.randomUUID().toString().substring(0, 6))
                .add("published", true)
                .add("participation", "APPROVAL")
                .build());
    long file =
        admin
            .post(files(id) + "?name=kit.zip", "application/zip", new byte[] {1, 2, 3})
            .json()
            .getJsonNumber("id")
            .longValue();
    ApiClient visitor = new ApiClient(base);
    ApiClient outsider = new ApiClient(base).newParticipant(base, "outsider");
    ApiClient pending = new ApiClient(base).newParticipant(base, "pending");
    pending.join(id);

    ApiClient.Reply anonymous = visitor.get(files(id));
    assertEquals(401, anonymous.status(), anonymous.body());
    assertTrue(anonymous.body().contains("Sign in and join this competition"), anonymous.body());
    assertEquals(401, download(visitor, id, file).statusCode());
    ApiClient.Reply notJoined = outsider.get(files(id));
    assertEquals(403, notJoined.status(), notJoined.body());
    assertTrue(
        notJoined.body().contains("Join this competition to download its files."),
        notJoined.body());
    assertEquals(403, download(outsider, id, file).statusCode());
    ApiClient.Reply waiting = pending.get(files(id) + "/" + file);
    assertEquals(403, waiting.status(), waiting.body());
    assertTrue(waiting.body().contains("waits for an organizer's approval"), waiting.body());
    assertEquals(
        false, outsider.get(files(id) + "/access").json().getBoolean("allowed"), "says why not");

    ApiClient.Reply opened =
        admin.put(files(id) + "/access", Json.createObjectBuilder().add("everyone", true).build());
    assertEquals(200, opened.status(), opened.body());
    assertEquals(200, visitor.get(files(id)).status());
    HttpResponse<byte[]> got = download(visitor, id, file);
    assertEquals(200, got.statusCode());
    assertTrue(java.util.Arrays.equals(new byte[] {1, 2, 3}, got.body()));

    // an unpublished competition's files stay invisible, whatever their setting
    admin.put("competitions/" + id, Json.createObjectBuilder().add("published", false).build());
    assertEquals(404, visitor.get(files(id)).status());
    assertEquals(404, outsider.get(files(id) + "/" + file).status());
  }

  @Test
  void onlyOrganizersUploadAndDeleteAndBadNamesAreRefusedSayingWhatToChange() {
    ApiClient admin = ApiClient.admin(base);
    ApiClient.Created a = competition(admin);
    ApiClient.Created other = competition(admin);
    ApiClient participant = new ApiClient(base).newParticipant(base, "uploader");
    participant.join(a.competition());
    String path = files(a.competition());

    ApiClient.Reply notOrganizer = participant.post(path + "?name=x.txt", "text/plain", bytes("x"));
    assertEquals(403, notOrganizer.status(), notOrganizer.body());
    assertEquals(
        401, new ApiClient(base).post(path + "?name=x", "text/plain", bytes("x")).status());

    assertRefused(admin.post(path, "text/plain", bytes("x")), 400, "Name the file in the query");
    assertRefused(
        admin.post(
            path + "?name=" + enc("../../phases/1/reference/truth.csv"), "text/plain", bytes("x")),
        400,
        "may not contain / or \\");
    assertRefused(
        admin.post(path + "?name=" + enc("a\u0007b.txt"), "text/plain", bytes("x")),
        400,
        "control or invisible characters (U+0007 at position 2)");
    assertRefused(
        admin.post(path + "?name=" + enc("gpj\u202Eexe.txt"), "text/plain", bytes("x")),
        400,
        "U+202E");
    assertRefused(
        admin.post(path + "?name=" + "n".repeat(256), "text/plain", bytes("x")),
        400,
        "This file name is 256 characters long: shorten it to at most 255.");
    assertRefused(
        admin.post(path + "?name=..", "text/plain", bytes("x")), 400, "is not a file name");
    assertRefused(
        admin.post(path + "?name=ok.txt&description=" + "d".repeat(1001), "text/plain", bytes("x")),
        400,
        "shorten it to at most 1000");
    assertRefused(
        admin.postMultipart(path, Map.of(), "../evil.sh", "text/plain", bytes("x")),
        400,
        "without a folder");

    ApiClient.Reply first = admin.post(path + "?name=readme.txt", "text/plain", bytes("one"));
    assertEquals(201, first.status(), first.body());
    long id = first.json().getJsonNumber("id").longValue();
    assertRefused(
        admin.post(path + "?name=readme.txt", "text/plain", bytes("two")),
        409,
        "A file named \"readme.txt\" is already on the Files tab: delete it first");

    // another competition's address does not reach it
    assertEquals(404, admin.get(files(other.competition()) + "/" + id).status());
    assertEquals(404, admin.delete(files(other.competition()) + "/" + id).status());
    assertEquals(403, participant.delete(path + "/" + id).status());
    assertEquals(1, admin.get(path).array().size(), "nothing refused was stored");
    assertEquals(204, admin.delete(path + "/" + id).status());
    assertEquals(404, admin.delete(path + "/" + id).status());
  }

  @Test
  void theListIsPagedLikeEveryOther() {
    ApiClient admin = ApiClient.admin(base);
    ApiClient.Created a = competition(admin);
    for (int i = 1; i <= 3; i++) {
      admin.post(files(a.competition()) + "?name=f" + i + ".txt", "text/plain", bytes("" + i));
    }
    ApiClient.Reply page = admin.get(files(a.competition()) + "?page=2&size=2");
    assertEquals(200, page.status(), page.body());
    assertEquals(1, page.array().size());
    assertEquals("f3.txt", page.array().getJsonObject(0).getString("name"));
    assertRefused(admin.get(files(a.competition()) + "?size=0"), 400, "size");
  }

  @Test
  void aFiftyMebibyteFileStreamsUpAndDownIntactAsAFormAndAsTheWholeBody() throws Exception {
    ApiClient admin = ApiClient.admin(base);
    ApiClient.Created a = competition(admin);
    Files.createDirectories(WORK);
    Path large = WORK.resolve("large-" + UUID.randomUUID() + ".bin");
    Path back = WORK.resolve("back-" + UUID.randomUUID() + ".bin");
    try {
      String sha = LargeFiles.randomFile(large, 50 * MIB);
      ApiClient.Reply whole =
          admin.postFile(files(a.competition()) + "?name=image.tar", "application/x-tar", large);
      assertEquals(201, whole.status(), whole.body());
      assertEquals(sha, whole.json().getString("sha256"));
      assertEquals(50 * MIB, whole.json().getJsonNumber("bytes").longValue());
      ApiClient.Reply form =
          admin.postMultipartFile(
              files(a.competition()),
              Map.of("description", "the same, as a form"),
              "example-image.tar",
              "application/x-tar",
              large);
      assertEquals(201, form.status(), form.body());
      assertEquals(sha, form.json().getString("sha256"));

      for (JsonObject uploaded : List.of(whole.json(), form.json())) {
        HttpResponse<Path> got =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(base.toExternalForm())
                            .resolve(
                                "api/"
                                    + files(a.competition())
                                    + "/"
                                    + uploaded.getJsonNumber("id").longValue()))
                    .header("Authorization", admin.authorization())
                    .timeout(Duration.ofMinutes(2))
                    .build(),
                HttpResponse.BodyHandlers.ofFile(back));
        assertEquals(200, got.statusCode());
        assertEquals(50 * MIB, Files.size(back));
        assertEquals(sha, LargeFiles.sha256(back));
      }

      // over the limit: refused as it crosses it, naming the setting, and nothing stored
      ApiClient.setting(base, "podium.upload.max.mb", "1");
      try {
        ApiClient.Reply tooLarge =
            admin.postFile(files(a.competition()) + "?name=big.bin", "application/x-tar", large);
        assertEquals(413, tooLarge.status(), tooLarge.body());
        assertTrue(
            tooLarge
                .body()
                .contains(
                    "The file is larger than 1 MiB, the most Podium accepts: make it smaller, or"
                        + " ask the operator to raise PODIUM_UPLOAD_MAX_MB."),
            tooLarge.body());
      } finally {
        ApiClient.setting(base, "podium.upload.max.mb", null);
      }
      assertEquals(2, admin.get(files(a.competition())).array().size());
    } finally {
      Files.deleteIfExists(large);
      Files.deleteIfExists(back);
    }
  }

  private static void assertRefused(ApiClient.Reply reply, int status, String says) {
    assertEquals(status, reply.status(), reply.body());
    assertTrue(reply.contentType().startsWith("application/problem+json"), "a problem: " + reply);
    assertTrue(
        reply.json().getString("detail").contains(says), "says \"" + says + "\": " + reply.body());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Path write(String name, byte[] content) throws java.io.IOException {
    Files.createDirectories(WORK);
    Path file = WORK.resolve(UUID.randomUUID() + "-" + name);
    Files.write(file, content);
    return file;
  }
}
