package org.podium.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.podium.platform.problem.Problem;

/**
 * One intake for every boundary: the same fields give the same request from JSON, a form or query
 * string, the seed's query and the page's dialog; an image and a file never go together; bad fields
 * are refused by name with what to change.
 */
class SubmissionIntakeTest {

  private static final String LINE =
      "docker run -e MODE=fast -w /work --entrypoint /bin/sh team/model:1 -c 'run it'";

  @Test
  void jsonCarriesTheLineItsOptionsTheMetadataAndThePhase() {
    SubmissionRequest request =
        SubmissionIntake.ofJson(
            "{\"image\": \""
                + LINE.replace("\"", "\\\"")
                + "\", \"phaseId\": 7, \"teamName\": \"  Ada \", \"bibtex\": \"\"}");

    assertEquals(7L, request.phaseId());
    assertEquals("Ada", request.metadata().getTeamName());
    assertEquals(Map.of("Team", "Ada"), request.metadata().labelled());
    DockerRunLine.Parsed line = ((SubmissionRequest.ImageLine) request.entry()).line();
    assertEquals(Optional.of(List.of("/bin/sh")), line.entrypoint());
    assertEquals(Optional.of("/work"), line.workdir());
    assertEquals(List.of("-c", "run it"), line.command());
    assertEquals(Map.of("MODE", "fast"), line.env());
  }

