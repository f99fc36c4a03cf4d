package org.podium.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.podium.testing.ApiClient;
import org.podium.testing.Browser;
import org.podium.testing.Deployments;
import org.podium.testing.Zips;
import org.podium.web.pages.CompetitionPage;
import org.podium.web.pages.CompetitionsPage;
import org.podium.web.pages.Notices;
import org.podium.web.pages.PodiumPage;
import org.podium.web.pages.ResultsTab;

/**
 * A newcomer finds a competition and joins it (issue 15): cards with state, dates, participants and
 * organizers, searched and filtered (page and API); the page's header with the state; the
 * Overview's rules of each phase; Join saying whether approval is needed, asking to accept the
 * terms (a refusal keeps the address), recorded with its time; the leaderboard with entries, dates,
 * directions and the viewer's row, no column nobody filled in, each entry a card on a phone; the
 * editor's state line. Each step at a desktop's and a phone's width.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CompetitionJourneyIT {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private static final String TERMS = "**Be fair.** No labelling of the test data by hand.";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  /** The competitions of one run, each in one state. */
  private record World(
      String tag,
      ApiClient.Person organizer,
      long open,
      long openPhase,
      long laterPhase,
      long approval,
      long upcoming,
      long closed,
      long draft,
      long empty,
      Instant opens,
      Instant closes) {}

  @Test
  void newcomerFindsJoinsAndReadsTheResultsOfACompetition() {
    World w = world();
    ApiClient.Person me = new ApiClient(base).register(base, "cj-me");
    ApiClient.Person rival = new ApiClient(base).register(base, "cj-rival");
    ApiClient.Person third = new ApiClient(base).register(base, "cj-third");

    try (Browser browser = Browser.open("competition-journey")) {
      browser.signIn(base, me.username(), me.password());
      CompetitionsPage list = new CompetitionsPage(browser, base);
      CompetitionPage page = new CompetitionPage(browser, base);
      ResultsTab results = new ResultsTab(browser, base);

      // Cards: state, short description, dates, participants, organizers; search and filters.
      for (var width : List.of(PodiumPage.DESKTOP, PodiumPage.PHONE)) {
        list.atWidth(width);
        list.open().search(w.tag(), "Any", false);
        assertEquals(
            List.of(
                "Empty " + w.tag(),
                "Closed " + w.tag(),
                "Upcoming " + w.tag(),
                "Approval " + w.tag(),
                "Open " + w.tag()),
            list.titles(),
            "a participant does not see the draft");
        CompetitionsPage.Card open = list.cards().get(4);
        assertEquals(
            new CompetitionsPage.Card(
                "Open " + w.tag(),
                "Open",
                "Predict each line's length; scored by MAE.",
                TIME.format(w.opens()) + " – " + TIME.format(w.closes()),
                "0",
                w.organizer().username()),
            open);
        assertEquals("Not open yet", list.cards().get(0).state());
        assertEquals("No phases yet", list.cards().get(0).dates());
        assertEquals("Closed", list.cards().get(1).state());
        assertEquals("Not open yet", list.cards().get(2).state());
        assertEquals(List.of("Any", "Open now", "Not open yet", "Closed"), list.stateOptions());
        list.shot("cards-" + width.width);
        list.search(w.tag(), "Open now", false);
        assertEquals(List.of("Approval " + w.tag(), "Open " + w.tag()), list.titles());
        assertTrue(list.address().contains("state=open"), list.address());
        list.search(w.tag(), "Any", true);
        assertEquals(List.of(), list.titles(), "not joined yet");
        assertEquals(
            "No competition matches: clear the search or the filters to see more.",
            list.emptyMessage());
        list.shot("filtered-" + width.width);
      }
      // the same filters in the API
      ApiClient anonymous = new ApiClient(base);
      assertEquals(
          List.of(w.approval(), w.open()), ids(anonymous, "?q=" + w.tag() + "&state=open"));
      assertEquals(List.of(w.closed()), ids(anonymous, "?q=" + w.tag() + "&state=closed"));
      assertEquals(
          List.of(w.empty(), w.upcoming()), ids(anonymous, "?q=" + w.tag() + "&state=upcoming"));
      assertEquals(
          List.of(w.draft()), ids(w.organizer().client(), "?q=" + w.tag() + "&state=draft"));
      assertEquals(List.of(), ids(anonymous, "?q=" + w.tag() + "&state=draft"));
      assertEquals(400, anonymous.get("competitions?state=soon").status());
      JsonObject openView = anonymous.get("competitions/" + w.open()).json();
      assertEquals("OPEN", openView.getString("state"));
      assertEquals(TERMS, openView.getString("terms"));
      assertEquals(
          "DRAFT",
          w.organizer().client().get("competitions/" + w.draft()).json().getString("state"));

      // The header's state and the Overview's rules of each phase; a missing competition's title.
      for (var width : List.of(PodiumPage.DESKTOP, PodiumPage.PHONE)) {
        page.atWidth(width);
        page.open(w.open(), "overview");
        assertEquals("Open " + w.tag(), page.heading());
        assertEquals("Open", page.state());
        assertEquals("A phase takes submissions now.", page.stateMeaning());
        assertEquals(TIME.format(w.opens()) + " – " + TIME.format(w.closes()), page.dates());
        assertEquals("Organized by " + w.organizer().username(), page.organizers());
        assertEquals(
            List.of("tab-overview", "tab-participate", "tab-results"), page.tabs().subList(0, 3));
        assertTrue(page.tabsFit(), "every tab in sight without scrolling the tab strip");
        assertEquals("2 min per run", page.phaseFact(w.openPhase(), "time-limit"));
        assertEquals(
            "512 MiB memory, 1.5 CPUs, no GPU", page.phaseFact(w.openPhase(), "resources"));
        assertEquals("mae (lower is better)", page.phaseFact(w.openPhase(), "scoring"));
        assertEquals(
            "3 a day (the day resets at 00:00 UTC), 10 in total",
            page.phaseFact(w.openPhase(), "quotas"));
        assertEquals(
            TIME.format(w.opens()) + " – " + TIME.format(w.opens().plus(10, ChronoUnit.DAYS)),
            page.phaseFact(w.openPhase(), "dates"));
        assertEquals(
            "A scoring program, ranked by Accuracy (higher is better)",
            page.phaseFact(w.laterPhase(), "scoring"));
        assertEquals("No limit", page.phaseFact(w.laterPhase(), "quotas"));
        assertTrue(page.terms().startsWith("Be fair."), page.terms());
        page.shot("overview-" + width.width);
        page.open(w.empty(), "overview");
        assertEquals("Not open yet", page.state());
        assertEquals("No phases yet: the organizers have not added one.", page.noPhases());
        page.shot("no-phases-" + width.width);
        // joining a competition without an open phase does not promise submissions at once
        page.open(w.empty(), "participate");
        assertEquals("No approval needed to join.", page.joinNote());
        assertEquals(
            "No phase takes submissions yet: you can submit once one opens.", page.joinWhen());
        page.open(w.closed(), "overview");
        assertEquals("Closed", page.state());
        page.open(Long.MAX_VALUE, "overview");
        assertEquals("Competition not found — Podium", page.tabTitle());
        page.shot("not-found-" + width.width);
      }

      // Join says whether approval is needed, and the Join button is above the disabled Submit.
      page.atWidth(PodiumPage.PHONE);
      page.open(w.approval(), "participate");
      assertEquals(
          "Joining needs an organizer's approval. An organizer will review your request; you can"
              + " submit once they approve it.",
          page.joinNote());
      assertTrue(page.joinIsAboveDisabledSubmit());
      assertFalse(page.asksToAcceptTerms(), "no terms here");
      page.shot("join-approval-390");
      page.join();
      assertTrue(page.address().contains("id=" + w.approval()), page.address());
      assertEquals(
          "You asked to join. An organizer will review your request; you can submit once they"
              + " approve it.",
          page.pendingNotice());
      page.shot("join-pending-390");
      page.atWidth(PodiumPage.DESKTOP);
      page.shot("join-pending-1366");

      // Terms: a join without accepting them is refused next to the button and keeps ?id=; the
      // page says what to tick in its own words (the API names its parameter), as a boxed alert.
      for (Dimension width : List.of(PodiumPage.DESKTOP, PodiumPage.PHONE)) {
        page.atWidth(width);
        page.open(w.open(), "participate");
        assertEquals("No approval needed: you can submit as soon as you join.", page.joinNote());
        assertEquals("", page.joinWhen(), "open now: nothing to add");
        assertTrue(page.joinIsAboveDisabledSubmit());
        assertTrue(page.asksToAcceptTerms());
        page.join();
        assertTrue(page.address().contains("id=" + w.open()), page.address());
        assertEquals("Tick “I have read the terms and accept them” to join.", page.joinError());
        Notices.Notice refusal = Notices.first(browser, "joinMessages");
        assertEquals("error", refusal.kind());
        assertEquals("alert", refusal.role());
        assertTrue(refusal.boxed(), refusal.toString());
        page.shot("join-refused-" + width.width);
      }
      page.reload();
      assertEquals("Open " + w.tag(), page.heading(), "a reload still shows the competition");
      page.shot("join-terms-390");
      page.acceptTerms().join();
      assertTrue(page.present("approved"), "joined: the Participate tab says so");
      page.shot("joined-390");
      // the API refuses a join without acceptance, and records who accepted when
      ApiClient.Reply refused =
          rival
              .client()
              .post(
                  "competitions/" + w.open() + "/participants", (jakarta.json.JsonStructure) null);
      assertEquals(400, refused.status(), refused.body());
      assertEquals(
          "This competition has terms: read them, then accept them to join with"
              + " ?acceptTerms=true.",
          refused.json().getJsonObject("errors").getString("acceptTerms"),
          refused.body());
      for (ApiClient.Person p : List.of(rival, third)) {
        ApiClient.Reply joined =
            p.client()
                .post(
                    "competitions/" + w.open() + "/participants?acceptTerms=true",
                    (jakarta.json.JsonStructure) null);
        assertEquals(201, joined.status(), joined.body());
      }
      JsonArray participants =
          w.organizer().client().get("competitions/" + w.open() + "/participants").array();
      assertEquals(3, participants.size());
      for (JsonValue p : participants) {
        assertNotNull(Instant.parse(p.asJsonObject().getString("termsAcceptedAt")));
      }
      JsonObject pending =
          w.organizer()
              .client()
              .get("competitions/" + w.approval() + "/participants/" + me.username())
              .json();
      assertTrue(
          !pending.containsKey("termsAcceptedAt") || pending.isNull("termsAcceptedAt"),
          "no terms there, none accepted: " + pending);
      list.atWidth(PodiumPage.DESKTOP);
      list.open().search(w.tag(), "Any", true);
      assertEquals(List.of("Approval " + w.tag(), "Open " + w.tag()), list.titles());
      assertEquals(
          List.of(w.approval(), w.open()), ids(me.client(), "?q=" + w.tag() + "&mine=true"));

      // The leaderboard: entries, submission date, each column's direction, my row highlighted.
      send(me, w.open(), "1,3\n2,5\n");
      send(me, w.open(), "1,3\n2,4\n");
      send(rival, w.open(), "1,3\n2,6\n");
      send(third, w.open(), "1,4\n2,6\n");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                JsonObject board =
                    anonymous
                        .get(
                            "competitions/"
                                + w.open()
                                + "/phases/"
                                + w.openPhase()
                                + "/leaderboard")
                        .json();
                JsonArray rows = board.getJsonArray("rows");
                return rows.size() == 3 && rows.getJsonObject(0).getInt("entries") == 2;
              });
      for (var width : List.of(PodiumPage.DESKTOP, PodiumPage.PHONE)) {
        results.atWidth(width);
        results.open(w.open());
        List<String> headers = results.headers(w.openPhase());
        assertTrue(headers.contains("mae ↓ lower is better"), headers.toString());
        List<ResultsTab.Row> rows = results.rows(w.openPhase());
        assertEquals(
            List.of(me.username(), rival.username(), third.username()),
            rows.stream().map(ResultsTab.Row::participant).toList());
        assertEquals(List.of("2", "1", "1"), rows.stream().map(ResultsTab.Row::entries).toList());
        assertEquals(List.of(true, false, false), rows.stream().map(ResultsTab.Row::mine).toList());
        assertTrue(rows.get(0).submitted().endsWith(" UTC"), rows.get(0).submitted());
        // nobody named a team or a method: no empty column takes the width
        assertEquals(
            List.of("#", "Participant", "mae ↓ lower is better", "Entries", "Submitted"), headers);
        assertTrue(
            results.primaryScoreOnScreen(w.openPhase()),
            "the score on screen, nothing scrolled, at " + width.width);
        results.shot("leaderboard-" + width.width);
        if (width == PodiumPage.PHONE) {
          // each entry a card: nothing to scroll to, every value with its column's name
          assertFalse(results.scrollsInsideItsCard(w.openPhase()), "a phone's card fits");
          assertEquals("mae ↓ lower is better", results.phoneLabel(w.openPhase(), "primary"));
          assertEquals("Entries", results.phoneLabel(w.openPhase(), "entries"));
          assertEquals("Submitted", results.phoneLabel(w.openPhase(), "submitted"));
        }
      }
      page.open(w.open(), "overview");
      assertEquals("3 participants", page.participants());

      // The editor's state line and Terms field, for the organizer.
      browser.clickAndWait(By.id("signout:signOut"));
      browser.signIn(base, w.organizer().username(), w.organizer().password());
      for (var width : List.of(PodiumPage.DESKTOP, PodiumPage.PHONE)) {
        page.atWidth(width);
        browser.driver().get(base + "edit-competition.xhtml?id=" + w.draft());
        assertEquals(
            "Draft Only its organizers see it until they publish it.",
            browser.driver().findElement(By.id("state-line")).getText().replace('\n', ' '));
        // (a screenshot only: the editor's own layout on a phone is another part of issue 15)
        browser.screenshot("editor-draft-" + width.width);
        browser.driver().get(base + "edit-competition.xhtml?id=" + w.open());
        assertTrue(browser.driver().findElement(By.id("state-line")).getText().startsWith("Open"));
        assertEquals(
            TERMS, browser.driver().findElement(By.id("competition:terms")).getAttribute("value"));
        browser.screenshot("editor-open-" + width.width);
      }
    }
  }

  private void send(ApiClient.Person who, long competition, String predictions) {
    ApiClient.Reply sent =
        who.client()
            .post(
                "competitions/" + competition + "/submissions",
                "application/zip",
                Zips.of(Map.of("predictions.csv", predictions)));
    assertEquals(201, sent.status(), sent.body());
  }

  private static List<Long> ids(ApiClient client, String query) {
    ApiClient.Reply reply = client.get("competitions" + query);
    assertEquals(200, reply.status(), reply.body());
    return reply.array().stream()
        .map(v -> v.asJsonObject().getJsonNumber("id").longValue())
        .toList();
  }

  /** An organizer and six competitions, one per state, newest last. */
  private World world() {
    String tag = "cj" + UUID.randomUUID().toString().substring(0, 6);
    ApiClient admin = ApiClient.admin(base);
    ApiClient.Person organizer = new ApiClient(base).register(base, "cj-org");
    ApiClient.Reply granted =
        admin.put(
            "accounts/" + organizer.username() + "/roles",
            Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("PARTICIPANT").add("ORGANIZER"))
                .build());
    assertEquals(200, granted.status(), granted.body());
    ApiClient org = organizer.client();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    Instant opens = now.minus(1, ChronoUnit.DAYS);
    Instant closes = now.plus(40, ChronoUnit.DAYS);
    long open =
        org.createCompetition(
            Json.createObjectBuilder()
                .add("title", "Open " + tag)
                .add(
                    "description",
                    "## About\n\nPredict each line's **length**; scored by MAE.\n\nMore.")
                .add("terms", TERMS)
                .add("published", true)
                .add("participation", "AUTO")
                .build());
    long openPhase =
        org.addPhase(
            open,
            Json.createObjectBuilder()
                .add("name", "Development")
                .add("opensAt", opens.toString())
                .add("closesAt", opens.plus(10, ChronoUnit.DAYS).toString())
                .add("executionTimeLimitSeconds", 120)
                .add("memoryMb", 512)
                .add("cpus", 1.5)
                .add("maxSubmissionsPerDay", 3)
                .add("maxSubmissions", 10)
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .build());
    org.uploadData(open, openPhase, true, Map.of("truth.csv", "1,3\n2,4\n"));
    long laterPhase =
        org.addPhase(
            open,
            Json.createObjectBuilder()
                .add("name", "Final")
                .add("opensAt", now.plus(20, ChronoUnit.DAYS).toString())
                .add("closesAt", closes.toString())
                .add(
                    "scoring",
                    Json.createObjectBuilder()
                        .add("image", "registry.example.org/scorer:1")
                        .add("command", "score"))
                .add(
                    "columns",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("key", "accuracy")
                                .add("label", "Accuracy")
                                .add("sort", "desc")
                                .add("primary", true)))
                .build());
    long approval = competition(org, "Approval " + tag, true, "APPROVAL");
    phase(org, approval, now.minus(1, ChronoUnit.DAYS), null);
    long upcoming = competition(org, "Upcoming " + tag, true, "AUTO");
    phase(org, upcoming, now.plus(5, ChronoUnit.DAYS), null);
    long closed = competition(org, "Closed " + tag, true, "AUTO");
    phase(org, closed, now.minus(30, ChronoUnit.DAYS), now.minus(20, ChronoUnit.DAYS));
    long draft = competition(org, "Draft " + tag, false, "AUTO");
    phase(org, draft, now.minus(1, ChronoUnit.DAYS), null);
    long empty = competition(org, "Empty " + tag, true, "AUTO");
    return new World(
        tag,
        organizer,
        open,
        openPhase,
        laterPhase,
        approval,
        upcoming,
        closed,
        draft,
        empty,
        opens,
        closes);
  }

  private static long competition(ApiClient org, String title, boolean published, String join) {
    return org.createCompetition(
        Json.createObjectBuilder()
            .add("title", title)
            .add("published", published)
            .add("participation", join)
            .build());
  }

  private static void phase(ApiClient org, long competition, Instant opens, Instant closes) {
    var phase =
        Json.createObjectBuilder()
            .add("name", "Only")
            .add("opensAt", opens.toString())
            .add("scoring", Json.createObjectBuilder().add("metric", "mae"));
    if (closes != null) {
      phase.add("closesAt", closes.toString());
    }
    org.addPhase(competition, phase.build());
  }
}
