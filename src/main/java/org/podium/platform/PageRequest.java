package org.podium.platform;

import org.podium.platform.problem.Problem;

/**
 * Which page of a list a caller asks for: {@code page} counts from 1, {@code size} items a page,
 * {@value #DEFAULT_SIZE} unless asked, at most {@value #MAX_SIZE}. Every list of the API and of the
 * pages is asked for this way, and a bad value is refused naming {@code page} or {@code size}.
 */
public record PageRequest(int page, int size) {

  /** Items a page when the caller does not say; also the size of every list on the pages. */
  public static final int DEFAULT_SIZE = 50;

  /** The most items one page holds. */
  public static final int MAX_SIZE = 200;

  /** The first page of {@value #DEFAULT_SIZE} items. */
  public static final PageRequest FIRST = new PageRequest(1, DEFAULT_SIZE);

  public PageRequest {
    if (page < 1) {
      throw Problem.invalidField("page", "Ask for page 1 or a later one, not page " + page + ".");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw Problem.invalidField(
          "size", "Ask for a page size between 1 and " + MAX_SIZE + ", not " + size + ".");
    }
  }

  /**
   * The page asked for by the query parameters {@code page} and {@code size} as they came (null or
   * blank: the first page, {@value #DEFAULT_SIZE} items).
   */
  public static PageRequest of(String page, String size) {
    return new PageRequest(
        number("page", page, 1, "Give the page as a whole number, 1 or more, not '%s'."),
        number(
            "size",
            size,
            DEFAULT_SIZE,
            "Give the page size as a whole number between 1 and " + MAX_SIZE + ", not '%s'."));
  }

  private static int number(String field, String text, int absent, String expected) {
    if (text == null || text.isBlank()) {
      return absent;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw Problem.invalidField(field, String.format(expected, StoredText.of(text.strip(), 40)));
    }
  }

  /** How many items come before this page (for {@code setFirstResult}). */
  public int offset() {
    long offset = (long) (page - 1) * size;
    return offset > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) offset;
  }

  /** The same size, another page. */
  public PageRequest at(int otherPage) {
    return new PageRequest(otherPage, size);
  }
}
