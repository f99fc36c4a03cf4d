package org.podium.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
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

/**
 * An organizer's re-run is never charged to the participant's quota (before, the copy was submitted
 * "now" and counted like the participant's own submission): results uploads, so no Docker engine is
 * needed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RerunQuotaIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  private record Setup(ApiClient admin, ApiClient participant, long competitionId) {
    String submissions() {
      return "competitions/" + competitionId + "/submissions";
    }
  }

  /**
   * A published MAE competition taking results uploads, {@code perDay} a day, and a participant.
   */
  private Setup competition(int perDay) {
    ApiClient admin = ApiClient.admin(base);
    long id =
        admin.createCompetition(
            Json.createObjectBuilder()
                .add("title", "Re-runs")
                .add("published", true)
                .add("participation", "AUTO")
                .build());
    long phase =
        admin.addPhase(
            id,
            Json.createObjectBuilder()
                .add("name", "P")
                .add("maxSubmissionsPerDay", perDay)
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .build());
    admin.uploadData(id, phase, true, Map.of("truth.csv", "id,value\n1,3\n2,4\n"));
    ApiClient participant = new ApiClient(base).newParticipant(base, "rerun");
    participant.join(id);
    return new Setup(admin, participant, id);
  }

  private static ApiClient.Reply upload(Setup setup) {
    return setup
        .participant()
        .post(
            setup.submissions(),
            "application/zip",
            Zips.of(Map.of("predictions.csv", "1,3\n2,4\n")));
  }

  private static JsonObject rerun(Setup setup, long id) {
    ApiClient.Reply again =
        setup.admin().post("submissions/" + id + "/rerun", (JsonStructure) null);
    assertEquals(201, again.status(), again.body());
    return again.json();
  }

  @Test
  void aParticipantAtQuotaIsReRunByTheOrganizerAndStillCannotSubmit() {
    Setup setup = competition(1);
    ApiClient.Reply own = upload(setup);
    assertEquals(201, own.status(), own.body());
    long id = own.json().getJsonNumber("id").longValue();

    JsonObject again = rerun(setup, id);

    assertEquals(id, again.getJsonNumber("rerunOf").longValue());
    Instant submitted = Instant.parse(again.getString("submittedAt"));
    assertTrue(
        submitted.isAfter(Instant.parse(own.json().getString("submittedAt")))
            && submitted.isAfter(Instant.now().minus(Duration.ofMinutes(1))),
        "a re-run shows the real time it was made: " + again);
    ApiClient.Reply refused = upload(setup);
    assertEquals(429, refused.status(), "the participant's own submission used the day's one");
  }

  @Test
  void aReRunLeavesTheParticipantsOwnSubmissionsOfTheDay() {
    Setup setup = competition(2);
    long id = upload(setup).json().getJsonNumber("id").longValue();
    rerun(setup, id);
    rerun(setup, id);

    assertEquals(201, upload(setup).status(), "two re-runs take none of the day's two");
    assertEquals(429, upload(setup).status());
  }

  /**
   * A participant at yesterday's quota, whose submission the organizer re-runs today, submits
   * today: the day's quota came back at midnight and the re-run does not take it again.
   */
  @Test
  void aSubmissionReRunAfterTheWindowResetDoesNotUseTheNewWindow() throws Exception {
    Setup setup = competition(1);
    long id = upload(setup).json().getJsonNumber("id").longValue();
    moveToYesterday(id);
    rerun(setup, id);

    ApiClient.Reply today = upload(setup);
    assertEquals(201, today.status(), today.body());
  }

  /** As if the submission had been made a day earlier (the quota's window is the UTC day). */
  private static void moveToYesterday(long id) throws Exception {
    try (Connection db =
            DriverManager.getConnection(
                System.getProperty("podium.db.url"),
                System.getProperty("podium.db.user"),
                System.getProperty("podium.db.password"));
        PreparedStatement update =
            db.prepareStatement(
                "update submission set submitted_at = submitted_at - interval '1 day' where id = ?")) {
      update.setLong(1, id);
      assertEquals(1, update.executeUpdate());
    }
  }
}
