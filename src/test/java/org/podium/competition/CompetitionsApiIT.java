package org.podium.competition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.podium.testing.ApiClient;
import org.podium.testing.Deployments;
import org.podium.testing.Zips;

/** Organizers create competitions and phases and upload data; participants join. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CompetitionsApiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  @Test
  void organizerCreatesACompetitionWithAPhaseAndDataAndAParticipantJoinsOnApproval() {
    ApiClient admin = ApiClient.admin(base);
    JsonObject competition =
        admin
            .post(
                "competitions",
                Json.createObjectBuilder()
                    .add("title", "Line lengths")
                    .add("description", "Predict them")
                    .add("published", false)
                    .add("enableDockerSubmission", true)
                    .add("participation", "APPROVAL")
                    .build())
            .json();
    long id = competition.getJsonNumber("id").longValue();
    assertEquals(true, competition.getBoolean("enableDockerSubmission"));

    ApiClient.Reply phase =
        admin.post(
            "competitions/" + id + "/phases",
            Json.createObjectBuilder()
                .add("name", "Development")
                .add("executionTimeLimitSeconds", 60)
                .add("maxSubmissionsPerDay", 5)
                .add("memoryMb", 256)
                .add("cpus", 1)
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .build());
    assertEquals(201, phase.status(), phase.body());
    long phaseId = phase.json().getJsonNumber("id").longValue();
    assertEquals("mae", phase.json().getJsonArray("columns").getJsonObject(0).getString("key"));
    assertEquals("asc", phase.json().getJsonArray("columns").getJsonObject(0).getString("sort"));

    assertEquals(
        204,
        admin
            .put(
                "competitions/" + id + "/phases/" + phaseId + "/input-data",
                "application/zip",
                Zips.of(Map.of("data.txt", "abc\nhello\n")))
            .status());
    assertEquals(
        204,
        admin
            .put(
                "competitions/" + id + "/phases/" + phaseId + "/reference-data",
                "application/zip",
                Zips.of(Map.of("truth.csv", "1,3\n2,5\n")))
            .status());
    JsonObject stored =
        admin.get("competitions/" + id).json().getJsonArray("phases").getJsonObject(0);
    assertEquals(10, stored.getJsonNumber("inputDataBytes").longValue());

    ApiClient participant = new ApiClient(base).newParticipant(base, "grace");
    assertEquals(404, participant.get("competitions/" + id).status(), "unpublished: invisible");
    admin.put("competitions/" + id, Json.createObjectBuilder().add("published", true).build());
    ApiClient.Reply joined =
        participant.post("competitions/" + id + "/participants", (jakarta.json.JsonStructure) null);
    assertEquals(201, joined.status(), joined.body());
    assertEquals("PENDING", joined.json().getString("status"));

    String username = participant.get("accounts/me").json().getString("username");
    ApiClient.Reply approved =
        admin.put(
            "competitions/" + id + "/participants/" + username,
            Json.createObjectBuilder().add("status", "APPROVED").build());
    assertEquals("APPROVED", approved.json().getString("status"));
    assertEquals(
        403,
        participant
            .put("competitions/" + id, Json.createObjectBuilder().add("title", "mine").build())
            .status());

    ApiClient.Reply notAnOrganizer =
        admin.put(
            "competitions/" + id,
            Json.createObjectBuilder()
                .add("organizers", Json.createArrayBuilder().add("admin").add(username))
                .build());
    assertEquals(400, notAnOrganizer.status());
    assertEquals(
        username
            + " does not have the organizer role: remove them, or ask an administrator to give it"
            + " to them.",
        notAnOrganizer.json().getJsonObject("errors").getString("organizers"));
  }

  /**
   * The view is read with its organizers, phases and columns joined (issue 14): each phase once and
   * in order, each column once and in order, whatever the number of organizers and their roles.
   */
  @Test
  void aCompetitionWithSeveralOrganizersAndPhasesShowsEachOnceInOrder() {
    ApiClient admin = ApiClient.admin(base);
    List<String> organizers = new ArrayList<>(List.of("admin"));
    for (int i = 0; i < 2; i++) {
      ApiClient.Person person = new ApiClient(base).register(base, "co-org");
      assertEquals(
          200,
          admin
              .put(
                  "accounts/" + person.username() + "/roles",
                  Json.createObjectBuilder()
                      .add("roles", Json.createArrayBuilder().add("ORGANIZER").add("PARTICIPANT"))
                      .build())
              .status());
      organizers.add(person.username());
    }
    long id =
        admin.createCompetition(
            Json.createObjectBuilder().add("title", "Joined view").add("published", true).build());
    List<String> phases = List.of("Warm-up", "Development", "Final");
    for (String name : phases) {
      admin.addPhase(
          id,
          Json.createObjectBuilder()
              .add("name", name)
              .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
              .add(
                  "columns",
                  Json.createArrayBuilder()
                      .add(Json.createObjectBuilder().add("key", "mae").add("primary", true))
                      .add(Json.createObjectBuilder().add("key", "rmse"))
                      .add(Json.createObjectBuilder().add("key", "seconds")))
              .build());
    }
    JsonArrayBuilder names = Json.createArrayBuilder();
    organizers.forEach(names::add);
    ApiClient.Reply updated =
        admin.put(
            "competitions/" + id,
            Json.createObjectBuilder()
                .add("title", "Joined view")
                .add("published", true)
                .add("organizers", names)
                .build());
    assertEquals(200, updated.status(), updated.body());

    for (ApiClient reader : List.of(new ApiClient(base), admin)) {
      JsonObject view = reader.get("competitions/" + id).json();
      assertEquals(
          organizers.stream().sorted().toList(),
          view.getJsonArray("organizers").getValuesAs(JsonString.class).stream()
              .map(JsonString::getString)
              .toList());
      List<JsonObject> shown = view.getJsonArray("phases").getValuesAs(JsonObject.class);
      assertEquals(phases, shown.stream().map(p -> p.getString("name")).toList(), view.toString());
      for (JsonObject phase : shown) {
        assertEquals(
            List.of("mae", "rmse", "seconds"),
            phase.getJsonArray("columns").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("key"))
                .toList(),
            phase.toString());
      }
    }
  }

  @Test
  void participantCannotCreateCompetitionsAndBadRequestsSayWhatToFix() {
    ApiClient participant = new ApiClient(base).newParticipant(base, "eve");
    assertEquals(
        403,
        participant
            .post("competitions", Json.createObjectBuilder().add("title", "x").build())
            .status());

    ApiClient admin = ApiClient.admin(base);
    long id =
        admin
            .post("competitions", Json.createObjectBuilder().add("title", "Bad phases").build())
            .json()
            .getJsonNumber("id")
            .longValue();
    ApiClient.Reply noScoring =
        admin.post(
            "competitions/" + id + "/phases", Json.createObjectBuilder().add("name", "P").build());
    assertEquals(400, noScoring.status());
    assertEquals("application/problem+json", noScoring.contentType());
    assertEquals(
        "Choose a built-in metric or a scoring container (an image and its command).",
        noScoring.json().getJsonObject("errors").getString("scoring"));

    long phaseId =
        admin
            .post(
                "competitions/" + id + "/phases",
                Json.createObjectBuilder()
                    .add("name", "P")
                    .add("scoring", Json.createObjectBuilder().add("metric", "accuracy"))
                    .build())
            .json()
            .getJsonNumber("id")
            .longValue();
    ApiClient.Reply traversal =
        admin.put(
            "competitions/" + id + "/phases/" + phaseId + "/input-data",
            "application/zip",
            Zips.of(Map.of("../evil.txt", "x")));
    assertEquals(400, traversal.status());
    assertEquals(
        "The zip contains a name Podium does not unpack (../evil.txt): rename or remove it.",
        traversal.json().getJsonObject("errors").getString("file"));
    assertEquals(
        "file: The zip contains a name Podium does not unpack (../evil.txt): rename or remove it.",
        traversal.json().getString("detail"));
  }

  @Test
  void organizerChangesAPhaseAndEveryFieldIsChecked() {
    ApiClient admin = ApiClient.admin(base);
    long id = admin.createCompetition(Json.createObjectBuilder().add("title", "Changing").build());
    long phase =
        admin.addPhase(
            id,
            Json.createObjectBuilder()
                .add("name", "Development")
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .build());
    ApiClient.Reply changed =
        admin.put(
            "competitions/" + id + "/phases/" + phase,
            Json.createObjectBuilder()
                .add("name", "Final")
                .add("closesAt", "2099-01-01T00:00:00Z")
                .add("executionTimeLimitSeconds", 30)
                .add("maxSubmissions", 3)
                .add("memoryMb", 512)
                .add("cpus", 2.5)
                .add("gpus", 1)
                .add(
                    "scoring",
                    Json.createObjectBuilder()
                        .add("image", "127.0.0.1:5000/scorer:1")
                        .add("command", "score")
                        .add("layout", "codabench"))
                .add(
                    "columns",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("key", "f1")
                                .add("sort", "desc")
                                .add("decimals", 2)
                                .add("primary", true)))
                .build());
    assertEquals(200, changed.status(), changed.body());
    JsonObject view = changed.json();
    assertEquals("Final", view.getString("name"));
    assertEquals("2099-01-01T00:00:00Z", view.getString("closesAt"));
    assertEquals(30, view.getInt("executionTimeLimitSeconds"));
    assertEquals(3, view.getInt("maxSubmissions"));
    assertEquals(2.5, view.getJsonNumber("cpus").doubleValue());
    assertEquals(1, view.getInt("gpus"));
    assertEquals("127.0.0.1:5000/scorer:1", view.getString("scoringImage"));
    assertEquals("score", view.getString("scoringCommand"));
    assertEquals("codabench", view.getString("scoringLayout"));
    assertEquals("f1", view.getJsonArray("columns").getJsonObject(0).getString("key"));
    assertEquals(false, view.containsKey("metric"), "a scoring image replaced the metric");

    for (var bad :
        Map.of(
                "cpus", Json.createValue(0),
                "memoryMb", Json.createValue(8),
                "executionTimeLimitSeconds", Json.createValue(0),
                "gpus", Json.createValue(-1),
                "maxSubmissionsPerDay", Json.createValue(0))
            .entrySet()) {
      ApiClient.Reply refused =
          admin.put(
              "competitions/" + id + "/phases/" + phase,
              Json.createObjectBuilder()
                  .add("name", "Final")
                  .add(bad.getKey(), bad.getValue())
                  .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                  .build());
      assertEquals(400, refused.status(), bad.getKey());
      assertEquals(
          true, refused.json().getJsonObject("errors").containsKey(bad.getKey()), refused.body());
    }
    ApiClient.Reply after = admin.get("competitions/" + id);
    assertEquals(
        "Final",
        after.json().getJsonArray("phases").getJsonObject(0).getString("name"),
        "a refused change leaves the phase as it was");
    assertEquals(512, after.json().getJsonArray("phases").getJsonObject(0).getInt("memoryMb"));
  }
}
