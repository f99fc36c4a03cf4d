package org.podium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.podium.platform.web.Formats;

class FormatsTest {

  private final Formats formats = new Formats();

  @Test
  void sizesReadAsPeopleSayThem() {
    assertEquals("—", formats.bytes(null));
    assertEquals("1 byte", formats.bytes(1L));
    assertEquals("1023 bytes", formats.bytes(1023L));
    assertEquals("1.0 KiB", formats.bytes(1024L));
    assertEquals("1.5 MiB", formats.bytes(1536L * 1024));
    assertEquals("2.0 GiB", formats.bytes(2L << 30));
  }

  @Test
  void durationsAndScores() {
    assertEquals("", formats.duration(null));
    assertEquals("850 ms", formats.duration(850L));
    assertEquals("12.3 s", formats.duration(12_345L));
    assertEquals("4 min 05 s", formats.duration(245_000L));
    Map<String, Double> scores = new LinkedHashMap<>();
    scores.put("f1", 0.5);
    scores.put("accuracy", 0.91234);
    assertEquals("f1 0.5000, accuracy 0.9123", formats.scores(scores), "in the scorer's order");
  }

  @Test
  void sessionCookiesAreSecureWhenThePublicAddressIsHttps() {
    PodiumConfig config = new PodiumConfig();
    try {
      System.setProperty("podium.public.url", "https://podium.example.org");
      assertEquals(true, config.secureCookies());
      System.setProperty("podium.public.url", "HTTPS://podium.example.org");
      assertEquals(true, config.secureCookies());
      System.setProperty("podium.public.url", "http://127.0.0.1:8080/podium/");
      assertEquals(false, config.secureCookies());
    } finally {
      System.clearProperty("podium.public.url");
    }
    assertEquals(false, config.secureCookies(), "no public address: as the request comes");
  }
}
