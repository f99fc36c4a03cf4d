package org.podium.competition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.podium.platform.problem.Problem;

class PhaseTimesTest {

  @Test
  void formValuesAreMinutesInUtc() {
    assertEquals(
        Instant.parse("2026-12-31T23:59:00Z"), PhaseTimes.parse("closesAt", "2026-12-31T23:59"));
    assertEquals("2026-12-31T23:59", PhaseTimes.format(Instant.parse("2026-12-31T23:59:41Z")));
    assertNull(PhaseTimes.parse("closesAt", " "));
    assertEquals("", PhaseTimes.format(null));
  }

  @Test
  void aValueThatIsNoDateSaysWhatToGive() {
    Problem problem =
        assertThrows(Problem.class, () -> PhaseTimes.parse("opensAt", "next tuesday"));
    assertEquals(
        "Give a date and time such as 2026-12-31T23:59 (UTC), not 'next tuesday'.",
        problem.fieldErrors().get("opensAt"));
  }
}
