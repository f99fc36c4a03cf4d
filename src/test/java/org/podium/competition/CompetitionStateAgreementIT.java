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
    Map<Long, String> described = new HashMap<>();
    for (int i = 0; i < 48; i++) {
      boolean published = i % 6 != 0;
      long id =
          organizer.createCompetition(
              Json.createObjectBuilder()
                  .add("title", "State " + i)
                  .add("description", "Generated for the state agreement test.")
                  .add("published", published)
                  .build());
      // The first ones by design (ended; ended then ahead; back to back), the rest at random.
      int[][] windows =
          switch (i) {
            case 1 -> new int[][] {{0, 1}};
            case 2 -> new int[][] {{0, 1}, {1, 2}};
            case 3 -> new int[][] {{0, 2}, {3, 4}};
            case 4 -> new int[][] {{1, 2}, {2, 3}};
            default -> randomWindows(random);
          };
      for (int p = 0; p < windows.length; p++) {
        organizer.addPhase(id, phase(p, now, windows[p]));
      }
      ApiClient.Reply view = organizer.get("competitions/" + id);
      assertEquals(200, view.status(), view.body());
      viewed.put(id, view.json().getString("state"));
      described.put(id, published + " " + view.json().getJsonArray("phases"));
    }
    Map<String, Set<Long>> expected = new TreeMap<>();
    viewed.forEach((id, state) -> expected.computeIfAbsent(state, s -> new HashSet<>()).add(id));
    // The generator reaches every state, or the test would compare less than its name says.
    assertEquals(
        Set.of("CLOSED", "DRAFT", "OPEN", "UPCOMING"),
        expected.keySet(),
        "states of the generated competitions: " + described);

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

  /** Up to three phases, each opening and closing at two of {@link #TIMES} or never closing. */
  private static int[][] randomWindows(Random random) {
    int[][] windows = new int[random.nextInt(4)][];
    for (int p = 0; p < windows.length; p++) {
      int opens = random.nextInt(TIMES.size());
      boolean closes = opens < TIMES.size() - 1 && random.nextInt(4) != 0;
      windows[p] =
          new int[] {opens, closes ? opens + 1 + random.nextInt(TIMES.size() - opens - 1) : -1};
    }
    return windows;
  }

  /** Phase {@code p} opening at {@code TIMES[window[0]]}, closing at {@code TIMES[window[1]]}. */
  private static JsonObject phase(int p, Instant now, int[] window) {
    JsonObjectBuilder phase =
        Json.createObjectBuilder()
            .add("name", "Phase " + (p + 1))
            .add("opensAt", now.plus(TIMES.get(window[0])).toString())
            .add("scoring", Json.createObjectBuilder().add("metric", "mae"));
    if (window[1] >= 0) {
      phase.add("closesAt", now.plus(TIMES.get(window[1])).toString());
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
