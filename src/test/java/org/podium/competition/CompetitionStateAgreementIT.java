package org.podium.competition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.podium.testing.ApiClient;
import org.podium.testing.Deployments;

/**
 * A competition's state exists twice: {@link CompetitionState#of} (Java, each competition's view
 * and page) and {@code CompetitionLists.STATES} (JPQL, the list's {@code state} filter done in the
 * database). On generated competitions — drafts and published ones, with no phase or up to three,
 * ended, open, ahead, open-ended, back to back and with gaps — the filter returns exactly the
 * competitions whose view says that state, and every competition is in exactly one.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CompetitionStateAgreementIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  /**
   * Offsets from now a phase opens or closes at: far enough that the test's run cannot move one.
   */
  private static final List<Duration> TIMES =
      List.of(
          Duration.ofDays(-60),
          Duration.ofDays(-20),
          Duration.ofDays(-1),
          Duration.ofDays(1),
          Duration.ofDays(20),
          Duration.ofDays(60));

  @Test
  void theListFilterAndTheViewAgreeOnEveryGeneratedCompetition() {
    ApiClient admin = ApiClient.admin(base);
    ApiClient.Person person = new ApiClient(base).register(base, "states");
    ApiClient.Reply role =
        admin.put(
            "accounts/" + person.username() + "/roles",
            Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("ORGANIZER").add("PARTICIPANT"))
                .build());
    assertEquals(200, role.status(), role.body());
    // Only this organizer's competitions are compared: "mine" leaves out every other test's.
    ApiClient organizer = person.client();
    Random random = new Random(20261130L);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Map<Long, String> viewed = new HashMap<>();
    for (int i = 0; i < 48; i++) {
      boolean published = i % 6 != 0;
      long id =
          organizer.createCompetition(
              Json.createObjectBuilder()
                  .add("title", "State " + i)
                  .add("description", "Generated for the state agreement test.")
                  .add("published", published)
                  .build());
      int phases = random.nextInt(4);
      for (int p = 0; p < phases; p++) {
        organizer.addPhase(id, phase(p, now, random));
      }
      ApiClient.Reply view = organizer.get("competitions/" + id);
      assertEquals(200, view.status(), view.body());
      viewed.put(id, view.json().getString("state"));
    }
    Map<String, Set<Long>> expected = new TreeMap<>();
    viewed.forEach((id, state) -> expected.computeIfAbsent(state, s -> new HashSet<>()).add(id));
    // The generator reaches every state, or the test would compare less than its name says.
    assertEquals(
        Set.of("CLOSED", "DRAFT", "OPEN", "UPCOMING"),
        expected.keySet(),
        "states of the generated competitions");

    Map<String, Set<Long>> filtered = new TreeMap<>();
    Set<Long> seen = new HashSet<>();
    for (CompetitionState state : CompetitionState.values()) {
      Set<Long> ids = listed(organizer, state.name().toLowerCase(Locale.ROOT));
      filtered.put(state.name(), ids);
      for (Long id : ids) {
        assertEquals(true, seen.add(id), "competition " + id + " is listed in two states");
      }
    }
    assertEquals(expected, filtered, "the database's filter against each competition's view");
    assertEquals(viewed.keySet(), seen, "every competition is in one state");
  }

  /** Phase {@code p}: opens and closes at two of {@link #TIMES}, or opens and never closes. */
  private static JsonObject phase(int p, Instant now, Random random) {
    int opens = random.nextInt(TIMES.size());
    JsonObjectBuilder phase =
        Json.createObjectBuilder()
            .add("name", "Phase " + (p + 1))
            .add("opensAt", now.plus(TIMES.get(opens)).toString())
            .add("scoring", Json.createObjectBuilder().add("metric", "mae"));
    if (opens < TIMES.size() - 1 && random.nextInt(4) != 0) {
      int closes = opens + 1 + random.nextInt(TIMES.size() - opens - 1);
      phase.add("closesAt", now.plus(TIMES.get(closes)).toString());
    }
    return phase.build();
  }

  /** The ids of the organizer's competitions the list gives for {@code state}, over all pages. */
  private static Set<Long> listed(ApiClient organizer, String state) {
    Set<Long> ids = new HashSet<>();
    List<Long> page;
    int number = 1;
    do {
      ApiClient.Reply reply =
          organizer.get("competitions?mine=true&size=20&state=" + state + "&page=" + number++);
      assertEquals(200, reply.status(), reply.body());
      page = new ArrayList<>();
      for (var item : reply.array()) {
        page.add(item.asJsonObject().getJsonNumber("id").longValue());
      }
      ids.addAll(page);
    } while (!page.isEmpty());
    return ids;
  }
}
