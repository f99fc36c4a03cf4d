package org.podium.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.podium.platform.problem.Problem;

/** What Podium's JSON reader refuses before binding, and how it names a field that does not fit. */
class JsonBodiesTest {

  enum Participation {
    AUTO,
    APPROVAL
  }

  record Request(String title, Participation participation, Integer memoryMb) {}

  private static String refused(String json) {
    return assertThrows(Problem.class, () -> JsonBodies.check(json)).getMessage();
  }

  @Test
  void onlyOneJsonObjectOfBoundedDepthWithoutNulPasses() {
    JsonBodies.check("{\"title\":\"x\",\"columns\":[{\"key\":\"a\"}]}");
    assertEquals("The body is empty: send a JSON object {…}.", refused(" "));
    assertEquals("The body is null: send a JSON object {…}.", refused("null"));
    assertEquals("The body is not a JSON object: send a JSON object {…}.", refused("[]"));
    assertEquals(
        "title: The value of 'title' holds a NUL character (\\u0000): remove it.",
        refused("{\"title\":\"a\\u0000b\"}"));
    assertEquals(
        "The body is nested more than 32 levels deep: no request is, so send a flatter one.",
        refused("{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"));
    assertEquals(true, refused("{\"a\":").startsWith("The body is not valid JSON ("));
  }

  @Test
  void aBodyThatIsNotUtf8IsRefused() {
    assertEquals(
        "The body is UTF-16: send JSON as UTF-8.",
        assertThrows(
                Problem.class,
                () -> JsonBodies.text("\uFEFF{}".getBytes(StandardCharsets.UTF_16BE)))
            .getMessage());
    assertEquals(
        "The body is not UTF-8: send JSON as UTF-8.",
        assertThrows(Problem.class, () -> JsonBodies.text(new byte[] {'{', (byte) 0xff, '}'}))
            .getMessage());
  }

  @Test
  void aValueThatDoesNotFitNamesItsFieldAndWhatItTakes() {
    Problem refusal =
        JsonBodies.refusal(
            Request.class,
            new RuntimeException(
                "Unable to deserialize property 'participation' because of: No enum constant"));
    assertEquals(
        "The value of 'participation' must be one of \"AUTO\", \"APPROVAL\".",
        refusal.fieldErrors().get("participation"));
    assertEquals("a number", JsonBodies.expected(Request.class, "memoryMb"));
    assertEquals("a value of the right type", JsonBodies.expected(Request.class, "nothing"));
  }
}
