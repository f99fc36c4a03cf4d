package org.podium.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.podium.platform.PodiumConfig;

/** Which calls the session cookie alone may make: the rule by itself (IT: CrossSiteRequestsIT). */
class CrossSiteRequestsTest {

  private final CrossSiteRequests filter = new CrossSiteRequests();

  {
    filter.config = new PodiumConfig();
  }

  @AfterEach
  void clearSettings() {
    System.clearProperty("podium.allowed.origins");
    System.clearProperty("podium.public.url");
  }

  /** A request as the server sees it at http://podium.local:8080, with these headers. */
  private static HttpServletRequest request(
      String method, boolean signedIn, Map<String, String> headers) {
    Map<String, String> h = new HashMap<>(headers);
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            CrossSiteRequestsTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, m, args) ->
                switch (m.getName()) {
                  case "getMethod" -> method;
                  case "getHeader" -> h.get((String) args[0]);
                  case "getUserPrincipal" -> signedIn ? (Principal) () -> "ada" : null;
                  case "getScheme" -> "http";
                  case "getServerName" -> "podium.local";
                  case "getServerPort" -> 8080;
                  default -> throw new UnsupportedOperationException(m.getName());
                });
  }

  @Test
  void aSessionCallFromAnotherOriginIsRefusedSayingWhy() {
    String why = filter.refusal(request("POST", true, Map.of("Origin", "http://evil.example")));
    assertTrue(why.contains("not from http://evil.example:80"), why);
    assertTrue(
        filter
            .refusal(request("DELETE", true, Map.of("Origin", "http://podium.local:8081")))
            .contains("not from http://podium.local:8081"));
    assertTrue(
        filter.refusal(request("PUT", true, Map.of("Origin", "null"))).contains("'null'"),
        "an opaque origin (a sandboxed frame, a no-referrer page)");
  }

  @Test
  void aSessionCallFromPodiumsOwnPageGoesOn() {
    assertNull(filter.refusal(request("POST", true, Map.of("Origin", "http://podium.local:8080"))));
    assertNull(filter.refusal(request("POST", true, Map.of("Origin", "HTTP://Podium.Local:8080"))));
    assertNull(
        filter.refusal(
            request("POST", true, Map.of("Referer", "http://podium.local:8080/podium/x.xhtml"))));
  }

  @Test
  void aSessionCallWithNeitherOriginNorRefererIsRefused() {
    assertTrue(filter.refusal(request("POST", true, Map.of())).contains("no Origin or Referer"));
  }

  @Test
  void readsTokensAndAnonymousCallsAreUnchanged() {
    assertNull(filter.refusal(request("GET", true, Map.of("Origin", "http://evil.example"))));
    assertNull(
        filter.refusal(
            request(
                "POST",
                true,
                Map.of("Origin", "http://evil.example", "Authorization", "Bearer pdm_x"))));
    assertNull(filter.refusal(request("POST", false, Map.of("Origin", "http://evil.example"))));
  }

  @Test
  void theOriginsOfAProxyAreListedInTheSettings() {
    HttpServletRequest viaProxy =
        request("POST", true, Map.of("Origin", "https://podium.example.org"));
    assertTrue(filter.refusal(viaProxy) != null);
    System.setProperty("podium.public.url", "https://podium.example.org/");
    assertNull(filter.refusal(viaProxy));
    System.clearProperty("podium.public.url");
    System.setProperty(
        "podium.allowed.origins", "https://a.example, https://podium.example.org:443");
    assertNull(filter.refusal(viaProxy));
    assertEquals("http://[::1]:8080", CrossSiteRequests.origin("http://[::1]:8080"));
  }
}
