package org.podium.platform;

import org.podium.platform.problem.Problem;

/**
 * Text Podium stores that a participant may have written — a run's detail, what a scoring program
 * reported, names from their output — made storable: PostgreSQL refuses NUL ({@code invalid byte
 * sequence 0x00}) and UTF-8 has no lone surrogate, and one refused update would leave a submission
 * running for ever. Both become U+FFFD; nothing else changes. Every string a run writes into a row
 * goes through here ({@code SubmissionLifecycle}).
 */
public final class StoredText {

  /** What a character PostgreSQL cannot store becomes. */
  public static final char REPLACEMENT = '\uFFFD';

  private StoredText() {}

  /** {@code text} with NUL and lone surrogates replaced; null stays null. */
  public static String of(String text) {
    if (text == null || storable(text)) {
      return text;
    }
    StringBuilder clean = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        clean.append(c).append(text.charAt(++i));
      } else if (c == '\0' || Character.isSurrogate(c)) {
        clean.append(REPLACEMENT);
      } else {
        clean.append(c);
      }
    }
    return clean.toString();
  }

  /** {@link #of}, cut to at most {@code maxChars} characters ending in "..." when longer. */
  public static String of(String text, int maxChars) {
    String clean = of(text);
    if (clean == null || clean.length() <= maxChars) {
      return clean;
    }
    int end = maxChars - 3;
    if (Character.isHighSurrogate(clean.charAt(end - 1))) {
      end--; // never half a character
    }
    return clean.substring(0, end) + "...";
  }

  /**
   * Refuses a field a person sent that holds NUL (400 naming it): what comes in is refused, so that
   * only what Podium itself writes needs replacing.
   *
   * @return {@code value}
   */
  public static String withoutNul(String field, String value) {
    if (value != null && value.indexOf('\0') >= 0) {
      throw Problem.invalidField(
          field, "The field '" + field + "' holds a NUL character (\\u0000): remove it.");
    }
    return value;
  }

  /** Whether {@code text} has nothing to replace. */
  public static boolean storable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