  @Test
  void jsonCommandReplacesTheLinesArgumentsAndEnvIsAddedToTheLines() {
    SubmissionRequest request =
        SubmissionIntake.ofJson(
            "{\"image\": \"docker run -e A=1 -e B=2 team/model:1 old\","
                + " \"command\": [\"new\", \"args\"], \"env\": {\"B\": \"3\", \"C\": \"4\"}}");

    DockerRunLine.Parsed line = ((SubmissionRequest.ImageLine) request.entry()).line();
    assertEquals(List.of("new", "args"), line.command());
    assertEquals(Map.of("A", "1", "B", "3", "C", "4"), line.env());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"image\": \"team/model:1\", \"env\": {\"\": \"x\"}}",
        "{\"image\": \"team/model:1\", \"env\": {\"A=B\": \"x\"}}",
        "{\"image\": \"team/model:1\", \"env\": {\"BAD NAME\": \"x\"}}",
        "{\"image\": \"team/model:1\", \"env\": {\"NUL\": \"a\\u0000b\"}}",
        "{\"image\": \"team/model:1\", \"env\": {\"N\": 3}}",
        "{\"image\": \"team/model:1\", \"env\": [\"A=1\"]}"
      })
  void environmentTheEngineCouldNotSetIsRefusedAtSubmitNamingEnv(String json) {
    Problem refused = assertThrows(Problem.InvalidField.class, () -> SubmissionIntake.ofJson(json));
    assertTrue(refused.fieldErrors().containsKey("env"), refused.fieldErrors().toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"image\": 3}",
        "{\"image\": \"team/model:1\", \"teamName\": [\"x\"]}",
        "{\"image\": \"team/model:1\", \"phaseId\": \"seven\"}",
        "{\"image\": \"team/model:1\", \"command\": \"run\"}",
        "{\"image\": \"team/model:1\", \"command\": [1]}"
      })
  void fieldsOfTheWrongTypeAreRefusedByName(String json) {
    Problem refused = assertThrows(Problem.InvalidField.class, () -> SubmissionIntake.ofJson(json));
    assertEquals(1, refused.fieldErrors().size(), refused.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[]", "{", "null", "{\"teamName\": \"Ada\"}", "{\"image\": \" \"}"})
  void aBodyWithoutAnImageIsRefusedSayingWhatToSend(String json) {
    Problem refused = assertThrows(Problem.class, () -> SubmissionIntake.ofJson(json));
    assertTrue(
        refused instanceof Problem.BadRequest || refused instanceof Problem.InvalidField,
        refused.getClass().getName());
    assertTrue(refused.getMessage().contains("image"), refused.getMessage());
  }

  @Test
  void theSameMessageForNoImageFromJsonAFormAndTheDialog() {
    String fromJson = assertThrows(Problem.class, () -> SubmissionIntake.ofJson("{}")).getMessage();
    String fromForm =
        assertThrows(Problem.class, () -> SubmissionIntake.of(Map.of(), null)).getMessage();
    assertEquals(fromJson, fromForm);
  }

  @Test
  void anImageWithAFileIsRefusedWhicheverFileItIs() {
    for (SubmissionUpload.Kind kind : SubmissionUpload.Kind.values()) {
      SubmissionUpload file = new SubmissionUpload(kind, null);
      Problem refused =
          assertThrows(
              Problem.class, () -> SubmissionIntake.of(Map.of("image", "team/model:1"), file));
      assertTrue(
          refused.fieldErrors().get("image").contains("not both"),
          refused.fieldErrors().toString());
    }
  }

  @Test
  void aFileWithoutAnImageIsTheEntry() {
    SubmissionUpload file = new SubmissionUpload(SubmissionUpload.Kind.RESULTS, null);
    SubmissionRequest request =
        SubmissionIntake.of(Map.of("phaseId", " 12 ", "methodName", "m"), file);
    assertSame(file, request.entry());
    assertEquals(SubmissionKind.RESULTS, request.entry().submissionKind());
    assertEquals(12L, request.phaseId());
    assertEquals("m", request.metadata().getMethodName());
  }

  @Test
  void theSeedsNamesMapToTheSameFields() {
    Map<String, String> query = new HashMap<>();
    query.put("docker-run-command", "docker run --rm team/model:1");
    query.put("phase_id", "3");
    query.put("team_name", "Seeders");
    query.put("organization_or_affiliation", "Lab");
    query.put("method_name", "m");
    SubmissionRequest request =
        SubmissionIntake.of(SubmissionIntake.seedFields(query), null, SubmissionIntake.SEED_IMAGE);

    assertEquals(3L, request.phaseId());
    assertEquals(
        Map.of("Team", "Seeders", "Organization", "Lab", "Method", "m"),
        request.metadata().labelled());
    assertInstanceOf(SubmissionRequest.ImageLine.class, request.entry());
  }

  @Test
  void aRefusedSeedLineIsReportedUnderTheSeedsFieldName() {
    Problem refused =
        assertThrows(
            Problem.class,
            () ->
                SubmissionIntake.of(
                    SubmissionIntake.seedFields(
                        Map.of("docker-run-command", "docker run -v /:/host team/model:1")),
                    null,
                    SubmissionIntake.SEED_IMAGE));
    assertTrue(
        refused.fieldErrors().get("docker-run-command").contains("-v is not allowed"),
        refused.fieldErrors().toString());
  }

  @Test
  void metadataOverItsLimitIsRefusedNamingTheField() {
    Problem refused =
        assertThrows(
            Problem.class,
            () ->
                SubmissionIntake.of(
                    Map.of("image", "team/model:1", "teamName", "x".repeat(201)), null));
    assertEquals(
        "The team name is longer than 200 characters: shorten it.",
        refused.fieldErrors().get("teamName"));
    assertEquals(
        "The description is longer than 10,000 characters: shorten it.",
        assertThrows(
                Problem.class,
                () ->
                    SubmissionIntake.of(
                        Map.of("image", "team/model:1", "description", "x".repeat(10_001)), null))
            .fieldErrors()
            .get("description"));
    assertEquals(
        "The project URL is longer than 2,000 characters: shorten it.",
        assertThrows(
                Problem.class,
                () ->
                    SubmissionIntake.of(
                        Map.of("image", "team/model:1", "projectUrl", "x".repeat(2001)), null))
            .fieldErrors()
            .get("projectUrl"));
    assertNull(
        SubmissionIntake.of(Map.of("image", "team/model:1", "teamName", "   "), null)
            .metadata()
            .getTeamName());
  }

  @Test
  void aParticipantsRegistryLoginGoesWithTheImageForItsRegistry() {
    SubmissionRequest request =
        SubmissionIntake.ofJson(
            "{\"image\": \"docker run ghcr.io/team/model:1 go\", \"command\": [\"x\"],"
                + " \"registryUsername\": \"ada\", \"registryPassword\": \"tok:en\"}");

    var login = ((SubmissionRequest.ImageLine) request.entry()).login().orElseThrow();
    assertEquals("ghcr.io", login.registry());
    assertEquals("ada", login.username());
    assertEquals("tok:en", login.password());
    assertTrue(!request.toString().contains("tok:en"), request.toString());
  }

  @Test
  void aRegistryLoginIsBothFieldsOrNeitherAndNeverRepeatsThePassword() {
    Problem noUser =
        assertThrows(
            Problem.InvalidField.class,
            () ->
                SubmissionIntake.of(
                    Map.of("image", "team/model:1", "registryPassword", "pw-123"), null));
    Problem noPassword =
        assertThrows(
            Problem.InvalidField.class,
            () ->
                SubmissionIntake.of(
                    Map.of("image", "team/model:1", "registryUsername", "ada"), null));
    Problem colon =
        assertThrows(
            Problem.InvalidField.class,
            () ->
                SubmissionIntake.of(
                    Map.of(
                        "image", "team/model:1",
                        "registryUsername", "a:da",
                        "registryPassword", "pw-123"),
                    null));

    assertTrue(
        noUser.fieldErrors().containsKey("registryUsername"), noUser.fieldErrors().toString());
    assertTrue(
        noPassword.fieldErrors().containsKey("registryPassword"),
        noPassword.fieldErrors().toString());
    assertTrue(colon.fieldErrors().containsKey("registryUsername"), colon.fieldErrors().toString());
    assertTrue(!noUser.getMessage().contains("pw-123") && !colon.getMessage().contains("pw-123"));
  }
}
