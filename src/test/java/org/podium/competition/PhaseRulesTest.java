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
        Map.of("executionTimeLimitSeconds", "must be at least 1 second"),
        errors(PhaseSettings.of(0, null, null, null, null, null)));
    assertEquals(
        Map.of("executionTimeLimitSeconds", "must be at most 604800 seconds (7 days)"),
        errors(PhaseSettings.of(604801, null, null, null, null, null)));
    assertEquals(
        Map.of("maxSubmissions", "must be at least 1, or left out for no limit"),
        errors(PhaseSettings.of(null, 0, null, null, null, null)));
    assertEquals(
        Map.of("maxSubmissionsPerDay", "must be at least 1, or left out for no limit"),
        errors(PhaseSettings.of(null, null, -1, null, null, null)));
    assertEquals(
        Map.of("memoryMb", "must be at least 16 MiB"),
        errors(PhaseSettings.of(null, null, null, 8, null, null)));
    assertEquals(
        Map.of("cpus", "must be more than 0, such as 1.5"),
        errors(PhaseSettings.of(null, null, null, null, BigDecimal.ZERO, null)));
    assertEquals(
        Map.of("cpus", "must be at most 256"),
        errors(PhaseSettings.of(null, null, null, null, new BigDecimal("256.5"), null)));
    assertEquals(
        Map.of("gpus", "cannot be negative"),
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
    assertEquals("must not be blank", errors.get("name"));
    assertEquals("must be at most 255 characters", errors.get("scoring.image"));
    assertEquals("every column needs a key", errors.get("columns.key"));
    assertEquals("must be between 0 and 10", errors.get("columns.decimals"));
    assertEquals(
        "must be a plain file name such as predictions.csv", errors.get("predictionsFile"));
    assertEquals("must be a plain file name such as predictions.csv", errors.get("truthFile"));
    assertEquals("must be between 1 and 20", errors.get("finalSubmissions"));
    assertEquals(7, errors.size(), errors.toString());
    assertEquals(
        Map.of(
            "scoring", "give a built-in metric {metric} or a scoring container {image, command}"),
        errors(
            new PhaseRequest(
                "P", null, null, null, null, null, null, null, null, null, null, null, null, null,
                null)));
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
