package org.podium.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.podium.platform.problem.Problem;

/** A body that does not fit its record is refused naming the field, the same on every server. */
class JsonShapesTest {

  enum Participation {
    AUTO,
    APPROVAL
  }

  record Column(String key, Integer decimals) {}

  record Scoring(String metric) {}

  record Request(
      String title,
      Boolean published,
      Participation participation,
      Integer memoryMb,
      BigDecimal cpus,
      Instant opensAt,
      List<String> organizers,
      List<Participation> roles,
      Scoring scoring,
      List<Column> columns) {}

  private static Map<String, String> refused(String json) {
    return assertThrows(Problem.class, () -> check(json)).fieldErrors();
  }

  private static void check(String json) {
    JsonShapes.check(Request.class, Json.createReader(new StringReader(json)).readValue(), "");
  }

  @Test
  void aBodyThatFitsPasses() {
    check(
        "{\"title\":\"T\",\"published\":true,\"participation\":\"AUTO\",\"memoryMb\":256,"
            + "\"cpus\":1.5,\"opensAt\":\"2030-01-31T12:00:00Z\",\"organizers\":[\"a\"],"
            + "\"roles\":[\"APPROVAL\"],\"scoring\":{\"metric\":\"mae\"},"
            + "\"columns\":[{\"key\":\"k\",\"decimals\":2}],\"unknown\":{},\"title2\":1}");
    check("{\"title\":null,\"scoring\":null}");
  }

  @Test
  void eachWrongValueNamesItsField() {
    assertEquals(
        Map.of(
            "participation",
            "The value of 'participation' is 'OPEN': choose one of AUTO, APPROVAL."),
        refused("{\"participation\":\"OPEN\"}"));
    assertEquals(
        Map.of("participation", "The value of 'participation' must be one of AUTO, APPROVAL."),
        refused("{\"participation\":7}"));
    assertEquals(
        Map.of("published", "The value of 'published' must be true or false."),
        refused("{\"published\":\"yes\"}"));
    assertEquals(
        Map.of("published", "The value of 'published' must be true or false."),
        refused("{\"published\":1}"));
    assertEquals(
        Map.of("title", "The value of 'title' must be a string."), refused("{\"title\":{}}"));
    assertEquals(
        Map.of("title", "The value of 'title' must be a string."), refused("{\"title\":5}"));
    assertEquals(
        Map.of("memoryMb", "The value of 'memoryMb' must be a whole number."),
        refused("{\"memoryMb\":\"big\"}"));
    assertEquals(
        Map.of("memoryMb", "The value of 'memoryMb' must be a whole number."),
        refused("{\"memoryMb\":1.5}"));
    assertEquals(
        Map.of("memoryMb", "The value of 'memoryMb' must be a whole number of at most 9 digits."),
        refused("{\"memoryMb\":99999999999}"));
    assertEquals(
        Map.of("cpus", "The value of 'cpus' must be a number."), refused("{\"cpus\":\"1\"}"));
    assertEquals(
        Map.of(
            "opensAt", "The value of 'opensAt' must be a time such as \"2030-01-31T12:00:00Z\"."),
        refused("{\"opensAt\":\"tomorrow\"}"));
    assertEquals(
        Map.of("organizers", "The value of 'organizers' must be an array […]."),
        refused("{\"organizers\":\"a\"}"));
    assertEquals(
        Map.of("organizers", "The value of 'organizers' must be a string."),
        refused("{\"organizers\":[1]}"));
    assertEquals(
        Map.of("organizers", "The value of 'organizers' must not hold null."),
        refused("{\"organizers\":[null]}"));
    assertEquals(
        Map.of("roles", "The value of 'roles' is 'BOSS': choose one of AUTO, APPROVAL."),
        refused("{\"roles\":[\"BOSS\"]}"));
    assertEquals(
        Map.of("scoring", "The value of 'scoring' must be an object {…}."),
        refused("{\"scoring\":\"mae\"}"));
    assertEquals(
        Map.of("scoring", "The value of 'scoring' must be an object {…}."),
        refused("{\"scoring\":[]}"));
    assertEquals(
        Map.of("scoring.metric", "The value of 'scoring.metric' must be a string."),
        refused("{\"scoring\":{\"metric\":1}}"));
    assertEquals(
        Map.of("columns.decimals", "The value of 'columns.decimals' must be a whole number."),
        refused("{\"columns\":[{\"key\":\"k\",\"decimals\":\"2\"}]}"));
  }
}
