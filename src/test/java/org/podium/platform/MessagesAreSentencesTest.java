package org.podium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, point 13: every refusal a person reads (a {@code Problem} of the API or a page, a
 * refused docker run line, image archive or zip, a scoring failure) is a sentence, never a
 * lower-case fragment such as "must be 1 or more". Read from the sources, so that a new refusal
 * written as a fragment fails here before anyone reads it.
 */
class MessagesAreSentencesTest {

  /** The calls whose text a person reads. */
  private static final Pattern REFUSAL =
      Pattern.compile(
          "(Problem\\.(?:badRequest|invalidField|invalidFields|forbidden|conflict|unauthorized"
              + "|quotaUsed|notFoundSaying|tooLarge)|new (?:Refused|InvalidImageException"
              + "|UnsafeArchiveException|ScoringException|ImageUnavailableException))\\(");

  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  @Test
  void everyRefusalStartsAsASentence() throws IOException {
    List<String> fragments = new ArrayList<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> fragments.addAll(of(p)));
    }
    assertEquals(List.of(), fragments, "refusals written as lower-case fragments");
  }

  @Test
  void aFragmentIsFound() {
    assertEquals(
        List.of("X.java:1 must be 1 or more"),
        fragments("X.java", "throw Problem.invalidField(\"page\", \"must be 1 or more\");"));
    assertEquals(
        List.of(),
        fragments(
            "X.java",
            "throw Problem.invalidField(\"page\", \"Ask for page 1 or a later one, not page \" + p"
                + " + \".\");"));
    assertTrue(
        fragments("X.java", "throw new Refused(option + \" needs a value\");").isEmpty(),
        "a message that starts with a value is read from its first literal of its own");
  }

  private static List<String> of(Path file) {
    try {
      return fragments(file.toString(), Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The refusals in {@code source} whose first literal of words (one with a space, not starting
   * with one: a message, not a field's name) starts with a lower-case letter.
   */
  static List<String> fragments(String name, String source) {
    List<String> found = new ArrayList<>();
    Matcher call = REFUSAL.matcher(source);
    while (call.find()) {
      String arguments = arguments(source, call.end());
      Matcher literal = LITERAL.matcher(arguments);
      while (literal.find()) {
        String text = literal.group(1);
        if (text.contains(" ") && !Character.isWhitespace(text.charAt(0))) {
          if (Character.isLowerCase(text.charAt(0))) {
            int line = source.substring(0, call.start()).split("\n", -1).length;
            found.add(name + ":" + line + " " + text);
          }
          break;
        }
      }
    }
    return found;
  }

  /** The text between the call's parentheses, string literals skipped over whole. */
  private static String arguments(String source, int start) {
    int depth = 1;
    int i = start;
    while (depth > 0 && i < source.length()) {
      char c = source.charAt(i);
      if (c == '"') {
        i++;
        while (i < source.length() && source.charAt(i) != '"') {
          i += source.charAt(i) == '\\' ? 2 : 1;
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      i++;
    }
    return source.substring(start, Math.max(start, i - 1));
  }
}
