package org.podium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.podium.platform.problem.Problem;

/** The paging vocabulary every list speaks: {@link PageRequest}, {@link Page}, {@link Search}. */
class PagingTest {

  @Test
  void absentParametersAskForTheFirstPageOfFifty() {
    assertEquals(new PageRequest(1, 50), PageRequest.of(null, null));
    assertEquals(new PageRequest(1, 50), PageRequest.of("", " "));
    assertEquals(new PageRequest(3, 200), PageRequest.of("3", "200"));
    assertEquals(100, PageRequest.of("3", "50").offset());
    assertEquals(0, PageRequest.FIRST.offset());
  }

  @Test
  void badValuesAreRefusedNamingTheirParameter() {
    assertRefused(
        "page", "Ask for page 1 or a later one, not page 0.", () -> PageRequest.of("0", null));
    assertRefused(
        "page", "Ask for page 1 or a later one, not page -2.", () -> PageRequest.of("-2", null));
    assertRefused(
        "page",
        "Give the page as a whole number, 1 or more, not 'x'.",
        () -> PageRequest.of("x", null));
    assertRefused(
        "size",
        "Ask for a page size between 1 and 200, not 201.",
        () -> PageRequest.of(null, "201"));
    assertRefused(
        "size", "Ask for a page size between 1 and 200, not 0.", () -> PageRequest.of(null, "0"));
    assertRefused(
        "size",
        "Give the page size as a whole number between 1 and 200, not '1.5'.",
        () -> PageRequest.of("1", "1.5"));
    assertRefused(
        "size",
        "Give the page size as a whole number between 1 and 200, not '99999999999'.",
        () -> PageRequest.of("1", "99999999999"));
  }

  @Test
  void aFarPageDoesNotOverflowTheOffset() {
    assertEquals(
        Integer.MAX_VALUE, PageRequest.of(String.valueOf(Integer.MAX_VALUE), "200").offset());
  }

  @Test
  void aPageKnowsItsNeighboursAndSaysWhatItShows() {
    Page<Integer> middle = Page.of(range(51, 100), PageRequest.of("2", "50"), 2010);
    assertEquals(41, middle.lastPage());
    assertTrue(middle.hasPrevious());
    assertTrue(middle.hasNext());
    assertEquals("Showing 51–100 of 2,010", middle.summary());

    Page<Integer> last = Page.of(range(2001, 2010), PageRequest.of("41", "50"), 2010);
    assertFalse(last.hasNext());
    assertEquals("Showing 2,001–2,010 of 2,010", last.summary());

    Page<Integer> empty = Page.of(List.of(), PageRequest.FIRST, 0);
    assertEquals(1, empty.lastPage());
    assertFalse(empty.hasNext());
    assertFalse(empty.hasPrevious());
    assertEquals("Nothing yet.", empty.summary());

    Page<Integer> past = Page.of(List.of(), PageRequest.of("9", "50"), 60);
    assertEquals(2, past.lastPage());
    assertFalse(past.hasNext());
    assertEquals("Nothing on page 9 of 2", past.summary());

    Page<Integer> exact = Page.of(range(1, 50), PageRequest.FIRST, 50);
    assertEquals(1, exact.lastPage());
    assertFalse(exact.hasNext());
    assertEquals(
        List.of("1", "2"),
        Page.of(List.of(1, 2), PageRequest.FIRST, 2).map(String::valueOf).items());
  }

  @Test
  void searchesMatchTheirTextLiterally() {
    assertEquals(null, Search.pattern("q", null));
    assertEquals(null, Search.pattern("q", "  "));
    assertEquals("%ada%", Search.pattern("q", " Ada "));
    assertEquals("%50!%!_off!!%", Search.pattern("q", "50%_off!"));
    assertRefused(
        "q",
        "The field 'q' holds a NUL character (\\u0000): remove it.",
        () -> Search.pattern("q", "a\0"));
    assertRefused(
        "q",
        "The search text is longer than 200 characters (201): shorten it.",
        () -> Search.pattern("q", "x".repeat(201)));
  }

  enum Colour {
    RED,
    GREEN
  }

  @Test
  void anEnumFilterNamesItsValues() {
    assertEquals(Colour.GREEN, Search.oneOf("colour", "green", Colour.class));
    assertEquals(null, Search.oneOf("colour", "", Colour.class));
    assertRefused(
        "colour",
        "'BLUE' is not a value of 'colour': choose one of RED, GREEN.",
        () -> Search.oneOf("colour", "BLUE", Colour.class));
  }

  private static List<Integer> range(int first, int last) {
    return IntStream.rangeClosed(first, last).boxed().toList();
  }

  private static void assertRefused(String field, String message, Runnable call) {
    Problem problem = assertThrows(Problem.class, call::run);
    assertEquals(Map.of(field, message), problem.fieldErrors());
    assertEquals(field + ": " + message, problem.getMessage());
  }
}
