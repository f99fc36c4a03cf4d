package org.podium.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Path;
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
import org.podium.testing.PageSession;

/**
 * Passwords over the API (issue 15): their owner changes theirs with the current one, an
 * administrator resets someone's; sessions signed in before end; every account field is checked
 * against its column before the database, in sentences.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PasswordsApiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  @Test
  void anOwnerChangesTheirPasswordWithTheCurrentOneAndTheirSessionsEndButNotTheirTokens() {
    ApiClient.Person person = new ApiClient(base).register(base, "pw");
    PageSession browser = PageSession.signIn(base, person.username(), person.password());
    assertTrue(signedIn(browser), "the page session works before");

    ApiClient.Reply wrong =
        person.client().put("accounts/me/password", change("not it", "a new password 1"));
    assertEquals(400, wrong.status(), wrong.body());
    assertEquals(
        "Your current password is not this one: type it again.",
        wrong.json().getJsonObject("errors").getString("currentPassword"));
    ApiClient.Reply tooShort =
        person.client().put("accounts/me/password", change(person.password(), "short"));
    assertEquals(400, tooShort.status(), tooShort.body());
    assertEquals(
        "Choose a password of at least 10 characters.",
        tooShort.json().getJsonObject("errors").getString("newPassword"));
    assertTrue(signedIn(browser), "a refused change ends nothing");

    String next = "a new password " + UUID.randomUUID();
    ApiClient.Reply changed =
        person.client().put("accounts/me/password", change(person.password(), next));
    assertEquals(204, changed.status(), changed.body());

    assertFalse(signedIn(browser), "the session signed in with the old password ended");
    assertEquals(
        401,
        ApiClient.basic(base, person.username(), person.password())
            .post("tokens", Json.createObjectBuilder().build())
            .status(),
        "the old password no longer signs in");
    assertEquals(
        201,
        ApiClient.basic(base, person.username(), next)
            .post("tokens", Json.createObjectBuilder().build())
            .status());
    assertEquals(200, person.client().get("accounts/me").status(), "their token still works");
  }

  @Test
  void anAdministratorResetsAPasswordEndingItsSessionsAndRevokingItsTokens() {
    ApiClient.Person person = new ApiClient(base).register(base, "reset");
    PageSession browser = PageSession.signIn(base, person.username(), person.password());
    String reset = "accounts/" + person.username() + "/password-reset";
    var root = BootstrapCredentials.read(home()).orElseThrow();
    ApiClient admin = ApiClient.basic(base, root.username(), root.password());

    ApiClient.Reply byParticipant =
        ApiClient.basic(base, person.username(), person.password())
            .post("accounts/" + root.username() + "/password-reset", empty());
    assertEquals(403, byParticipant.status(), byParticipant.body());
    assertEquals(
        "This needs the admin role: ask an administrator.",
        byParticipant.json().getString("detail"));
    assertEquals(
        403,
        ApiClient.admin(base).post(reset, empty()).status(),
        "an administrator's token cannot make someone's password: it takes the administrator's own");
    ApiClient.Reply own = admin.post("accounts/" + root.username() + "/password-reset", empty());
    assertEquals(400, own.status(), own.body());

    ApiClient.Reply generated = admin.post(reset, empty());
    assertEquals(200, generated.status(), generated.body());
    JsonObject answer = generated.json();
    String password = answer.getString("password");
    assertEquals(20, password.length(), answer.toString());
    assertEquals(person.username(), answer.getString("username"));
    assertEquals(1, answer.getInt("tokensRevoked"), "the token register() made");

    assertEquals(401, person.client().get("accounts/me").status(), "its tokens are revoked");
    assertFalse(signedIn(browser), "its browser sessions ended");
    assertEquals(
        401,
        ApiClient.basic(base, person.username(), person.password())
            .post("tokens", empty())
            .status());
    assertEquals(
        201, ApiClient.basic(base, person.username(), password).post("tokens", empty()).status());

    ApiClient.Reply weak =
        admin.post(reset, Json.createObjectBuilder().add("password", "short").build());
    assertEquals(400, weak.status(), weak.body());
    assertEquals(
        "Choose a password of at least 10 characters.",
        weak.json().getJsonObject("errors").getString("password"));
    String chosen = "chosen by the admin " + UUID.randomUUID();
    ApiClient.Reply set =
        admin.post(reset, Json.createObjectBuilder().add("password", chosen).build());
    assertEquals(200, set.status(), set.body());
    assertFalse(set.json().containsKey("password"), "a chosen password is not sent back");
    assertEquals(
        201, ApiClient.basic(base, person.username(), chosen).post("tokens", empty()).status());
  }

  @Test
  void everyAccountFieldIsCheckedAgainstItsColumnAndRefusedInASentence() {
    ApiClient anonymous = new ApiClient(base);
    String name = "f" + UUID.randomUUID().toString().substring(0, 8);
    ApiClient.Reply tooLong =
        anonymous.post(
            "accounts",
            Json.createObjectBuilder()
                .add("username", "u".repeat(41))
                .add("email", "e".repeat(250) + "@x.org")
                .add("password", "p".repeat(1001))
                .build());
    assertEquals(400, tooLong.status(), tooLong.body());
    JsonObject errors = tooLong.json().getJsonObject("errors");
    assertEquals(
        "Choose a username of 3 to 40 characters (this one has 41).", errors.getString("username"));
    assertEquals("Enter an email address of at most 254 characters.", errors.getString("email"));
    assertEquals("Choose a password of at most 1000 characters.", errors.getString("password"));

    ApiClient.Reply badName =
        anonymous.post(
            "accounts",
            Json.createObjectBuilder()
                .add("username", "no spaces!")
                .add("email", "not an address")
                .add("password", "long enough password")
                .build());
    assertEquals(400, badName.status(), badName.body());
    assertEquals(
        "Use only lower-case letters, digits, '.', '_' and '-' in a username, starting with a"
            + " letter or digit.",
        badName.json().getJsonObject("errors").getString("username"));
    assertEquals(
        "Enter an email address such as ada@example.org.",
        badName.json().getJsonObject("errors").getString("email"));

    ApiClient.Person person = anonymous.register(base, name);
    ApiClient.Reply taken =
        anonymous.post(
            "accounts",
            Json.createObjectBuilder()
                .add("username", person.username())
                .add("email", "other-" + person.username() + "@example.org")
                .add("password", "long enough password")
                .build());
    assertEquals(409, taken.status(), taken.body());
    assertEquals(
        "This username is taken: choose another.",
        taken.json().getJsonObject("errors").getString("username"));

    ApiClient.Reply longToken =
        ApiClient.basic(base, person.username(), person.password())
            .post("tokens", Json.createObjectBuilder().add("name", "t".repeat(101)).build());
    assertEquals(400, longToken.status(), longToken.body());
    assertEquals(
        "Shorten the token name to at most 100 characters (this one has 101).",
        longToken.json().getJsonObject("errors").getString("name"));
  }

  private static JsonObject change(String current, String next) {
    return Json.createObjectBuilder()
        .add("currentPassword", current)
        .add("newPassword", next)
        .build();
  }

  private static JsonObject empty() {
    return Json.createObjectBuilder().build();
  }

  private static Path home() {
    return Path.of(System.getProperty("podium.it.home", "target/podium-home-it"));
  }

  /** Whether the page session is still signed in: the layout names the account. */
  private static boolean signedIn(PageSession browser) {
    return browser.page("account.xhtml").body().contains("id=\"nav-account\"");
  }
}
