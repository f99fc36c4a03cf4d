package org.podium.competition;

/**
 * A competition's short description for its card: the first paragraph of its description that is
 * not a heading, as plain text, cut at a word near {@link #LENGTH} characters. Derived, not a field
 * of its own, so organizers write one text.
 */
final class Summary {

  static final int LENGTH = 180;

  private Summary() {}

  static String of(String description) {
    if (description == null) {
      return "";
    }
    for (String paragraph : description.strip().split("\\R\\s*\\R")) {
      String text = plain(paragraph);
      if (!text.isEmpty() && !paragraph.strip().startsWith("#")) {
        return cut(text);
      }
    }
    return "";
  }

  /** Markdown's marks and any HTML tags out, lines joined. */
  private static String plain(String paragraph) {
    return paragraph
        .replaceAll("(?is)<(script|style)[^>]*>.*?</\\1\\s*>", "")
        .replaceAll("<[^>]*>", "")
        .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
        .replaceAll("[*_`>#]+", "")
        .replaceAll("\\s+", " ")
        .strip();
  }

  private static String cut(String text) {
    if (text.length() <= LENGTH) {
      return text;
    }
    int space = text.lastIndexOf(' ', LENGTH);
    return text.substring(0, space > LENGTH / 2 ? space : LENGTH).strip() + "…";
  }
}
