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
    assertEquals("the body is empty: send a JSON object {…}", refused(" "));
    assertEquals("the body is null: send a JSON object {…}", refused("null"));
    assertEquals("the body is not a JSON object: send a JSON object {…}", refused("[]"));
    assertEquals("title: must not contain NUL (\\u0000)", refused("{\"title\":\"a\\u0000b\"}"));
    assertEquals(
        "the body is nested more than 32 levels deep: no request is",
        refused("{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"));
    assertEquals(true, refused("{\"a\":").startsWith("the body is not valid JSON"));
  }

  @Test
  void aBodyThatIsNotUtf8IsRefused() {
    assertEquals(
        "the body is UTF-16: send JSON as UTF-8",
        assertThrows(
                Problem.class,
                () -> JsonBodies.text("\uFEFF{}".getBytes(StandardCharsets.UTF_16BE)))
            .getMessage());
    assertEquals(
        "the body is not UTF-8: send JSON as UTF-8",
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
        "must be one of \"AUTO\", \"APPROVAL\"", refusal.fieldErrors().get("participation"));
    assertEquals("a number", JsonBodies.expected(Request.class, "memoryMb"));
    assertEquals("a value of the right type", JsonBodies.expected(Request.class, "nothing"));
  }
}
