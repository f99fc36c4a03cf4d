package org.podium.competition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.podium.competition.CompetitionState.Window;

class CompetitionStateTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final Instant YESTERDAY = NOW.minusSeconds(86_400);
  private static final Instant TOMORROW = NOW.plusSeconds(86_400);
  private static final Window PAST = new Window(YESTERDAY.minusSeconds(86_400), YESTERDAY);
  private static final Window CURRENT = new Window(YESTERDAY, TOMORROW);
  private static final Window ENDLESS = new Window(YESTERDAY, null);
  private static final Window LATER = new Window(TOMORROW, null);

  @Test
  void anUnpublishedCompetitionIsADraftWhateverItsPhases() {
    assertEquals(CompetitionState.DRAFT, CompetitionState.of(false, List.of(CURRENT), NOW));
  }

  @Test
  void aPublishedCompetitionIsOpenWhileOneOfItsPhasesIsOpen() {
    assertEquals(CompetitionState.OPEN, CompetitionState.of(true, List.of(PAST, CURRENT), NOW));
    assertEquals(CompetitionState.OPEN, CompetitionState.of(true, List.of(ENDLESS), NOW));
    assertEquals(
        CompetitionState.OPEN,
        CompetitionState.of(true, List.of(new Window(NOW, TOMORROW)), NOW),
        "a phase opens at its opening instant");
  }

  @Test
  void aPublishedCompetitionWithoutPhasesOrBeforeOrBetweenThemIsUpcoming() {
    assertEquals(CompetitionState.UPCOMING, CompetitionState.of(true, List.of(), NOW));
    assertEquals(CompetitionState.UPCOMING, CompetitionState.of(true, List.of(LATER), NOW));
    assertEquals(CompetitionState.UPCOMING, CompetitionState.of(true, List.of(PAST, LATER), NOW));
  }

  @Test
  void aPublishedCompetitionIsClosedOnceEveryPhaseHasClosed() {
    assertEquals(CompetitionState.CLOSED, CompetitionState.of(true, List.of(PAST), NOW));
    assertEquals(
        CompetitionState.CLOSED,
        CompetitionState.of(true, List.of(new Window(YESTERDAY, NOW)), NOW),
        "a phase is closed at its closing instant");
  }
}
