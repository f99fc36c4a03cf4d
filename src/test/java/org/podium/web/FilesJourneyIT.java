package org.podium.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.podium.files.Bytes.MIB;

import jakarta.json.Json;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.podium.testing.Browser;
import org.podium.testing.Deployments;
import org.podium.testing.LargeFiles;
import org.podium.web.pages.EditorFilesSection;
import org.podium.web.pages.FilesTab;
import org.podium.web.pages.PodiumPage;

/**
 * The Files tab (issue 15, "what users of Codabench and Kaggle expect"): an organizer uploads a 50
 * MiB starting kit with a Markdown description and deletes a file after confirming (each action
 * saying what it did); a participant who joined sees it and downloads the same bytes; someone who
 * has not joined, and a visitor, are told what to do instead, until the organizer opens the files
 * to everyone; a phase's hidden data is never listed; descriptions render as Markdown, a SHA-256
 * shows its first digits and copies whole. Each step at desktop and phone width.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FilesJourneyIT {

  private static final Path HOME =
      Path.of(System.getProperty("podium.it.home", "target/podium-home-it"));

  /** A starting kit's description in Markdown, with raw HTML that must show as text. */
  private static final String DESCRIPTION =
      "The **starting kit**: unzip it and run `python3 run.py`. <b>not bold</b>";

  /** The description as a page shows it: Markdown's marks gone, the HTML as it was typed. */
  private static final String RENDERED =
      "The starting kit: unzip it and run python3 run.py. <b>not bold</b>";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  @Test
  void anOrganizersStartingKitReachesParticipantsWhoJoinedAndNobodyElse() throws Exception {
    ApiClient admin = ApiClient.admin(base);
    String title = "Files " + UUID.randomUUID().toString().substring(0, 4);
    long competition =
        admin.createCompetition(
            Json.createObjectBuilder()
                .add("title", title)
                .add("published", true)
                .add("participation", "AUTO")
                .build());
    long phase =
        admin.addPhase(
            competition,
            Json.createObjectBuilder()
                .add("name", "Development")
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .build());
    admin.uploadData(competition, phase, false, Map.of("secret-input.txt", "hidden input\n"));
    admin.uploadData(competition, phase, true, Map.of("truth.csv", "1,3\n2,5\n"));
    ApiClient.Person ada = new ApiClient(base).register(base, "ada");
    ada.client().join(competition);
    ApiClient.Person bo = new ApiClient(base).register(base, "bo");

    Path work = Files.createDirectories(Path.of("target/files-journey").toAbsolutePath());
    Path kit = work.resolve("starting-kit.zip");
    // 50 MiB: over the 10 MiB every other body is held to, streamed up through the page and down
    String kitSha = LargeFiles.randomFile(kit, 50 * MIB);
    Path notes = work.resolve("old-notes.txt");
    Files.writeString(notes, "notes\n");
    var organizer = BootstrapCredentials.read(HOME).orElseThrow();

    try (Browser browser = Browser.open("files-journey")) {
      // 1. The organizer's Files section: empty, says its limit; Upload without a file says why.
      browser.signIn(base, organizer.username(), organizer.password());
      EditorFilesSection editor = new EditorFilesSection(browser, base).open(competition);
      assertTrue(editor.fileHint().startsWith("At most "), editor.fileHint());
      editor.upload(null, "");
      assertEquals("Choose a file to upload (it may not be empty).", editor.fileError());
      both(editor, "editor-no-file", editor::scrollIntoView);

      // 2. Uploads the starting kit with a Markdown description, and a second file. Each upload
      // says so in a sentence where the page opens, at its top.
      editor.upload(kit, DESCRIPTION);
      assertEquals(
          "File “starting-kit.zip” uploaded: participants can download it from the competition's"
              + " Files tab.",
          editor.message());
      both(editor, "editor-uploaded-message", () -> assertTrue(editor.messageInView()));
      editor.upload(notes, "");
      assertEquals(List.of("old-notes.txt", "starting-kit.zip"), editor.fileNames());
      assertEquals(RENDERED, editor.description("starting-kit.zip"));
      assertFalse(editor.hint().contains("Kaggle"), "Podium's own words: " + editor.hint());
      both(editor, "editor-uploaded", editor::scrollToList);

      // 3. Delete asks first, in the page's one confirmation (no dialog of the section's own),
      // naming the file: Cancel keeps it, confirming deletes it and says so.
      assertFalse(editor.ownDialogs(), "the page's confirmation, not one per file");
      String question =
          "Delete “old-notes.txt”? Participants can no longer download it. This cannot be undone.";
      editor.atWidth(PodiumPage.PHONE);
      editor.scrollIntoView();
      assertEquals(question, editor.askToDelete("old-notes.txt"));
      editor.shot("editor-confirm-delete-phone");
      editor.answerConfirmation(false);
      editor.atWidth(PodiumPage.DESKTOP);
      editor.scrollIntoView();
      assertEquals(question, editor.askToDelete("old-notes.txt"));
      editor.shot("editor-confirm-delete");
      editor.answerConfirmation(false);
      assertEquals(List.of("old-notes.txt", "starting-kit.zip"), editor.fileNames());
      assertEquals(question, editor.delete("old-notes.txt", true));
      assertEquals(
          "File “old-notes.txt” deleted: nobody can download it any more.", editor.message());
      both(editor, "editor-deleted-message", () -> assertTrue(editor.messageInView()));
      assertEquals(List.of("starting-kit.zip"), editor.fileNames());
      both(editor, "editor-deleted", editor::scrollToList);

      // 4. A participant who joined sees the kit, never the phase's data, and downloads it.
      browser.driver().manage().deleteAllCookies();
      browser.signIn(base, ada.username(), ada.password());
      FilesTab tab = new FilesTab(browser, base).open(competition);
      assertTrue(tab.isActive());
      assertEquals(List.of("starting-kit.zip"), tab.fileNames());
      assertTrue(tab.about().startsWith("What the organizers share"), tab.about());
      assertFalse(tab.text().contains("Kaggle"), tab.text());
      // The description's Markdown rendered as the competition's (its HTML escaped, not run).
      assertEquals(RENDERED, tab.description("starting-kit.zip"));
      String html = tab.descriptionHtml("starting-kit.zip");
      assertTrue(html.contains("<strong>starting kit</strong>"), html);
      assertTrue(html.contains("<code>python3 run.py</code>"), html);
      assertTrue(html.contains("&lt;b&gt;"), "raw HTML shown as text: " + html);
      assertEquals("50.0 MiB", tab.size("starting-kit.zip"));
      // The SHA-256: 12 digits on one line, the whole in the tooltip and by Copy.
      assertEquals(kitSha.substring(0, 12) + "…", tab.shownSha256("starting-kit.zip"));
      assertEquals(kitSha, tab.sha256("starting-kit.zip"));
      assertFalse(tab.text().contains("secret-input"), tab.text());
      assertFalse(tab.text().contains("truth.csv"), tab.text());
      both(tab, "participant-files", () -> assertTrue(tab.sha256OnOneLine("starting-kit.zip")));
      for (var size : List.of(PodiumPage.DESKTOP, PodiumPage.PHONE)) {
        tab.atWidth(size);
        assertEquals(List.of("Copied", kitSha), tab.copySha256("starting-kit.zip"));
        tab.shot("participant-copied-sha" + (size.equals(PodiumPage.PHONE) ? "-phone" : ""));
      }
      tab.atWidth(PodiumPage.DESKTOP);
      String link = tab.link("starting-kit.zip");
      Path got = work.resolve("downloaded.zip");
      HttpResponse<Path> downloaded = tab.download(link, got);
      assertEquals(200, downloaded.statusCode());
      assertEquals(50 * MIB, Files.size(got));
      assertEquals(kitSha, LargeFiles.sha256(got), "the same bytes");
      assertTrue(
          downloaded
              .headers()
              .firstValue("Content-Disposition")
              .orElse("")
              .startsWith("attachment; filename=\"starting-kit.zip\""));

      // 5. Someone who has not joined is told to join, and their download is refused.
      browser.driver().manage().deleteAllCookies();
      browser.signIn(base, bo.username(), bo.password());
      tab.open(competition);
      assertEquals(List.of(), tab.fileNames());
      assertTrue(
          tab.refusal().startsWith("Join this competition to download its files."), tab.refusal());
      both(tab, "outsider-files", () -> {});
      assertEquals(403, tab.download(link, got).statusCode());

      // 6. A visitor is told to sign in and join.
      browser.driver().manage().deleteAllCookies();
      tab.open(competition);
      assertTrue(
          tab.refusal().startsWith("Sign in and join this competition to download its files."),
          tab.refusal());
      assertFalse(tab.text().contains("starting-kit.zip"), tab.text());
      both(tab, "visitor-files", () -> {});
      assertEquals(401, tab.download(link, got).statusCode());

      // 7. The organizer opens the files to everyone: the visitor now sees and downloads them.
      browser.signIn(base, organizer.username(), organizer.password());
      editor.open(competition).everyoneMayDownload(true);
      assertEquals(
          "Saved: everyone who can see the competition may download its files.", editor.message());
      both(editor, "editor-open-to-everyone-message", () -> assertTrue(editor.messageInView()));
      both(editor, "editor-open-to-everyone", editor::scrollIntoView);
      browser.driver().manage().deleteAllCookies();
      tab.open(competition);
      assertEquals(List.of("starting-kit.zip"), tab.fileNames());
      assertEquals(
          "Everyone who can see this competition may download these files.",
          tab.who().substring(0, tab.who().indexOf('.') + 1));
      both(tab, "visitor-files-open", () -> {});
      assertEquals(200, tab.download(link, got).statusCode());
      assertEquals(kitSha, LargeFiles.sha256(got));
    } finally {
      Files.deleteIfExists(kit);
      Files.deleteIfExists(notes);
      Files.deleteIfExists(work.resolve("downloaded.zip"));
    }
  }

  /** The page as it is now at desktop and at phone width, each checked sound and screenshot. */
  private static void both(PodiumPage page, String step, Runnable thenShow) {
    page.atWidth(PodiumPage.DESKTOP);
    thenShow.run();
    page.shot(step);
    page.atWidth(PodiumPage.PHONE);
    thenShow.run();
    page.shot(step + "-phone");
    page.atWidth(PodiumPage.DESKTOP);
  }
}
