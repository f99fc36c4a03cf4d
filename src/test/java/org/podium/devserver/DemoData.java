package org.podium.devserver;

import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.podium.account.BootstrapCredentials;
import org.podium.testing.ApiClient;

/**
 * The run command's first-start demo, made through the REST API like any organizer would: a
 * published competition that accepts Docker submissions, one open phase scored by MAE with small
 * input and reference data, and a demo participant who has joined it.
 */
final class DemoData {

  static final String MARKER = "demo-seeded";
  static final String PARTICIPANT_FILE = "demo-participant.properties";

  private DemoData() {}

  /** Seeds once per PODIUM_HOME; returns the demo participant's credentials. */
  static BootstrapCredentials seed(URL base, Path home) {
    Path marker = home.resolve(MARKER);
    Path participantHome = home.resolve("demo");
    if (Files.exists(marker)) {
      return BootstrapCredentials.read(participantHome).orElseThrow();
    }
    ApiClient organizer = ApiClient.admin(base, home);
    long competition =
        organizer.createCompetition(
            Json.createObjectBuilder()
                .add("title", "Demo: predict line lengths")
                .add(
                    "description",
                    "Read /mnt/in/data.txt and write /mnt/out/predictions.csv with one id,value row per line"
                        + " (ids count lines from 1, values are the line's length). Scored by mean absolute error.")
                .add("published", true)
                .add("enableDockerSubmission", true)
                .add("participation", "AUTO")
                // its input data is no secret (three lines, in the description): logs help
                .add("participantsSeeLogs", true)
                .build());
    long phase =
        organizer.addPhase(
            competition,
            Json.createObjectBuilder()
                .add("name", "Development")
                .add("executionTimeLimitSeconds", 120)
                .add("maxSubmissionsPerDay", 20)
                .add("memoryMb", 256)
                .add("cpus", 1)
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .build());
    organizer.uploadData(
        competition, phase, false, Map.of("data.txt", "podium\nruns\nyour image\n"));
    organizer.uploadData(
        competition, phase, true, Map.of("truth.csv", "id,value\n1,6\n2,4\n3,10\n"));

    BootstrapCredentials participant =
        BootstrapCredentials.readOrCreate(
            participantHome, "demo", java.util.Optional.of("demo-" + UUID.randomUUID()));
    new ApiClient(base)
        .post(
            "accounts",
            Json.createObjectBuilder()
                .add("username", participant.username())
                .add("email", "demo@localhost")
                .add("password", participant.password())
                .build());
    ApiClient.basic(base, participant.username(), participant.password())
        .tokenClient()
        .join(competition);
    try {
      Files.writeString(marker, "competition " + competition + ", phase " + phase + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return participant;
  }
}
