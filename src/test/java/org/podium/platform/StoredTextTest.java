package org.podium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class StoredTextTest {

  @Test
  void nulAndLoneSurrogatesBecomeReplacementCharacters() {
    assertEquals("id 'a\uFFFDb' twice", StoredText.of("id 'a\u0000b' twice"));
    assertEquals("x\uFFFDy\uFFFD", StoredText.of("x\uD800y\uDC00"));
  }

  @Test
  void everythingElseStaysAsItWas() {
    String text = "caf\u00e9 \uD83D\uDE00 line\nnext\ttab";
    assertSame(text, StoredText.of(text));
    assertNull(StoredText.of(null));
  }

  @Test
  void aCutNeverSplitsACharacter() {
    assertEquals("ab...", StoredText.of("ab\uD83D\uDE00cdef", 6));
    assertEquals("abc", StoredText.of("abc", 6));
    assertEquals("\uFFFDbcd...", StoredText.of("\u0000bcdefgh", 7));
  }
}
