package org.podium.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.el.ELException;
import jakarta.faces.FacesException;
import org.junit.jupiter.api.Test;
import org.podium.platform.problem.Problem;

class PageRefusalsTest {

  @Test
  void aRefusalIsFoundThroughTheWrappersOfFacesAndEl() {
    Problem forbidden = Problem.forbidden("You are not an organizer of this competition.");
    assertSame(forbidden, PageRefusals.refusalIn(new FacesException(new ELException(forbidden))));
    Problem anonymous = Problem.unauthorized("sign in");
    assertSame(anonymous, PageRefusals.refusalIn(new FacesException(anonymous)));
    Problem missing = Problem.notFound("competition 3");
    assertSame(missing, PageRefusals.refusalIn(missing));
  }

  @Test
  void otherFailuresAndOtherRefusalsStayTheServersToAnswer() {
    assertNull(PageRefusals.refusalIn(new FacesException(new IllegalStateException("bug"))));
    assertNull(PageRefusals.refusalIn(Problem.invalidField("title", "Give a title.")));
    assertNull(PageRefusals.refusalIn(Problem.conflict("closed")));
  }

  @Test
  void theMessageShownIsASentence() {
    assertEquals(
        "Competition 3 does not exist or is not yours to see.",
        PageRefusals.sentence("competition 3 does not exist or is not yours to see"));
    assertEquals(
        "Competition 3 does not exist, or you may not see it.",
        PageRefusals.sentence(Problem.notFound("competition 3").getMessage()),
        "a refusal is a sentence already");
    assertEquals(
        "This page is for Podium's administrators.",
        PageRefusals.sentence("This page is for Podium's administrators."));
    assertNull(PageRefusals.sentence(" "));
  }
}
