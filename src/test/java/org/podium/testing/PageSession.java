package org.podium.testing;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's session spoken by hand: the session cookie of Podium's sign-in page, which the
 * browser then sends with every request, whatever page makes it. Lets a test forge what another
 * site's page could make a signed-in browser send.
 */
public final class PageSession {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

  private final URI base;
  private final HttpClient http;

  private PageSession(URL deployment) {
    this.base = URI.create(deployment.toExternalForm());
    CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Signs in through the sign-in page, as a person would. */
  public static PageSession signIn(URL deployment, String username, String password) {
    PageSession session = new PageSession(deployment);
    HttpResponse<String> answer =
        session.submitForm(
            "signin.xhtml",
            "signin",
            Map.of("signin:username", username, "signin:password", password, "signin:submit", "x"));
    if (answer.statusCode() != 302) {
      throw new IllegalStateException("sign-in failed: " + answer.statusCode() + answer.body());
    }
    return session;
  }

  /** A session of nobody signed in (a visitor who has opened a page). */
  public static PageSession visitor(URL deployment) {
    PageSession session = new PageSession(deployment);
    session.page("signin.xhtml");
    return session;
  }

  /** Opens a page. */
  public HttpResponse<String> page(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  /** Opens a page and posts its form {@code formId} with these fields, as the page would. */
  public HttpResponse<String> submitForm(String path, String formId, Map<String, String> fields) {
    HttpResponse<String> page = page(path);
    Matcher state = VIEW_STATE.matcher(page.body());
    if (!state.find()) {
      throw new IllegalStateException(path + " has no view state: " + page.body());
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put(formId, formId);
    form.putAll(fields);
    form.put("jakarta.faces.ViewState", state.group(1).replace("&#58;", ":"));
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", origin())
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** This server's origin, as a page of it sends it. */
  public String origin() {
    return base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
  }

  /** An address inside Podium, such as {@code api/competitions}. */
  public URI resolve(String path) {
    return base.resolve(path);
  }

  /** Sends a request with this browser's cookies. */
  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException("request failed: " + e, e);
    }
  }
}
