package org.podium.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.podium.platform.problem.Problem;

/**
 * A list's search box: a case-insensitive substring, matched in SQL as {@code lower(column) like
 * :pattern escape '!'} (the list is paged in the database, never filtered in memory).
 */
public final class Search {

  /** What a JPQL condition appends to {@code like :pattern}. */
  public static final String ESCAPE = " escape '!'";

  /** The longest search text taken. */
  public static final int MAX_LENGTH = 200;

  private Search() {}

  /**
   * The {@code like} pattern of {@code text} (field {@code field} of the request): lower case, its
   * {@code %}, {@code _} and {@code !} matched as themselves; null when there is nothing to search.
   */
  public static String pattern(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String searched = StoredText.withoutNul(field, text).strip();
    if (searched.length() > MAX_LENGTH) {
      throw Problem.invalidField(
          field,
          "The search text is longer than "
              + MAX_LENGTH
              + " characters ("
              + searched.length()
              + "): shorten it.");
    }
    return "%"
        + searched.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_")
        + "%";
  }

  /**
   * The constant of {@code type} named by {@code text} (field {@code field} of the request, any
   * case), null when blank; refused naming the field and every value otherwise.
   */
  public static <E extends Enum<E>> E oneOf(String field, String text, Class<E> type) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Problem.invalidField(
          field,
          "'"
              + StoredText.of(text, 40)
              + "' is not a value of '"
              + field
              + "': choose one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(Enum::name)
                  .collect(Collectors.joining(", "))
              + ".");
    }
  }
}
