package org.podium.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.podium.account.BootstrapCredentials;
import org.podium.testing.ApiClient;
import org.podium.testing.Deployments;
import org.podium.testing.PageSession;
import org.podium.testing.ResourceMethods;
import org.podium.testing.ResourceMethods.Endpoint;

/**
 * Another site's page can make a signed-in browser send Podium's session cookie with a form post
 * (text/plain, urlencoded or multipart need no permission): every API call that changes state
 * refuses it by its Origin, and changes nothing; Podium's own pages, and programs with a token, go
 * on.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrossSiteRequestsIT {

  private static final String EVIL = "http://evil.example";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  /** What the test set up: two competitions, a submission of the administrator's, a token. */
  private record Scene(
      ApiClient.Created a, long b, long submission, long tokenId, ApiClient admin, String name) {

    /** An endpoint's address with its templates filled with things that exist. */
    String address(Endpoint endpoint) {
      String path = endpoint.path();
      String id =
          path.startsWith("submissions/")
              ? String.valueOf(submission)
              : path.startsWith("tokens/")
                  ? String.valueOf(tokenId)
                  : path.startsWith("competitions/{id}/participants")
                      ? String.valueOf(b)
                      : String.valueOf(a.competition());
      return "api/"
          + path.replace("{id}", id)
              .replace("{phaseId}", String.valueOf(a.phase()))
              .replace("{username}", name)
              .replace("{stream}", "stdout")
              .replace("{fileId}", "999999999")
          + (path.startsWith("competition/") ? "?docker-run-command=docker+run+evil:1" : "");
    }
  }

  private Scene scene() {
    var credentials =
        BootstrapCredentials.read(
                java.nio.file.Path.of(
                    System.getProperty("podium.it.home", "target/podium-home-it")))
            .orElseThrow();
    ApiClient basic = ApiClient.basic(base, credentials.username(), credentials.password());
    ApiClient.Reply token =
        basic.post("tokens", Json.createObjectBuilder().add("name", "x").build());
    assertEquals(201, token.status(), token.body());
    ApiClient admin = basic.bearer(token.json().getString("token"));
    ApiClient.Created a =
        admin.lineLengthCompetition(
            "Cross-site " + UUID.randomUUID().toString().substring(0, 6), 30, 64);
    long b =
        admin.createCompetition(
            Json.createObjectBuilder()
                .add("title", "Cross-site B")
                .add("published", true)
                .add("participation", "AUTO")
                .build());
    admin.join(a.competition());
    ApiClient.Reply submitted =
        admin.post(
            "competition/"
                + a.competition()
                + "/submission?docker-run-command="
                + URLEncoder.encode("docker run podium-cross-site:1", StandardCharsets.UTF_8),
            "text/plain",
            new byte[0]);
    assertEquals(201, submitted.status(), submitted.body());
    return new Scene(
        a,
        b,
        submitted.json().getJsonNumber("id").longValue(),
        token.json().getJsonNumber("id").longValue(),
        admin,
        credentials.username());
  }

  private PageSession adminPage() {
    var credentials =
        BootstrapCredentials.read(
                java.nio.file.Path.of(
                    System.getProperty("podium.it.home", "target/podium-home-it")))
            .orElseThrow();
    return PageSession.signIn(base, credentials.username(), credentials.password());
  }

  /** The bodies a form on another site can send without asking. */
  private static List<Map.Entry<String, byte[]>> formBodies() {
    String boundary = "evil-" + UUID.randomUUID();
    return List.of(
        Map.entry("text/plain", "{\"title\":\"forged\",\"name\":\"forged\"}".getBytes()),
        Map.entry("application/x-www-form-urlencoded", "title=forged&status=APPROVED".getBytes()),
        Map.entry(
            "multipart/form-data; boundary=" + boundary,
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\"image\"\r\n\r\nevil:1\r\n--"
                    + boundary
                    + "--\r\n")
                .getBytes()));
  }

  private static HttpRequest.Builder request(
      PageSession browser, String method, String address, String type, byte[] body) {
    return HttpRequest.newBuilder(browser.resolve(address))
        .header("Content-Type", type)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
  }

  /** What a forged call could have changed, as the administrator reads it with a token. */
  private static String state(Scene scene) {
    JsonObject submission = scene.admin().get("submissions/" + scene.submission()).json();
    return String.join(
        "\n",
        ids(scene.admin().get("competitions").body()),
        scene.admin().get("competitions/" + scene.a().competition()).body(),
        scene.admin().get("competitions/" + scene.b()).body(),
        ids(scene.admin().get("tokens").body()),
        ids(scene.admin().get(scene.a().submissions()).body()),
        "cancelled: " + submission.getString("status").equals("CANCELLED"),
        scene.admin().get("accounts").body().replaceAll("\"lastUsedAt\":\"[^\"]*\"", ""));
  }

  private static String ids(String json) {
    List<String> ids = new ArrayList<>();
    var matcher = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(json);
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    return String.join(",", ids);
  }

  @Test
  void everyStateChangingCallWithTheSessionCookieFromAnotherOriginIsRefusedAndChangesNothing() {
    Scene scene = scene();
    PageSession browser = adminPage();
    String before = state(scene);
    List<Endpoint> changing =
        ResourceMethods.all().stream().filter(Endpoint::changesState).toList();
    assertTrue(changing.size() >= 15, "every state-changing endpoint: " + changing);
    List<String> wrong = new ArrayList<>();
    for (Endpoint endpoint : changing) {
      for (Map.Entry<String, byte[]> body : formBodies()) {
        HttpResponse<String> answer =
            browser.send(
                request(
                        browser,
                        endpoint.httpMethod(),
                        scene.address(endpoint),
                        body.getKey(),
                        body.getValue())
                    .header("Origin", EVIL));
        if (answer.statusCode() != 403
            || !answer
                .headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("application/problem+json")
            || !answer.body().contains("not from http://evil.example:80")) {
          wrong.add(
              endpoint + " as " + body.getKey() + ": " + answer.statusCode() + " " + answer.body());
        }
      }
      // A page that hides where it comes from (no Origin, no Referer) is refused too.
      HttpResponse<String> hidden =
          browser.send(
              request(
                  browser,
                  endpoint.httpMethod(),
                  scene.address(endpoint),
                  "text/plain",
                  new byte[0]));
      if (hidden.statusCode() != 403 || !hidden.body().contains("no Origin or Referer")) {
        wrong.add(endpoint + " without Origin: " + hidden.statusCode() + " " + hidden.body());
      }
    }
    assertEquals(List.of(), wrong);
    assertEquals(before, state(scene), "the forged calls changed nothing");
    // leave no run behind to take other tests' run slots
    scene.admin().post("submissions/" + scene.submission() + "/cancel", "text/plain", new byte[0]);
  }

  @Test
  void podiumsOwnPagesAndTokensGoOn() {
    Scene scene = scene();
    PageSession browser = adminPage();

    HttpResponse<String> joined =
        browser.send(
            request(
                    browser,
                    "POST",
                    "api/competitions/" + scene.b() + "/participants",
                    "text/plain",
                    new byte[0])
                .header("Origin", browser.origin()));
    assertEquals(201, joined.statusCode(), joined.body());

    HttpResponse<String> seed =
        browser.send(
            request(
                    browser,
                    "POST",
                    "api/competition/"
                        + scene.a().competition()
                        + "/submission?docker-run-command="
                        + URLEncoder.encode(
                            "docker run podium-cross-site:2", StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded",
                    "a=b".getBytes())
                .header("Origin", browser.origin()));
    assertEquals(201, seed.statusCode(), seed.body());
    long submission = json(seed.body()).getJsonNumber("id").longValue();

    // A page whose browser sent a Referer but no Origin.
    HttpResponse<String> cancelled =
        browser.send(
            request(
                    browser,
                    "POST",
                    "api/submissions/" + submission + "/cancel",
                    "text/plain",
                    new byte[0])
                .header("Referer", browser.origin() + "/podium/submission.xhtml?id=" + submission));
    assertEquals(200, cancelled.statusCode(), cancelled.body());
    assertEquals("CANCELLED", json(cancelled.body()).getString("status"));

    // The session creates a token (the account page does), from Podium's own origin.
    HttpResponse<String> token =
        browser.send(
            request(
                    browser,
                    "POST",
                    "api/tokens",
                    "application/json",
                    "{\"name\":\"page\"}".getBytes())
                .header("Origin", browser.origin()));
    assertEquals(201, token.statusCode(), token.body());

    // A program with a token is not a browser: its Origin, if any, does not matter.
    ApiClient.Reply bearer =
        scene
            .admin()
            .post("submissions/" + scene.submission() + "/cancel", "text/plain", new byte[0]);
    assertNotEquals(403, bearer.status(), bearer.body());

    // The page forms post to the pages, with Faces' view state: still fine after the filter.
    HttpResponse<String> page = browser.page("account.xhtml");
    assertEquals(200, page.statusCode());
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }
}
