package org.podium.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.podium.account.BootstrapCredentials;
import org.podium.testing.Browser;
import org.podium.testing.Deployments;
import org.podium.web.pages.AccountPage;
import org.podium.web.pages.AdminPage;
import org.podium.web.pages.Notices;
import org.podium.web.pages.PodiumPage;
import org.podium.web.pages.SignInPage;
import org.podium.web.pages.SignUpPage;

/**
 * The account pages and the layout (issue 15), each step at a desktop's and a phone's width: fields
 * over their column refused next to them with the form kept, messages as sentences, errors on a
 * line of their own, links between sign-in and sign-up, the footer, the Accounts rows, role changes
 * confirmed, a password changed by its owner and reset by an administrator.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountPagesJourneyIT {

  private static final List<Dimension> WIDTHS = List.of(PodiumPage.DESKTOP, PodiumPage.PHONE);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  @Test
  void aNewcomerSignsUpAndChangesTheirPasswordAndAnAdministratorConfirmsRolesAndResetsIt() {
    var root =
        BootstrapCredentials.read(
                Path.of(System.getProperty("podium.it.home", "target/podium-home-it")))
            .orElseThrow();
    String username = "acc-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "password-" + UUID.randomUUID();
    String changed = "changed-" + UUID.randomUUID();

    try (Browser browser = Browser.open("account-pages")) {
      SignInPage signIn = new SignInPage(browser, base);
      SignUpPage signUp = new SignUpPage(browser, base);
      AccountPage account = new AccountPage(browser, base);
      AdminPage admin = new AdminPage(browser, base);

      for (Dimension width : WIDTHS) {
        String at = width == PodiumPage.DESKTOP ? "desktop" : "phone";
        signIn.atWidth(width);

        // Sign-in: "Create an account"; the last field's error on its own line above the button;
        // the footer says which Podium this is and where its API and status are.
        signIn.open();
        assertEquals("Create an account", signIn.createAccountLink().getText());
        assertTrue(signIn.createAccountLink().getDomAttribute("href").endsWith("/signup.xhtml"));
        signIn.signIn(username, "");
        assertEquals("Enter your password.", signIn.error("password"));
        assertTrue(signIn.passwordErrorIsAboveTheButton(), "the error is not beside the button");
        assertTrue(signIn.footerRelease().matches("Podium \\d+\\.\\d+.*"), signIn.footerRelease());
        String context = base.getPath().replaceAll("/$", "");
        assertEquals(
            List.of(
                "Competitions → " + context + "/competitions.xhtml",
                "REST API and tokens → " + context + "/account.xhtml#api",
                "Service status → " + context + "/api/health"),
            signIn.footerLinks());
        signIn.shot("signin-error-and-footer-" + at);

        // Sign-up: "Sign in"; every field over its column said next to it, the form kept (point 1),
        // in sentences (point 13); the password's error above the button.
        signUp.open();
        assertEquals("Sign in", signUp.signInLink().getText());
        assertTrue(signUp.signInLink().getDomAttribute("href").endsWith("/signin.xhtml"));
        String longName = "u".repeat(41);
        String longEmail = "e".repeat(250) + "@x.org";
        signUp.signUp(longName, longEmail, "short");
        assertEquals(
            "Choose a username of 3 to 40 characters (this one has 41).", signUp.error("username"));
        assertEquals("Enter an email address of at most 254 characters.", signUp.error("email"));
        assertEquals("Choose a password of at least 10 characters.", signUp.error("password"));
        assertEquals(longName, signUp.value("username"), "the form is kept");
        assertEquals(longEmail, signUp.value("email"), "the form is kept");
        assertTrue(signUp.passwordErrorIsAboveTheButton(), "the error is not beside the button");
        signUp.shot("signup-fields-over-their-columns-" + at);

        // what the entity refuses is said next to the field too (it was the error page)
        signUp.signUp("No Spaces!", username + "@example.org", password);
        assertEquals(
            "Use only lower-case letters, digits, '.', '_' and '-' in a username, starting with a"
                + " letter or digit.",
            signUp.error("username"));
        assertEquals("No Spaces!", signUp.value("username"), "the form is kept");

        signUp.signUp(root.username(), username + "@example.org", password);
        assertEquals("This username is taken: choose another.", signUp.error("username"));
        assertEquals("", signUp.error("password"));
        signUp.shot("signup-username-taken-" + at);
      }

      signIn.atWidth(PodiumPage.DESKTOP);
      signUp.open();
      signUp.signUp(username, username + "@example.org", password);
      assertEquals(username, signIn.signedInAs());

      for (Dimension width : WIDTHS) {
        String at = width == PodiumPage.DESKTOP ? "desktop" : "phone";
        account.atWidth(width);
        account.open();
        // Point 1: a token name over its column, next to the field, the form kept.
        String longToken = "t".repeat(101);
        account.createToken(longToken);
        assertEquals(
            "Shorten the token name to at most 100 characters (this one has 101).",
            account.tokenNameError());
        assertEquals(longToken, account.tokenNameValue());
        assertNull(account.issuedToken());
        account.shot("token-name-too-long-" + at);

        // Changing one's password: the current one is needed, the new one follows sign-up's rules.
        account.changePassword("not my password", "short", "short");
        assertEquals(
            "Your current password is not this one: type it again.",
            account.passwordError("current"));
        account.changePassword(password, "short", "short");
        assertEquals("Choose a password of at least 10 characters.", account.passwordError("new"));
        account.changePassword(password, changed, changed + "x");
        // Point 1: the sentence says what to do; Podium never writes typed passwords back into
        // the page, so every field is empty and the sentence says to type them all again.
        assertEquals(
            "The two new passwords differ: type your current password, then the new one twice"
                + " again.",
            account.passwordError("repeat"));
        assertEquals(List.of("", "", ""), account.passwordValues());
        assertTrue(account.repeatErrorIsAboveTheButton(), "the error is not beside the button");
        account.showPasswordForm();
        account.shot("password-change-refused-" + at);
      }
      account.atWidth(PodiumPage.DESKTOP);
      account.changePassword(password, changed, changed);
      assertTrue(account.message().startsWith("Password changed."), account.message());
      assertEquals(username, signIn.signedInAs(), "this session goes on");
      // Point 4: a success is a boxed notice, announced as a status, told from an error.
      Notices.Notice changedNotice = account.notice();
      assertEquals("info", changedNotice.kind());
      assertEquals("status", changedNotice.role());
      assertTrue(changedNotice.boxed(), changedNotice.toString());
      account.shot("password-changed-desktop");
      account.atWidth(PodiumPage.PHONE);
      assertTrue(account.notice().boxed(), "boxed at a phone's width too");
      account.shot("password-changed-phone");
      // A token is shown once with a Copy button beside it (point 3 on this page too).
      for (Dimension width : WIDTHS) {
        String at = width == PodiumPage.DESKTOP ? "desktop" : "phone";
        account.atWidth(width);
        account.open();
        account.createToken("copy " + at);
        assertTrue(account.issuedToken().startsWith("pdm_"), account.issuedToken());
        assertEquals(List.of("Copied", account.issuedToken()), account.copyToken());
        // the table below lists the new token at once (it said "No tokens yet." before)
        assertTrue(account.tokenNames().contains("copy " + at), account.tokenNames().toString());
        assertFalse(account.saysNoTokens(), "no tokens, beside the one just made");
        account.shot("token-copied-" + at);
      }
      signIn.signOut();
      signIn.open().signIn(username, password);
      assertEquals(
          "Wrong username or password: check both and try again.",
          signIn.formMessage(),
          "the old one is refused");
      signIn.signIn(username, changed);
      assertEquals(username, signIn.signedInAs());
      signIn.signOut();

      // The Accounts page (point 6): each row's day on one line, its buttons side by side; a role
      // changes only after a confirmation; a password reset is shown once.
      signIn.atWidth(PodiumPage.DESKTOP);
      signIn.open().signIn(root.username(), root.password());
      String reset = null;
      for (Dimension width : WIDTHS) {
        String at = width == PodiumPage.DESKTOP ? "desktop" : "phone";
        admin.atWidth(width);
        admin.search(username);
        assertTrue(admin.since(username).matches("\\d{4}-\\d{2}-\\d{2}"), admin.since(username));
        assertEquals(1, admin.linesOf(username, "since"), "the day on one line");
        if (width == PodiumPage.DESKTOP) {
          assertEquals(1, admin.buttonTops(username).size(), "the buttons side by side");
        }
        admin.shot("accounts-rows-" + at);

        admin.press(username, "Make organizer");
        assertEquals(
            "Make "
                + username
                + " an organizer? Organizers create competitions and manage their own.",
            admin.confirmation());
        assertEquals("Make organizer", admin.confirmButton());
        admin.shot("role-change-asked-" + at);
        admin.cancel();
        assertNull(admin.confirmation());
        assertEquals(List.of("participant"), admin.roles(username), "cancelled: nothing changed");

        admin.press(username, "Reset password");
        assertTrue(admin.confirmation().startsWith("Reset " + username + "’s password?"));
        admin.confirm();
        reset = admin.newPassword();
        assertNotNull(reset);
        assertEquals(20, reset.length());
        assertTrue(
            admin.resetNotice().startsWith(username + "’s password is reset"), admin.resetNotice());
        // Point 3: a Copy button beside it says "Copied"; the value stays selectable by hand.
        assertTrue(admin.passwordIsSelectable());
        assertEquals(List.of("Copied", reset), admin.copyPassword());
        admin.shot("password-reset-shown-once-" + at);
        admin.search(username);
        assertNull(admin.newPassword(), "shown once");
        assertEquals("", admin.selfMark(username), "only one's own row says you");
        assertTrue(
            admin.buttons(username).contains("Make admin"), admin.buttons(username).toString());

        // Point 2: the administrator's own row says "you" and offers no "Remove admin".
        admin.search(root.username());
        assertEquals("you", admin.selfMark(root.username()));
        assertFalse(admin.buttons(root.username()).contains("Remove admin"));
        admin.shot("own-row-says-you-" + at);
      }
      admin.atWidth(PodiumPage.DESKTOP);
      admin.search(username);
      admin.press(username, "Make organizer");
      admin.confirm();
      assertEquals(username + " now has the organizer role.", admin.message());
      assertEquals(List.of("organizer", "participant"), admin.roles(username));
      // Point 4 on a second page: the same boxed notice, announced as a status.
      Notices.Notice roleNotice = admin.notice();
      assertEquals("info", roleNotice.kind());
      assertEquals("status", roleNotice.role());
      assertTrue(roleNotice.boxed(), roleNotice.toString());
      assertEquals(changedNotice.background(), roleNotice.background(), "the same on every page");
      admin.shot("role-given-notice-desktop");
      admin.atWidth(PodiumPage.PHONE);
      admin.shot("role-given-notice-phone");
      signIn.signOut();

      signIn.atWidth(PodiumPage.DESKTOP);
      signIn.open().signIn(username, changed);
      assertEquals(
          "Wrong username or password: check both and try again.",
          signIn.formMessage(),
          "reset: the old one");
      signIn.signIn(username, reset);
      assertEquals(username, signIn.signedInAs(), "the reset password signs in");
    }
  }
}
