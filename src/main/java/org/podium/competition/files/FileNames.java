package org.podium.competition.files;

import java.nio.charset.StandardCharsets;
import org.podium.platform.problem.Problem;

/**
 * What a competition file may be called and say, and how its name is sent with a download. A name
 * is only ever shown and sent as the download's name, never used as a path; it is still held to
 * what a person can read and a browser saves safely: no folder, no control or invisible formatting
 * character (a right-to-left override makes "gpj.exe" read "exe.jpg"), at most the column's 255
 * characters.
 */
public final class FileNames {

  /** The column's size: {@code competition_file.name varchar(255)}. */
  public static final int MAX_NAME = 255;

  /** The column's size: {@code competition_file.description varchar(1000)}. */
  public static final int MAX_DESCRIPTION = 1000;

  private FileNames() {}

  /**
   * The name as stored: surrounding spaces trimmed.
   *
   * @throws Problem 400 naming {@code name}, with what to change
   */
  public static String name(String name) {
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty()) {
      throw Problem.invalidField(
          "name", "Give the file a name: the name participants download it under.");
    }
    if (trimmed.length() > MAX_NAME) {
      throw Problem.invalidField(
          "name",
          "This file name is "
              + trimmed.length()
              + " characters long: shorten it to at most "
              + MAX_NAME
              + ".");
    }
    if (trimmed.indexOf('/') >= 0 || trimmed.indexOf('\\') >= 0) {
      throw Problem.invalidField(
          "name",
          "A file name may not contain / or \\: give the name alone, without a folder (such as"
              + " starting-kit.zip).");
    }
    if (trimmed.equals(".") || trimmed.equals("..")) {
      throw Problem.invalidField(
          "name", "\"" + trimmed + "\" is not a file name: give the file a name of its own.");
    }
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      int type = Character.getType(c);
      if (type == Character.CONTROL
          || type == Character.FORMAT
          || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR
          || (Character.isSurrogate(c) && !pairedAt(trimmed, i))) {
        throw Problem.invalidField(
            "name",
            String.format(
                "A file name may not contain control or invisible characters (U+%04X at"
                    + " position %d): remove it.",
                (int) c, i + 1));
      }
      if (Character.isHighSurrogate(c)) {
        i++;
      }
    }
    return trimmed;
  }

  /**
   * A file name as a server handed it over from a page's form: some servers read the part's headers
   * as ISO-8859-1, though browsers send UTF-8, so "données.csv" arrives as "donnÃ©es.csv". A name
   * whose characters are all bytes that make valid UTF-8 with some non-ASCII is read again as UTF-8
   * (plain Latin-1 text is almost never valid UTF-8); any other name is kept as it came.
   */
  public static String fromForm(String name) {
    if (name == null
        || name.chars().allMatch(c -> c < 0x80)
        || name.chars().anyMatch(c -> c > 0xff)) {
      return name;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(name.getBytes(StandardCharsets.ISO_8859_1)))
          .toString();
    } catch (java.nio.charset.CharacterCodingException notUtf8) {
      return name;
    }
  }

  private static boolean pairedAt(String text, int i) {
    return Character.isHighSurrogate(text.charAt(i))
        && i + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(i + 1));
  }

  /**
   * The description as stored: trimmed, empty when none, at most {@value #MAX_DESCRIPTION}
   * characters, no NUL.
   *
   * @throws Problem 400 naming {@code description}
   */
  public static String description(String description) {
    String trimmed = description == null ? "" : description.strip();
    if (trimmed.indexOf('\0') >= 0) {
      throw Problem.invalidField(
          "description", "The description holds a NUL character: remove it.");
    }
    if (trimmed.length() > MAX_DESCRIPTION) {
      throw Problem.invalidField(
          "description",
          "This description is "
              + trimmed.length()
              + " characters long: shorten it to at most "
              + MAX_DESCRIPTION
              + ".");
    }
    return trimmed;
  }

  /**
   * The {@code Content-Disposition} of a download of {@code name}: an attachment (never shown in
   * the browser, whatever it holds), named by an ASCII fallback with quotes, backslashes, percent
   * signs and other characters replaced by {@code _}, and by the exact name in RFC 8187's {@code
   * filename*}.
   */
  public static String attachment(String name) {
    StringBuilder fallback = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      fallback.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? c : '_');
    }
    StringBuilder encoded = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(String.format("%02X", c));
      }
    }
    return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
  }
}
