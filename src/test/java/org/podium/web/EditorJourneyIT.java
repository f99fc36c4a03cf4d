package org.podium.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URL;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
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
import org.podium.account.BootstrapCredentials;
import org.podium.testing.ApiClient;
import org.podium.testing.Browser;
import org.podium.testing.Deployments;
import org.podium.web.pages.EditCompetitionPage;
import org.podium.web.pages.ForbiddenPage;
import org.podium.web.pages.Masthead;
import org.podium.web.pages.PodiumPage;

/**
 * The organizer's editor as a newcomer meets it (issue 15), at a desktop's and a phone's width: a
 * field over its database column is named next to the field with the form kept and the address
 * keeping {@code ?id=}; people who may not open a page get a plain refusal (403) or the sign-in
 * page; the tables stay inside the window; the phase form shows the chosen scoring kind's fields;
 * publishing lists what is missing; the description has a preview; Deny asks first. The heading
 * names the competition; each phase is a block on a phone; the Participants table says when each
 * accepted the terms; a 40-character username keeps the bar on top to one line.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EditorJourneyIT {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  private static final List<Dimension> WIDTHS = List.of(PodiumPage.DESKTOP, PodiumPage.PHONE);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  private static String at(Dimension width) {
    return width.getWidth() == PodiumPage.PHONE.getWidth() ? "phone" : "desktop";
  }

  @Test
  void anOrganizerEditsACompetitionAndOthersAreToldWhatTheyMayNotOpen() {
    ApiClient admin = ApiClient.admin(base);
    BootstrapCredentials root =
        BootstrapCredentials.read(
                Path.of(System.getProperty("podium.it.home", "target/podium-home-it")))
            .orElseThrow();
    String title = "Editor " + UUID.randomUUID().toString().substring(0, 6);
    long competition =
        admin.createCompetition(
            Json.createObjectBuilder()
                .add("title", title)
                .add("description", "Predict the line lengths.")
                .add("published", true)
                .add("participation", "AUTO")
                .build());
    admin.addPhase(
        competition,
        Json.createObjectBuilder()
            .add("name", "Dev")
            .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
            .build());
    long empty =
        admin.createCompetition(Json.createObjectBuilder().add("title", title + " empty").build());
    ApiClient.Person participant = new ApiClient(base).register(base, "editor-part");
    participant.client().join(competition);
    // Terms set after one participant joined: they never accepted them; the next one did.
    long withTerms =
        admin.createCompetition(
            Json.createObjectBuilder()
                .add("title", title + " terms")
                .add("published", true)
                .add("participation", "AUTO")
                .build());
    ApiClient.Person early = new ApiClient(base).register(base, "editor-early");
    early.client().join(withTerms);
    ApiClient.Reply termsSet =
        admin.put(
            "competitions/" + withTerms,
            Json.createObjectBuilder()
                .add("title", title + " terms")
                .add("published", true)
                .add("participation", "AUTO")
                .add("terms", "Be fair.")
                .build());
    assertEquals(200, termsSet.status(), termsSet.body());
    ApiClient.Person accepting = new ApiClient(base).register(base, "editor-accepting");
    ApiClient.Reply joined =
        accepting
            .client()
            .post(
                "competitions/" + withTerms + "/participants?acceptTerms=true",
                (jakarta.json.JsonStructure) null);
    assertEquals(201, joined.status(), joined.body());
    Instant acceptedAt =
        Instant.parse(
            admin
                .get("competitions/" + withTerms + "/participants/" + accepting.username())
                .json()
                .getString("termsAcceptedAt"));

    try (Browser organizer = Browser.open("editor-organizer");
        Browser someone = Browser.open("editor-participant")) {
      EditCompetitionPage editor = new EditCompetitionPage(organizer, base);

      // Point 2, anonymous: the editor sends them to sign in, and back to it afterwards.
      for (Dimension width : WIDTHS) {
        editor.atWidth(width);
        editor.open(competition);
        assertTrue(
            editor.address().contains("signin.xhtml?next="), "anonymous: " + editor.address());
        editor.shot("2-anonymous-signin-" + at(width));
      }
      organizer.driver().findElement(By.id("signin:username")).sendKeys(root.username());
      organizer.driver().findElement(By.id("signin:password")).sendKeys(root.password());
      organizer.clickAndWait(By.id("signin:submit"));
      assertTrue(
          editor.address().endsWith("edit-competition.xhtml?id=" + competition),
          "back on the editor after signing in: " + editor.address());
      assertEquals(title, editor.title());

      // Point 2, signed in without the role: a plain page with 403, not "Something went wrong".
      someone.signIn(base, participant.username(), participant.password());
      ForbiddenPage refused = new ForbiddenPage(someone, base);
      for (Dimension width : WIDTHS) {
        refused.atWidth(width);
        refused.visit("edit-competition.xhtml?id=" + competition);
        assertEquals("You are not an organizer of this competition.", refused.refusal());
        assertEquals("You may not open this page", refused.heading());
        assertTrue(refused.backLink().endsWith("/competitions.xhtml"), refused.backLink());
        refused.shot("2-not-an-organizer-" + at(width));
        refused.visit("admin.xhtml");
        assertEquals("This page is for Podium's administrators.", refused.refusal());
        refused.shot("2-not-an-admin-" + at(width));
      }
      assertEquals(403, refused.status("edit-competition.xhtml?id=" + competition));
      assertEquals(403, refused.status("admin.xhtml"));
      refused.visit("edit-competition.xhtml");
      assertEquals(
          "Creating a competition needs the organizer role: ask an administrator of Podium for it.",
          refused.refusal());
      assertEquals(403, refused.status("edit-competition.xhtml"));
      assertEquals(404, refused.status("edit-competition.xhtml?id=" + Long.MAX_VALUE));

      for (Dimension width : WIDTHS) {
        editor.atWidth(width);
        String where = at(width);

        // Points 1, 3 and 13: a title over its column is named next to the field, the form
        // kept, the address keeps ?id= and reloading shows the same competition.
        String tooLong = "T".repeat(201);
        editor.open(competition).title(tooLong).description("Kept **as typed**.").save();
        assertEquals(
            "The title has 201 characters: shorten it to at most 200.",
            editor.fieldError("competition:title"));
        assertEquals(tooLong, editor.title());
        assertEquals("Kept **as typed**.", editor.description());
        assertTrue(
            editor.address().contains("id=" + competition), "refused post: " + editor.address());
        // the heading names the competition as saved, not the refused title typed
        assertEquals("Edit “" + title + "”", editor.heading());
        editor.shot("1-title-too-long-" + where);
        editor.reload();
        assertEquals("Edit “" + title + "”", editor.heading());
        assertEquals("Edit “" + title + "” — Podium", editor.tabTitle());
        assertEquals(title, editor.title());

        // The phase form: each field over its column, all named at once, the form kept.
        editor
            .phaseName("N".repeat(101))
            .scoringKind("container")
            .scoringImage("busybox:1")
            .scoringCommand("x".repeat(2001))
            .columns("score, " + "L".repeat(101) + ", desc, 4, primary")
            .addPhase();
        assertEquals(
            "The phase's name is longer than 100 characters: shorten it.",
            editor.fieldError("phase:name"));
        assertEquals(
            "The scoring command is longer than 2,000 characters: shorten it.",
            editor.fieldError("phase:scoringCommand"));
        assertEquals(
            "A column's label has at most 100 characters: shorten it.",
            editor.fieldError("phase:columns"));
        assertEquals("N".repeat(101), editor.phaseName());
        assertTrue(
            editor.address().contains("id=" + competition), "refused post: " + editor.address());
        // Point 7 without a click: the page comes back with the chosen kind's fields.
        assertTrue(editor.showsScoringFields("container"), "the container's fields");
        assertFalse(editor.showsScoringFields("metric"), "not the metric's");
        editor.scrollTo("phase:name");
        editor.shot("1-phase-too-long-" + where);

        // Point 7: the phase form shows the fields of the kind chosen.
        editor.open(competition);
        assertTrue(editor.showsScoringFields("metric"), "a new phase: metric fields");
        assertFalse(editor.showsScoringFields("container"), "and not the container's");
        editor.scoringKind("container");
        assertTrue(editor.showsScoringFields("container"), "container chosen: its fields");
        assertFalse(editor.showsScoringFields("metric"), "and not the metric's");
        editor.scrollTo("phase:scoringKind");
        editor.shot("7-scoring-container-" + where);
        editor.scoringKind("metric");
        assertTrue(editor.showsScoringFields("metric"), "metric again");
        assertFalse(editor.showsScoringFields("container"), "container hidden again");

        // Point 14: what participants would run into, by the Published box.
        List<String> gaps = editor.publishGaps();
        assertTrue(
            gaps.contains(
                "Phase 'Dev' has no reference data: its submissions cannot be scored until you"
                    + " upload it."),
            gaps.toString());
        assertTrue(
            gaps.contains(
                "Phase 'Dev' has no closing date: it stays open for ever unless you set one."),
            gaps.toString());
        assertNull(editor.noPhases());
        editor.scrollTo("competition:published");
        editor.shot("14-publish-gaps-" + where);

        // An empty Phases table says so and what to do; saving it published says what is missing.
        editor.open(empty);
        assertEquals(
            "No phases yet. Add one below (its name, dates and scoring), then upload its data:"
                + " participants submit to a phase.",
            editor.noPhases());
        assertTrue(
            editor
                .publishGaps()
                .contains("There is no phase yet: participants cannot submit until you add one."));
        editor.published(true).save();
        assertEquals(
            "Saved. Published with 2 things still missing: see the list by Published.",
            editor.messages());
        editor.published(false).save();
        assertEquals("Saved.", editor.messages());
        editor.scrollTo("no-phases");
        editor.shot("14-no-phases-" + where);

        // Expected: the description previewed as participants see it, nothing saved yet, no
        // script run.
        editor.open(competition).description("## Rules\n\nBe **kind**. <script>x()</script>");
        editor.preview();
        String html = editor.previewHtml();
        assertTrue(html.contains("<h2>Rules</h2>"), html);
        assertTrue(html.contains("<strong>kind</strong>"), html);
        assertTrue(html.contains("&lt;script&gt;"), "raw HTML shown as text: " + html);
        assertTrue(editor.description().startsWith("## Rules"), "the form kept");
        assertTrue(editor.address().contains("id=" + competition), editor.address());
        editor.scrollTo("competition:description");
        editor.shot("expect-preview-" + where);

        // Point 4: the Participants table keeps its Deny button inside the window.
        editor.open(competition);
        assertTrue(
            editor.withinWindow(editor.denyButton(participant.username())),
            "Deny inside the window at " + where);
        editor.scrollTo("participants");
        editor.shot("4-participants-" + where);
        // each phase a block on a phone: every value in sight, none past the card's edge
        assertEquals(List.of(), editor.phaseCellsOutOfSight(), "at " + where);
        editor.scrollTo("phases");
        editor.shot("4-phases-" + where);
        editor.scrollTo("all-submissions");
        // no submission yet: the table says so, and no pager under it says "None"
        assertFalse(editor.submissionsPaged(), "a pager under an empty list at " + where);
        editor.shot("4-submissions-" + where);

        // Terms: without any, no column; with them, the day each participant accepted them (the
        // time in its tooltip), or that one who joined before they were set never did.
        assertNull(editor.termsAccepted(participant.username()), "no terms: no column");
        assertFalse(editor.participantHeaders().contains("Terms accepted"));
        editor.open(withTerms);
        assertTrue(editor.participantHeaders().contains("Terms accepted"));
        assertEquals(DAY.format(acceptedAt), editor.termsAccepted(accepting.username()));
        assertEquals(
            "Accepted the terms at " + TIME.format(acceptedAt),
            editor.termsAcceptedTooltip(accepting.username()));
        assertEquals("Not accepted", editor.termsAccepted(early.username()));
        assertEquals(
            "Joined before the competition had terms, so was never asked to accept them.",
            editor.termsAcceptedTooltip(early.username()));
        assertTrue(
            editor.withinWindow(editor.denyButton(accepting.username())),
            "Deny still inside the window at " + where);
        editor.scrollTo("participants");
        editor.shot("terms-accepted-" + where);

        // A new competition's editor says so.
        editor.openNew();
        assertEquals("New competition", editor.heading());
        assertEquals("New competition — Podium", editor.tabTitle());
        editor.shot("new-competition-" + where);
      }

      // Expected: Deny asks first; answering no changes nothing.
      editor.atWidth(PodiumPage.DESKTOP);
      editor.open(competition);
      assertEquals(
          "Deny "
              + participant.username()
              + "? They can no longer submit to this competition until you approve them.",
          editor.denyQuestion(participant.username()));
      editor.deny(participant.username(), false);
      assertEquals("Approved", editor.participantStatus(participant.username()));
      editor.deny(participant.username(), true);
      assertEquals("Denied", editor.participantStatus(participant.username()));
      editor.shot("expect-denied-desktop");
      editor.atWidth(PodiumPage.PHONE);
      editor.scrollTo("participant-" + participant.username());
      editor.shot("expect-denied-phone");

      // The bar on top keeps one line with a 40-character username: cut, whole in its tooltip.
      Masthead bar = new Masthead(someone, base);
      Map<Integer, Long> heights = new HashMap<>();
      for (Dimension width : WIDTHS) {
        bar.atWidth(width);
        bar.visit("competitions.xhtml");
        heights.put(width.getWidth(), bar.height());
        assertTrue(bar.usernameOnOneLine(), "a short name on one line at " + at(width));
        bar.shot("masthead-short-name-" + at(width));
      }
      ApiClient.Person longName = new ApiClient(base).register(base, "l".repeat(31));
      assertEquals(40, longName.username().length());
      someone.clickAndWait(By.id("signout:signOut"));
      someone.signIn(base, longName.username(), longName.password());
      for (Dimension width : WIDTHS) {
        bar.atWidth(width);
        bar.visit("competitions.xhtml");
        assertEquals(longName.username(), bar.username());
        assertTrue(
            bar.usernameTooltip().startsWith(longName.username() + ": "), bar.usernameTooltip());
        assertTrue(bar.usernameOnOneLine(), "a long name on one line at " + at(width));
        assertEquals(
            heights.get(width.getWidth()), bar.height(), "the bar's height at " + at(width));
        if (width.equals(PodiumPage.PHONE)) {
          assertTrue(bar.usernameCut(), "cut with an ellipsis on a phone");
        }
        bar.shot("masthead-long-name-" + at(width));
      }
    }
  }
}
