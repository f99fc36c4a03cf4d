package org.podium.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreFormatsTest {

  @Test
  void aScoreHasItsColumnsDecimalsEverywhere() {
    assertEquals("0.400", Formats.score(0.4, 3));
    assertEquals("0.4000", Formats.score(0.4, Formats.DEFAULT_DECIMALS));
    assertEquals("1", Formats.score(0.5, 0));
    assertEquals("—", Formats.score(null, 3));
    Map<String, Double> scores = new LinkedHashMap<>();
    scores.put("mae", 0.4);
    scores.put("rmse", 0.25);
    assertEquals("mae 0.400, rmse 0.2500", Formats.scores(scores, Map.of("mae", 3)));
  }

  @Test
  void onlyWebAddressesBecomeLinks() {
    Formats formats = new Formats();
    assertTrue(formats.webLink("https://example.org/paper"));
    assertTrue(formats.webLink("http://example.org"));
    assertFalse(formats.webLink("javascript:alert(1)"));
    assertFalse(formats.webLink("data:text/html,hi"));
    assertFalse(formats.webLink("see https://example.org"));
    assertFalse(formats.webLink("ftp://example.org"));
    assertFalse(formats.webLink(null));
  }
}
