package org.podium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
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
 * Every list of the API pages: {@code ?page=&size=}, the body the page's items (a JSON array, as
 * before), {@code X-Total-Count} and an RFC 8288 {@code Link} header; walking {@code rel="next"} to
 * the end meets every item exactly once; bad paging parameters are refused naming them; searches
 * and filters narrow in the database; organizers' lists refuse everyone else.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ListPagingIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  private URI api(String path) {
    return URI.create(base.toExternalForm()).resolve("api/" + path);
  }

  /**
   * Walks a list from {@code path} by its {@code next} links: every item once, as many as {@code
   * X-Total-Count} says, every page's links absolute and keeping the other query parameters.
   */
  private List<String> walk(String path, ApiClient client, Function<JsonObject, String> key) {
    List<String> seen = new ArrayList<>();
    URI next = api(path);
    long total = -1;
    int pages = 0;
    while (next != null) {
      Exchange page = Exchanges.get(next, client.authorization());
      assertEquals(200, page.status(), page.toString());
      pages++;
      if (total < 0) {
        total = page.total();
      }
      assertEquals(total, page.total(), "the total stays while the list does not change");
      Map<String, URI> links = page.links();
      assertNotNull(links.get("first"), page.toString());
      assertNotNull(links.get("last"), page.toString());
      assertEquals(pages > 1, links.containsKey("prev"), page.toString());
      for (URI link : links.values()) {
        assertTrue(link.isAbsolute(), "absolute: " + link);
        String query = api(path).getRawQuery();
        if (query != null) {
          for (String parameter : query.split("&")) {
            if (!parameter.startsWith("page=") && !parameter.startsWith("size=")) {
              assertTrue(link.getRawQuery().contains(parameter), link + " keeps " + parameter);
            }
          }
        }
      }
      page.array().getValuesAs(JsonObject.class).forEach(item -> seen.add(key.apply(item)));
      next = links.get("next");
      assertTrue(pages < 500, "the walk ends");
    }
    assertEquals(total, seen.size(), path + " walked: " + seen);
    assertEquals(seen.size(), new HashSet<>(seen).size(), "every item once: " + seen);
    return seen;
  }

  private static String id(JsonObject item) {
    return item.get("id").toString();
  }

  private static String username(JsonObject item) {
    return item.getString("username");
  }

  private void assertRefused(String path, ApiClient client, String field, String message) {
    Exchange refused = Exchanges.get(api(path), client.authorization());
    assertEquals(400, refused.status(), path + ": " + refused);
    assertTrue(
        refused.header("Content-Type").startsWith("application/problem+json"), refused.toString());
    assertEquals(message, refused.json().getJsonObject("errors").getString(field), path);
  }

  private void assertBadPagingRefused(String path, ApiClient client) {
    String sep = path.contains("?") ? "&" : "?";
    assertRefused(
        path + sep + "page=0", client, "page", "Ask for page 1 or a later one, not page 0.");
    assertRefused(
        path + sep + "page=x",
        client,
        "page",
        "Give the page as a whole number, 1 or more, not 'x'.");
    assertRefused(
        path + sep + "size=0", client, "size", "Ask for a page size between 1 and 200, not 0.");
    assertRefused(
        path + sep + "size=201", client, "size", "Ask for a page size between 1 and 200, not 201.");
    assertRefused(
        path + sep + "size=ten",
        client,
        "size",
        "Give the page size as a whole number between 1 and 200, not 'ten'.");
  }

  @Test
  void accountsPageBySearchAndRefuseNonAdministrators() {
    ApiClient admin = ApiClient.admin(base);
    String prefix = "pg" + UUID.randomUUID().toString().substring(0, 6);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      names.add(new ApiClient(base).register(base, prefix + i).username());
    }
    List<String> walked = walk("accounts?q=" + prefix + "&size=2", admin, ListPagingIT::username);
    assertEquals(names.stream().sorted().toList(), walked, "by username");
    Exchange third = Exchanges.get(api("accounts?q=" + prefix + "&size=2"), admin.authorization());
    assertTrue(
        third.links().get("last").getRawQuery().endsWith("page=3&size=2"),
        third.links().toString());
    assertTrue(third.links().get("next").getRawQuery().endsWith("page=2&size=2"));
    // any case, and the e-mail too
    Exchange byMail =
        Exchanges.get(
            api("accounts?q=" + names.get(3).toUpperCase() + "%40EXAMPLE.ORG"),
            admin.authorization());
    assertEquals(1, byMail.total(), byMail.toString());
    assertEquals(names.get(3), byMail.array().getJsonObject(0).getString("username"));
    // a LIKE wildcard is a character like any other
    assertEquals(
        0, Exchanges.get(api("accounts?q=" + prefix + "%25"), admin.authorization()).total());
    assertEquals(
        0, Exchanges.get(api("accounts?q=" + prefix + "_"), admin.authorization()).total());
    // the whole list, all pages of 200 at most
    Exchange all = Exchanges.get(api("accounts?size=200"), admin.authorization());
    assertTrue(all.total() >= 6, all.toString());
    assertEquals(Math.min(200, all.total()), all.array().size());
    assertBadPagingRefused("accounts", admin);

    ApiClient participant = new ApiClient(base).newParticipant(base, "pg-nobody");
    assertEquals(403, Exchanges.get(api("accounts"), participant.authorization()).status());
    assertEquals(401, Exchanges.get(api("accounts"), null).status());
  }

  @Test
  void tokensAndCompetitionsPage() {
    ApiClient.Person person = new ApiClient(base).register(base, "pg-tokens");
    ApiClient basic = ApiClient.basic(base, person.username(), person.password());
    for (int i = 0; i < 4; i++) {
      basic.tokenClient();
    }
    List<String> tokens = walk("tokens?size=2", person.client(), ListPagingIT::id);
    assertEquals(5, tokens.size(), "the one register made and four more");
    assertEquals(tokens.stream().sorted((a, b) -> byNumber(b, a)).toList(), tokens, "newest first");
    assertBadPagingRefused("tokens", person.client());

    ApiClient admin = ApiClient.admin(base);
    List<Long> mine = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      mine.add(
          admin.createCompetition(
              Json.createObjectBuilder()
                  .add("title", "Paged " + i)
                  .add("published", i % 2 == 0)
                  .build()));
    }
    List<String> walked = walk("competitions?size=7", admin, ListPagingIT::id);
    mine.forEach(id -> assertTrue(walked.contains(String.valueOf(id)), id + " listed"));
    // newest first: the last created comes before the first
    assertTrue(
        walked.indexOf(String.valueOf(mine.get(4))) < walked.indexOf(String.valueOf(mine.get(0))));
    List<String> anonymous = new ArrayList<>();
    Exchange first = Exchanges.get(api("competitions?size=200"), null);
    assertEquals(200, first.status(), first.toString());
    first.array().getValuesAs(JsonObject.class).forEach(c -> anonymous.add(id(c)));
    assertFalse(anonymous.contains(String.valueOf(mine.get(1))), "unpublished stays hidden");
    assertEquals(
        first.total(),
        walk("competitions?size=3", new ApiClient(base), ListPagingIT::id).size(),
        "anonymous walk");
    assertBadPagingRefused("competitions", admin);
  }

  @Test
  void participantsPageByStatusAndSearchForOrganizersOnly() {
    ApiClient admin = ApiClient.admin(base);
    long id =
        admin.createCompetition(
            Json.createObjectBuilder()
                .add("title", "Paged participants")
                .add("published", true)
                .add("participation", "APPROVAL")
                .build());
    String prefix = "pp" + UUID.randomUUID().toString().substring(0, 6);
    List<String> names = new ArrayList<>();
    ApiClient someone = null;
    for (int i = 0; i < 5; i++) {
      ApiClient.Person person = new ApiClient(base).register(base, prefix + i);
      person.client().join(id);
      names.add(person.username());
      someone = person.client();
    }
    String path = "competitions/" + id + "/participants";
    assertEquals(names, walk(path + "?size=2", admin, ListPagingIT::username), "oldest first");
    for (String approved : names.subList(0, 2)) {
      assertEquals(
          200,
          admin
              .put(
                  path + "/" + approved,
                  Json.createObjectBuilder().add("status", "APPROVED").build())
              .status());
    }
    assertEquals(
        names.subList(0, 2), walk(path + "?status=approved&size=1", admin, ListPagingIT::username));
    assertEquals(
        names.subList(2, 5), walk(path + "?status=PENDING&size=2", admin, ListPagingIT::username));
    assertEquals(
        List.of(names.get(4)),
        walk(
            path + "?q=" + names.get(4).substring(2).toUpperCase(), admin, ListPagingIT::username));
    assertEquals(0, Exchanges.get(api(path + "?status=DENIED"), admin.authorization()).total());
    assertRefused(
        path + "?status=OPEN",
        admin,
        "status",
        "'OPEN' is not a value of 'status': choose one of PENDING, APPROVED, DENIED.");
    assertBadPagingRefused(path, admin);

    assertEquals(403, Exchanges.get(api(path), someone.authorization()).status());
    assertEquals(401, Exchanges.get(api(path), null).status());
    assertEquals(
        404,
        Exchanges.get(api("competitions/999999999/participants"), admin.authorization()).status());
  }

  @Test
  void submissionsPageForTheirParticipantAndAllOfThemForOrganizers() {
    ApiClient admin = ApiClient.admin(base);
    long id =
        admin.createCompetition(
            Json.createObjectBuilder()
                .add("title", "Paged submissions")
                .add("published", true)
                .add("participation", "AUTO")
                .build());
    long phase =
        admin.addPhase(
            id,
            Json.createObjectBuilder()
                .add("name", "P")
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .build());
    admin.uploadData(id, phase, true, Map.of("truth.csv", "id,value\n1,3\n2,4\n"));
    ApiClient.Person first = new ApiClient(base).register(base, "ps-first");
    ApiClient.Person second = new ApiClient(base).register(base, "ps-second");
    first.client().join(id);
    second.client().join(id);
    String path = "competitions/" + id + "/submissions";
    Set<String> firsts = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      firsts.add(String.valueOf(upload(first.client(), path)));
    }
    Set<String> seconds = new HashSet<>();
    for (int i = 0; i < 2; i++) {
      seconds.add(String.valueOf(upload(second.client(), path)));
    }

    List<String> own = walk(path + "?size=1", first.client(), ListPagingIT::id);
    assertEquals(firsts, new HashSet<>(own));
    assertEquals(own.stream().sorted((a, b) -> byNumber(b, a)).toList(), own, "newest first");
    assertBadPagingRefused(path, first.client());

    List<String> all = walk(path + "/all?size=2", admin, ListPagingIT::id);
    Set<String> both = new HashSet<>(firsts);
    both.addAll(seconds);
    assertEquals(both, new HashSet<>(all));
    assertEquals(
        seconds,
        new HashSet<>(
            walk(
                path + "/all?q=" + second.username().toUpperCase() + "&size=1",
                admin,
                ListPagingIT::id)));
    assertEquals(5, walk(path + "/all?phase=" + phase + "&size=2", admin, ListPagingIT::id).size());
    assertEquals(
        0,
        Exchanges.get(api(path + "/all?status=cancelled"), admin.authorization()).total(),
        "none cancelled");
    assertRefused(
        path + "/all?phase=x",
        admin,
        "phase",
        "Give the phase as its id, a whole number, not 'x'.");
    assertTrue(
        Exchanges.get(api(path + "/all?status=LOST"), admin.authorization())
            .json()
            .getJsonObject("errors")
            .getString("status")
            .startsWith("'LOST' is not a value of 'status': choose one of SUBMITTED, RUNNING"));
    assertEquals(
        404, Exchanges.get(api(path + "/all?phase=999999999"), admin.authorization()).status());
    assertBadPagingRefused(path + "/all", admin);

    assertEquals(403, Exchanges.get(api(path + "/all"), first.client().authorization()).status());
    assertEquals(401, Exchanges.get(api(path + "/all"), null).status());
  }

  private static int byNumber(String a, String b) {
    return Long.compare(Long.parseLong(a), Long.parseLong(b));
  }

  private static long upload(ApiClient participant, String path) {
    ApiClient.Reply reply =
        participant.post(path, "application/zip", Zips.of(Map.of("predictions.csv", "1,3\n2,4\n")));
    assertEquals(201, reply.status(), reply.body());
    return reply.json().getJsonNumber("id").longValue();
  }
}
