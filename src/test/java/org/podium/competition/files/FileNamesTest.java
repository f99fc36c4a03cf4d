package org.podium.competition.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.podium.platform.problem.Problem;

class FileNamesTest {

  private static String refusal(String name) {
    Problem problem = assertThrows(Problem.class, () -> FileNames.name(name));
    return problem.fieldErrors().get("name");
  }

  @Test
  void aPlainNameIsKeptTrimmed() {
    assertEquals("starting-kit.zip", FileNames.name("  starting-kit.zip "));
    assertEquals(
        "données d'entraînement (v2).csv", FileNames.name("données d'entraînement (v2).csv"));
    assertEquals("🙂.txt", FileNames.name("🙂.txt"));
    assertEquals("n".repeat(255), FileNames.name("n".repeat(255)));
  }

  @Test
  void aNameWithAFolderIsRefusedSayingToGiveTheNameAlone() {
    assertEquals(
        "A file name may not contain / or \\: give the name alone, without a folder (such as"
            + " starting-kit.zip).",
        refusal("../phases/1/reference/truth.csv"));
    assertEquals(refusal("a/b"), refusal("C:\\fakepath\\kit.zip"));
  }

  @Test
  void blankDotsTooLongAndInvisibleCharactersAreRefused() {
    assertEquals("Give the file a name: the name participants download it under.", refusal(" "));
    assertEquals("Give the file a name: the name participants download it under.", refusal(null));
    assertEquals("\"..\" is not a file name: give the file a name of its own.", refusal(".."));
    assertEquals(
        "This file name is 256 characters long: shorten it to at most 255.",
        refusal("n".repeat(256)));
    assertEquals(
        "A file name may not contain control or invisible characters (U+000A at position 2):"
            + " remove it.",
        refusal("a\nb"));
    assertEquals(
        "A file name may not contain control or invisible characters (U+202E at position 4):"
            + " remove it.",
        refusal("gpj\u202Eexe.txt"));
    assertEquals(
        "A file name may not contain control or invisible characters (U+0000 at position 1):"
            + " remove it.",
        refusal("\0x"));
    assertEquals(
        "A file name may not contain control or invisible characters (U+D800 at position 2):"
            + " remove it.",
        refusal("a\uD800b"));
  }

  @Test
  void aDescriptionIsTrimmedAndBounded() {
    assertEquals("", FileNames.description(null));
    assertEquals("line one\nline two", FileNames.description(" line one\nline two\n"));
    Problem tooLong = assertThrows(Problem.class, () -> FileNames.description("d".repeat(1001)));
    assertEquals(
        "This description is 1001 characters long: shorten it to at most 1000.",
        tooLong.fieldErrors().get("description"));
  }

  @Test
  void theDownloadIsAnAttachmentWithASafeFallbackAndTheExactNameEncoded() {
    assertEquals(
        "attachment; filename=\"kit.zip\"; filename*=UTF-8''kit.zip",
        FileNames.attachment("kit.zip"));
    assertEquals(
        "attachment; filename=\"a_b_ c_d_.txt\"; filename*=UTF-8''a%22b%5C%20c%25d%C3%A9.txt",
        FileNames.attachment("a\"b\\ c%dé.txt"));
  }

  @Test
  void aNameAServerReadAsLatin1IsReadAgainAsUtf8() {
    assertEquals("données.csv", FileNames.fromForm("donnÃ©es.csv"));
    assertEquals("données.csv", FileNames.fromForm("données.csv"));
    assertEquals("plain.csv", FileNames.fromForm("plain.csv"));
    assertEquals("🙂.txt", FileNames.fromForm("🙂.txt"));
  }
}
