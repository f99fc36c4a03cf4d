package org.podium.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogCaptureTest {

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void keepsEverythingThatFits() {
    LogCapture capture = new LogCapture(16);
    capture.write(bytes("hello "));
    capture.write(bytes("world"));

    CapturedLog log = capture.captured();

    assertEquals("hello world", log.text());
    assertEquals(11, log.totalBytes());
    assertFalse(log.truncated());
  }

  @Test
  void keepsExactlyTheLimitWithoutMarker() {
    LogCapture capture = new LogCapture(10);
    capture.write(bytes("0123456789"));

    assertEquals("0123456789", capture.captured().text());
    assertFalse(capture.captured().truncated());
  }

  @Test
  void keepsHeadAndTailAroundAMarkerSayingHowMuchWasDropped() {
    LogCapture capture = new LogCapture(10);
    for (char c = 'a'; c <= 'z'; c++) {
      capture.write(new byte[] {(byte) c});
    }

    CapturedLog log = capture.captured();

    assertEquals("abcde\n[... 16 bytes truncated by Podium ...]\nvwxyz", log.text());
    assertEquals(26, log.totalBytes());
    assertTrue(log.truncated());
  }

  @Test
  void largeChunksKeepOnlyTheirEnd() {
    LogCapture capture = new LogCapture(8);
    capture.write(bytes("head"));
    capture.write(bytes("x".repeat(1000) + "TAIL"));
    capture.write(bytes("!"), 0, 1);

    assertEquals("head\n[... 1001 bytes truncated by Podium ...]\nAIL!", capture.captured().text());
  }

  @Test
  void tailWrapsAroundItsRing() {
    LogCapture capture = new LogCapture(6);
    capture.write(bytes("abc"));
    capture.write(bytes("de"));
    capture.write(bytes("fg"));
    capture.write(bytes("h"));

    assertEquals("abc\n[... 2 bytes truncated by Podium ...]\nfgh", capture.captured().text());
  }
}
