package org.podium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.podium.testing.ApiClient;
import org.podium.testing.Deployments;
import org.podium.testing.Exchanges;
import org.podium.testing.Exchanges.Exchange;
import org.podium.testing.Zips;

/**
 * Small manners of the API: every {@code 201 Created} says where the new resource is ({@code
 * Location}, which answers GET), every {@code 429} says when to come back ({@code Retry-After}),
 * and a JSON body with a value of the wrong type or an unknown name is a 400 naming its field.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiMannersIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  private URI api(String path) {
    return URI.create(base.toExternalForm()).resolve("api/" + path);
  }

  /** A 201 with its Location, which answers GET (as {@code reader}) with the same resource. */
  private JsonObject created(Exchange exchange, String reader, String key) {
    assertEquals(201, exchange.status(), exchange.toString());
    String location = exchange.header("Location");
    assertNotNull(location, "Location on " + exchange);
    URI uri = URI.create(location);
    assertTrue(uri.isAbsolute(), location);
    assertTrue(uri.getPath().startsWith(api("").getPath()), location + " is in the API");
    Exchange got = Exchanges.get(uri, reader);
    assertEquals(200, got.status(), location + ": " + got);
    assertEquals(exchange.json().get(key), got.json().get(key), location);
    return exchange.json();
  }

  @Test
  void everyCreatedAnswerSaysWhereTheNewResourceIs() {
    ApiClient admin = ApiClient.admin(base);
    String auth = admin.authorization();

    String username = "manners-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "password-" + UUID.randomUUID();
    Exchange registered =
        Exchanges.send(
            "POST",
            api("accounts"),
            null,
            Json.createObjectBuilder()
                .add("username", username)
                .add("email", username + "@example.org")
                .add("password", password)
                .build()
                .toString());
    String basic = ApiClient.basic(base, username, password).authorization();
    // Basic credentials only make tokens; a token reads the rest
    ApiClient participant = ApiClient.basic(base, username, password).tokenClient();
    JsonObject account = created(registered, participant.authorization(), "username");
    assertEquals(username, account.getString("username"));
    assertEquals(
        200, Exchanges.get(api("accounts/" + username), auth).status(), "admins see any account");
    String stranger = new ApiClient(base).newParticipant(base, "manners").authorization();
    assertEquals(404, Exchanges.get(api("accounts/" + username), stranger).status());
    created(
        Exchanges.send("POST", api("tokens"), basic, "{\"name\":\"m\"}"),
        participant.authorization(),
        "id");

    long competition =
        created(
                Exchanges.send(
                    "POST",
                    api("competitions"),
                    auth,
                    "{\"title\":\"Manners\",\"published\":true,\"participation\":\"AUTO\"}"),
                auth,
                "id")
            .getJsonNumber("id")
            .longValue();
    long phase =
        created(
                Exchanges.send(
                    "POST",
                    api("competitions/" + competition + "/phases"),
                    auth,
                    "{\"name\":\"P\",\"scoring\":{\"metric\":\"mae\"}}"),
                null,
                "id")
            .getJsonNumber("id")
            .longValue();
    admin.uploadData(competition, phase, true, Map.of("truth.csv", "id,value\n1,3\n2,4\n"));

    Exchange joined =
        Exchanges.send(
            "POST",
            api("competitions/" + competition + "/participants"),
            participant.authorization(),
            "");
    created(joined, participant.authorization(), "username");
    assertEquals(200, Exchanges.get(URI.create(joined.header("Location")), auth).status());
    assertEquals(
        404,
        Exchanges.get(URI.create(joined.header("Location")), stranger).status(),
        "someone else's participation is not theirs to see");

    Exchange upload =
        upload(
            participant,
            "competitions/" + competition + "/submissions",
            Zips.of(Map.of("predictions.csv", "1,3\n2,4\n")));
    long submission = created(upload, participant.authorization(), "id").getInt("id");
    assertTrue(upload.header("Location").endsWith("/api/submissions/" + submission));
    Exchange rerun = Exchanges.send("POST", api("submissions/" + submission + "/rerun"), auth, "");
    created(rerun, auth, "id");
    assertTrue(rerun.header("Location").endsWith("/api/submissions/" + rerun.json().getInt("id")));
  }

  @Test
  void everyTooManyAnswerSaysWhenToComeBack() {
    ApiClient admin = ApiClient.admin(base);
    for (String quota : List.of("maxSubmissionsPerDay", "maxSubmissions")) {
      long competition =
          admin.createCompetition(
              Json.createObjectBuilder()
                  .add("title", "Quota " + quota)
                  .add("published", true)
                  .add("participation", "AUTO")
                  .build());
      long phase =
          admin.addPhase(
              competition,
              Json.createObjectBuilder()
                  .add("name", "P")
                  .add(quota, 1)
                  .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                  .build());
      admin.uploadData(competition, phase, true, Map.of("truth.csv", "id,value\n1,3\n2,4\n"));
      ApiClient participant = new ApiClient(base).newParticipant(base, "quota");
      participant.join(competition);
      byte[] zip = Zips.of(Map.of("predictions.csv", "1,3\n2,4\n"));
      String path = "competitions/" + competition + "/submissions";
      assertEquals(201, participant.post(path, "application/zip", zip).status());
      Instant asked = Instant.now();
      Exchange refused = upload(participant, path, zip);
      assertEquals(429, refused.status(), refused.toString());
      String retryAfter = refused.header("Retry-After");
      assertNotNull(retryAfter, "Retry-After on " + refused);
      long seconds = Long.parseLong(retryAfter);
      if (quota.equals("maxSubmissionsPerDay")) {
        long untilMidnight =
            Duration.between(
                    asked,
                    LocalDate.now(ZoneOffset.UTC)
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant())
                .toSeconds();
        assertTrue(
            Math.abs(seconds - untilMidnight) <= 5,
            retryAfter + " seconds until the next UTC midnight, " + untilMidnight);
      } else {
        assertEquals(86_400, seconds, "a total that never comes back: a day");
      }
    }
  }

  private Exchange upload(ApiClient participant, String path, byte[] zip) {
    try {
      return new Exchange(
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(api(path))
                      .header("Authorization", participant.authorization())
                      .header("Content-Type", "application/zip")
                      .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(zip))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private record Body(String method, String path, String json, String field) {}

  @Test
  void aValueOfTheWrongTypeIsA400NamingItsField() {
    ApiClient admin = ApiClient.admin(base);
    ApiClient.Created a =
        admin.lineLengthCompetition(
            "Manners " + UUID.randomUUID().toString().substring(0, 6), 30, 64);
    ApiClient.Person person = new ApiClient(base).register(base, "manners-types");
    person.client().join(a.competition());
    String competition = "competitions/" + a.competition();
    String phase = competition + "/phases/" + a.phase();
    List<Body> bodies = new ArrayList<>();
    for (String[] target : new String[][] {{"POST", "competitions"}, {"PUT", competition}}) {
      String m = target[0];
      String p = target[1];
      bodies.add(new Body(m, p, "{\"title\":\"T\",\"participation\":\"OPEN\"}", "participation"));
      bodies.add(new Body(m, p, "{\"title\":\"T\",\"published\":\"yes\"}", "published"));
      bodies.add(new Body(m, p, "{\"title\":\"T\",\"published\":1}", "published"));
      bodies.add(new Body(m, p, "{\"title\":{\"a\":1}}", "title"));
      bodies.add(new Body(m, p, "{\"title\":\"T\",\"organizers\":{\"a\":1}}", "organizers"));
      bodies.add(new Body(m, p, "{\"title\":\"T\",\"participation\":7}", "participation"));
    }
    for (String[] target : new String[][] {{"POST", competition + "/phases"}, {"PUT", phase}}) {
      String m = target[0];
      String p = target[1];
      String scoring = ",\"scoring\":{\"metric\":\"mae\"}";
      bodies.add(
          new Body(m, p, "{\"name\":\"P\",\"memoryMb\":\"big\"" + scoring + "}", "memoryMb"));
      bodies.add(new Body(m, p, "{\"name\":\"P\",\"scoring\":\"mae\"}", "scoring"));
      bodies.add(new Body(m, p, "{\"name\":\"P\",\"scoring\":[1]}", "scoring"));
      bodies.add(
          new Body(m, p, "{\"name\":\"P\",\"columns\":{\"a\":1}" + scoring + "}", "columns"));
      bodies.add(new Body(m, p, "{\"name\":\"P\",\"opensAt\":true" + scoring + "}", "opensAt"));
      bodies.add(new Body(m, p, "{\"name\":[1]" + scoring + "}", "name"));
      bodies.add(new Body(m, p, "{\"name\":\"P\",\"gpus\":false" + scoring + "}", "gpus"));
    }
    String submissions = competition + "/submissions";
    bodies.add(new Body("POST", submissions, "{\"image\":{\"a\":1}}", "image"));
    bodies.add(new Body("POST", submissions, "{\"image\":\"x:1\",\"phaseId\":\"one\"}", "phaseId"));
    bodies.add(
        new Body("POST", submissions, "{\"image\":\"x:1\",\"command\":{\"a\":1}}", "command"));
    bodies.add(new Body("POST", submissions, "{\"image\":\"x:1\",\"env\":[1]}", "env"));
    bodies.add(new Body("POST", "accounts", "{\"username\":{\"a\":1}}", "username"));
    bodies.add(new Body("POST", "accounts", "{\"username\":\"u\",\"password\":[1]}", "password"));
    String roles = "accounts/" + person.username() + "/roles";
    bodies.add(new Body("PUT", roles, "{\"roles\":[\"BOSS\"]}", "roles"));
    bodies.add(new Body("PUT", roles, "{\"roles\":\"ADMIN\"}", "roles"));
    bodies.add(new Body("PUT", roles, "{\"roles\":{\"a\":1}}", "roles"));
    bodies.add(new Body("POST", "tokens", "{\"name\":{\"a\":1}}", "name"));
    bodies.add(new Body("POST", "tokens", "{\"name\":[\"a\"]}", "name"));
    String decision = competition + "/participants/" + person.username();
    bodies.add(new Body("PUT", decision, "{\"status\":\"MAYBE\"}", "status"));
    bodies.add(new Body("PUT", decision, "{\"status\":2}", "status"));

    String basic = ApiClient.basic(base, person.username(), person.password()).authorization();
    List<String> wrong = new ArrayList<>();
    for (Body body : bodies) {
      String auth =
          body.path().startsWith("tokens")
              ? basic
              : body.path().endsWith("/submissions")
                  ? person.client().authorization()
                  : admin.authorization();
      Exchange answer = Exchanges.send(body.method(), api(body.path()), auth, body.json());
      String type = answer.header("Content-Type");
      JsonObject problem =
          answer.body().startsWith("{") ? answer.json() : Json.createObjectBuilder().build();
      boolean named =
          problem.containsKey("errors")
              && problem.getJsonObject("errors").containsKey(body.field());
      if (answer.status() != 400
          || type == null
          || !type.startsWith("application/problem+json")
          || !named
          || !problem.getString("detail", "").startsWith(body.field() + ": ")) {
        wrong.add(body + " -> " + answer.status() + " " + answer.body());
      }
    }
    assertEquals(List.of(), wrong, wrong.size() + " of " + bodies.size() + " answers were wrong");
  }
}
