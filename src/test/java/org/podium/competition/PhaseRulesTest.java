package org.podium.competition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.podium.competition.CompetitionRequests.ColumnRequest;
import org.podium.competition.CompetitionRequests.PhaseRequest;
import org.podium.competition.CompetitionRequests.ScoringRequest;
import org.podium.compute.RunSpec;
import org.podium.platform.problem.Checks;
import org.podium.platform.problem.Problem;

/**
 * A phase's rules without a server: the defaults, each limit refused by its field with what to
 * change (the constraints declared once, on {@link PhaseSettings} and the request records, checked
 * by Hibernate Validator as the servers do), and the scoring layouts.
 */
class PhaseRulesTest {

  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void validator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  private static Map<String, String> errors(Object value) {
    Problem refusal = Checks.refusal(validator.validate(value));
    if (refusal == null) {
      return Map.of();
    }
    assertInstanceOf(Problem.InvalidField.class, refusal);
    return refusal.fieldErrors();
  }

  @Test
  void whatARequestLeavesOutIsTheDefault() {
    PhaseSettings settings = PhaseSettings.of(null, null, null, null, null, null);
    assertEquals(PhaseSettings.DEFAULTS, settings);
    assertEquals(600, settings.executionTimeLimitSeconds());
    assertEquals(2048, settings.memoryMb());
    assertEquals(BigDecimal.ONE, settings.cpus());
    assertEquals(0, settings.gpus());
    assertNull(settings.maxSubmissions());
    assertEquals(Map.of(), errors(settings));
    assertEquals(Map.of(), errors(PhaseSettings.of(604800, 1, 1, 16, new BigDecimal("256"), 8)));
  }

  @Test
  void eachLimitOutOfRangeIsRefusedByItsField() {
    assertEquals(
        Map.of("executionTimeLimitSeconds", "The time limit must be at least 1 second."),
        errors(PhaseSettings.of(0, null, null, null, null, null)));
    assertEquals(
        Map.of(
            "executionTimeLimitSeconds",
            "The time limit can be at most 604,800 seconds (7 days): lower it."),
        errors(PhaseSettings.of(604801, null, null, null, null, null)));
    assertEquals(
        Map.of("maxSubmissions", "Give a quota of at least 1, or leave it empty for no limit."),
        errors(PhaseSettings.of(null, 0, null, null, null, null)));
    assertEquals(
        Map.of(
            "maxSubmissionsPerDay", "Give a quota of at least 1, or leave it empty for no limit."),
        errors(PhaseSettings.of(null, null, -1, null, null, null)));
    assertEquals(
        Map.of("memoryMb", "Give the runs at least 16 MiB of memory."),
        errors(PhaseSettings.of(null, null, null, 8, null, null)));
    assertEquals(
        Map.of("cpus", "Give the runs more than 0 CPUs, such as 1.5."),
        errors(PhaseSettings.of(null, null, null, null, BigDecimal.ZERO, null)));
    assertEquals(
        Map.of("cpus", "Give the runs at most 256 CPUs."),
        errors(PhaseSettings.of(null, null, null, null, new BigDecimal("256.5"), null)));
    // numeric(5,2) would store 0.001 as 0.00, which the database refuses: refused here instead.
    assertEquals(
        Map.of("cpus", "Give CPUs with at most two decimals, such as 1.25."),
        errors(PhaseSettings.of(null, null, null, null, new BigDecimal("0.001"), null)));
    assertEquals(
        Map.of("gpus", "Give 0 GPUs or more."),
        errors(PhaseSettings.of(null, null, null, null, null, -1)));
  }

  @Test
  void theRequestsOtherRulesNameTheirFieldsAsTheApiDoes() {
    PhaseRequest bad =
        new PhaseRequest(
            " ",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new ScoringRequest(null, "x".repeat(256), null, null),
            List.of(new ColumnRequest("", null, null, 11, true)),
            "../truth.csv",
            ".hidden",
            null,
            21);
    Map<String, String> errors = errors(bad);
    assertEquals("Give the phase a name.", errors.get("name"));
    assertEquals(
        "The scoring image is longer than 255 characters: shorten it.",
        errors.get("scoring.image"));
    assertEquals(
        "Every column needs a key: the name the scoring program writes.",
        errors.get("columns.key"));
    assertEquals(
        "Give a column's decimals as a number from 0 to 10.", errors.get("columns.decimals"));
    assertEquals(CompetitionRequests.FILE_NAME_MESSAGE, errors.get("predictionsFile"));
    assertEquals(CompetitionRequests.FILE_NAME_MESSAGE, errors.get("truthFile"));
    assertEquals(
        "Give a number of final submissions from 1 to 20.", errors.get("finalSubmissions"));
    assertEquals(7, errors.size(), errors.toString());
    assertEquals(
        Map.of(
            "scoring",
            "Choose a built-in metric or a scoring container (an image and its command)."),
        errors(
            new PhaseRequest(
                "P", null, null, null, null, null, null, null, null, null, null, null, null, null,
                null)));
  }

  @Test
  void columnKeysAndLabelsAreHeldToTheirDatabaseColumnsOf100Characters() {
    Map<String, String> errors =
        errors(
            new PhaseRequest(
                "P",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                new ScoringRequest(null, "scorer:1", "x".repeat(2001), null),
                List.of(new ColumnRequest("k".repeat(101), "l".repeat(101), null, 4, true)),
                null,
                null,
                null,
                null));
    assertEquals(
        "A column's key has at most 100 characters: shorten it.", errors.get("columns.key"));
    assertEquals(
        "A column's label has at most 100 characters: shorten it.", errors.get("columns.label"));
    assertEquals(
        "The scoring command is longer than 2,000 characters: shorten it.",
        errors.get("scoring.command"));
    assertEquals(3, errors.size(), errors.toString());
  }

  @Test
  void scoringLayoutsAreCodaLabsByDefaultOrCodabenchsAndNothingElse() {
    assertEquals(ScoringLayout.CODALAB, ScoringLayout.of(null));
    assertEquals(ScoringLayout.CODABENCH, ScoringLayout.of(" Codabench "));
    assertEquals(RunSpec.Mounts.CODABENCH, ScoringLayout.CODABENCH.mounts());
    assertEquals(RunSpec.Mounts.PODIUM, ScoringLayout.CODALAB.mounts());
    assertEquals("codalab", ScoringLayout.CODALAB.apiName());
    Problem refused = assertThrows(Problem.InvalidField.class, () -> ScoringLayout.of("kaggle"));
    assertEquals(List.of("scoring.layout"), List.copyOf(refused.fieldErrors().keySet()));
  }
}
