package org.podium.submission;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.podium.compute.DockerEngine;
import org.podium.testing.ApiClient;
import org.podium.testing.Browser;
import org.podium.testing.CraftedArchives;
import org.podium.testing.Deployments;
import org.podium.testing.DockerRequirement;
import org.podium.testing.LocalRegistry;
import org.podium.testing.RegistryImages;

/**
 * Other people's images and credentials, on the real path: the operator's registry credentials (the
 * test servers' auth file signs in to the registry that asks for a login) never pull a
 * participant's reference; a participant's own do, and are never shown back; references to the
 * operator's own network are refused at submit unless listed; a failed pull tells the participant
 * nothing of what the engine saw.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ParticipantImagesIT {

  /** What the test servers list (arquillian.xml, the Payara domain's properties). */
  private static final String LISTED = "127.0.0.1:5000,127.0.0.1:5001";

  private static final String GENERIC =
      "The image could not be pulled: check the reference and that the registry is reachable and"
          + " public, or give credentials.";

  static LocalRegistry registry;
  static DockerEngine engine;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podiumWithSettings();
  }

  @ArquillianResource URL base;

  @BeforeAll
  static void privateImage() throws Exception {
    DockerRequirement.engine();
    engine = new DockerEngine(DockerRequirement.settings());
    registry = LocalRegistry.startWithLogin();
    RegistryImages.pushPrivate(engine.calls());
  }

  @AfterAll
  static void stop() throws Exception {
    if (registry != null) {
      registry.close();
    }
    if (engine != null) {
      engine.close();
    }
  }

  private record Setup(ApiClient participant, long competitionId) {
    String submissions() {
      return "competitions/" + competitionId + "/submissions";
    }
  }

  private Setup competition() {
    ApiClient admin = ApiClient.admin(base);
    long id =
        admin.createCompetition(
            Json.createObjectBuilder()
                .add("title", "Private images")
                .add("published", true)
                .add("enableDockerSubmission", true)
                .add("participation", "AUTO")
                .build());
    long phaseId =
        admin.addPhase(
            id,
            Json.createObjectBuilder()
                .add("name", "Development")
                .add("executionTimeLimitSeconds", 30)
                .add("memoryMb", 128)
                .add("cpus", 1)
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .build());
    admin.uploadData(id, phaseId, false, Map.of("data.txt", "abc\nhello\n"));
    admin.uploadData(id, phaseId, true, Map.of("truth.csv", "id,value\n1,3\n2,4\n"));
    ApiClient participant = new ApiClient(base).newParticipant(base, "pia");
    participant.join(id);
    return new Setup(participant, id);
  }

  private JsonObject awaitEnd(ApiClient client, long submissionId) {
    JsonObject[] last = new JsonObject[1];
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              last[0] = client.get("submissions/" + submissionId).json();
              String status = last[0].getString("status");
              return status.equals("FINISHED")
                  || status.equals("FAILED")
                  || status.equals("CANCELLED");
            });
    return last[0];
  }

  @Test
  void aPrivateImageIsPulledWithTheParticipantsOwnLoginNeverTheOperators() {
    Setup setup = competition();

    ApiClient.Reply anonymous =
        setup
            .participant()
            .post(
                setup.submissions(),
                Json.createObjectBuilder().add("image", RegistryImages.PRIVATE_EXAMPLE).build());
    ApiClient.Reply signedIn =
        setup
            .participant()
            .post(
                setup.submissions(),
                Json.createObjectBuilder()
                    .add("image", RegistryImages.PRIVATE_EXAMPLE)
                    .add("registryUsername", LocalRegistry.LOGIN_USER)
                    .add("registryPassword", LocalRegistry.LOGIN_PASSWORD)
                    .build());
    assertEquals(201, anonymous.status(), anonymous.body());
    assertEquals(201, signedIn.status(), signedIn.body());
    JsonObject withoutLogin =
        awaitEnd(setup.participant(), anonymous.json().getJsonNumber("id").longValue());
    long id = signedIn.json().getJsonNumber("id").longValue();
    String stored = registryLogin(id);
    JsonObject withLogin = awaitEnd(setup.participant(), id);

    // The operator's auth file signs in to this registry: a participant's reference still fails.
    assertEquals("FAILED", withoutLogin.getString("status"), withoutLogin.toString());
    assertEquals("IMAGE_UNAVAILABLE", withoutLogin.getString("outcome"), withoutLogin.toString());
    assertEquals(GENERIC, withoutLogin.getString("detail"), withoutLogin.toString());
    assertEquals("FINISHED", withLogin.getString("status"), withLogin.toString());
    // Sealed while it waited or ran (unless it ended before the look), erased once it ended.
    assertTrue(
        stored == null
            || (stored.startsWith("v1:") && !stored.contains(LocalRegistry.LOGIN_PASSWORD)),
        stored);
    assertEquals(null, registryLogin(id));
    for (String path :
        new String[] {
          "submissions/" + id, "submissions/" + id + "/limits", setup.submissions(),
        }) {
      ApiClient.Reply reply = setup.participant().get(path);
      assertFalse(reply.body().contains(LocalRegistry.LOGIN_PASSWORD), path + ": " + reply.body());
    }
    assertFalse(signedIn.body().contains(LocalRegistry.LOGIN_PASSWORD), signedIn.body());
    ApiClient.Reply organizers = ApiClient.admin(base).get("submissions/" + id);
    assertFalse(organizers.body().contains(LocalRegistry.LOGIN_PASSWORD), organizers.body());
  }

  /**
   * A registry on this machine is refused at submit unless listed; listed, a pull that fails there
   * tells the participant nothing of what the engine saw (refused, timed out, what answered).
   */
  @Test
  void aReferenceToTheOperatorsOwnNetworkIsRefusedUnlessListedAndItsPullErrorsAreNotEchoed() {
    Setup setup = competition();
    JsonObject closedPort =
        Json.createObjectBuilder().add("image", "127.0.0.1:5999/probe:1").build();

    ApiClient.Reply refused = setup.participant().post(setup.submissions(), closedPort);
    ApiClient.Reply accepted = null;
    JsonObject retrying;
    try {
      ApiClient.setting(base, "podium.private.registries", LISTED + ",127.0.0.1:5999");
      accepted = setup.participant().post(setup.submissions(), closedPort);
      assertEquals(201, accepted.status(), accepted.body());
      long id = accepted.json().getJsonNumber("id").longValue();
      JsonObject[] last = new JsonObject[1];
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                last[0] = setup.participant().get("submissions/" + id).json();
                return last[0].getString("detail", "").contains("retrying")
                    || last[0].getString("status").equals("FAILED");
              });
      retrying = last[0];
    } finally {
      ApiClient.setting(base, "podium.private.registries", LISTED);
      if (accepted != null && accepted.status() == 201) {
        setup
            .participant()
            .post(
                "submissions/" + accepted.json().getJsonNumber("id").longValue() + "/cancel",
                Json.createObjectBuilder().build());
      }
    }

    assertEquals(400, refused.status(), refused.body());
    String why = refused.json().getJsonObject("errors").getString("image");
    assertTrue(
        why.contains("127.0.0.1:5999") && why.contains("127.0.0.1:5000"),
        "names the registry and what the operator allows: " + why);
    assertTrue(retrying.getString("detail").endsWith(GENERIC), retrying.toString());
    assertFalse(retrying.getString("detail").contains("connection refused"), retrying.toString());
  }

  /**
   * An archive whose layer holds a sparse file claiming 9 GiB (a few hundred bytes uploaded) is
   * refused by what it would unpack to, and leaves nothing on the server's disk.
   */
  @Test
  void anArchiveRefusedForWhatItUnpacksToLeavesNothingOnDisk() throws Exception {
    Setup setup = competition();
    Path data = Path.of(System.getProperty("podium.it.home")).resolve("data");
    byte[] archive =
        CraftedArchives.image(CraftedArchives.sparseTar("zeros", 9L * 1024 * 1024 * 1024))
            .readAllBytes();
    Set<Path> before = files(data);

    ApiClient.Reply refused =
        setup
            .participant()
            .postMultipart(
                setup.submissions(), Map.of(), "image.tar", "application/x-tar", archive);

    assertEquals(400, refused.status(), refused.body());
    String why = refused.json().getJsonObject("errors").getString("file");
    assertTrue(why.startsWith("The image unpacks to more than"), why);
    assertEquals(before, files(data), "nothing new under " + data);
  }

  private static Set<Path> files(Path data) throws IOException {
    if (!Files.exists(data)) {
      return Set.of();
    }
    try (Stream<Path> paths = Files.walk(data)) {
      return paths
          .filter(path -> Files.isRegularFile(path) && !path.startsWith(data.resolve("phases")))
          .collect(Collectors.toSet());
    }
  }

  /** The "Submit Docker" dialog takes the same sign-in, and no page shows it back. */
  @Test
  void theDialogTakesAPrivateImagesSignInAndNoPageShowsItBack() {
    Setup setup = competition();
    ApiClient.Person person = new ApiClient(base).register(base, "dialog");
    person.client().join(setup.competitionId());
    try (Browser browser = Browser.open("private-image")) {
      WebDriver page = browser.driver();
      browser.signIn(base, person.username(), person.password());
      page.get(base + "competition.xhtml?id=" + setup.competitionId() + "&tab=participate");
      page.findElement(By.id("submit-docker")).click();
      WebElement image = page.findElement(By.id("docker:image"));
      await().atMost(Duration.ofSeconds(5)).until(image::isDisplayed);
      image.sendKeys(RegistryImages.PRIVATE_EXAMPLE);
      page.findElement(By.cssSelector("#registryLogin summary")).click();
      page.findElement(By.id("docker:registryUsername")).sendKeys(LocalRegistry.LOGIN_USER);
      page.findElement(By.id("docker:registryPassword")).sendKeys(LocalRegistry.LOGIN_PASSWORD);
      browser.screenshot("private-image-sign-in");
      browser.clickAndWait(By.id("docker:send"));

      long id =
          await()
              .atMost(Duration.ofSeconds(15))
              .until(
                  () -> person.client().get(setup.submissions()).array(), list -> !list.isEmpty())
              .getJsonObject(0)
              .getJsonNumber("id")
              .longValue();
      JsonObject ended = awaitEnd(person.client(), id);
      page.get(base + "submission.xhtml?id=" + id);

      assertEquals("FINISHED", ended.getString("status"), ended.toString());
      assertFalse(page.getPageSource().contains(LocalRegistry.LOGIN_PASSWORD));
    }
  }

  /** The submission's stored registry login, read from the server's database. */
  private static String registryLogin(long submissionId) {
    try (Connection db =
            DriverManager.getConnection(
                System.getProperty("podium.db.url"),
                System.getProperty("podium.db.user"),
                System.getProperty("podium.db.password"));
        PreparedStatement select =
            db.prepareStatement("select registry_login from submission where id = ?")) {
      select.setLong(1, submissionId);
      try (ResultSet row = select.executeQuery()) {
        assertTrue(row.next(), "submission " + submissionId + " is in the database");
        return row.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
