package org.podium.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URL;
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

/** Sign-up, tokens over HTTP Basic, bearer authentication, revocation. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountsApiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  @Test
  void signUpThenTokenOverBasicThenBearerThenRevoke() {
    String username = "ada-" + UUID.randomUUID().toString().substring(0, 8);
    ApiClient anonymous = new ApiClient(base);
    ApiClient.Reply created =
        anonymous.post(
            "accounts",
            Json.createObjectBuilder()
                .add("username", username)
                .add("email", username + "@example.org")
                .add("password", "correct horse battery")
                .build());
    assertEquals(201, created.status(), created.body());
    assertEquals("[\"PARTICIPANT\"]", created.json().getJsonArray("roles").toString());

    ApiClient.Reply token =
        ApiClient.basic(base, username, "correct horse battery")
            .post("tokens", Json.createObjectBuilder().add("name", "cli").build());
    assertEquals(201, token.status(), token.body());
    String value = token.json().getString("token");
    assertTrue(value.startsWith("pdm_"));

    ApiClient bearer = anonymous.bearer(value);
    assertEquals(username, bearer.get("accounts/me").json().getString("username"));
    assertEquals(1, bearer.get("tokens").array().size());

    assertEquals(
        204, bearer.delete("tokens/" + token.json().getJsonNumber("id").longValue()).status());
    ApiClient.Reply revoked = bearer.get("accounts/me");
    assertEquals(401, revoked.status());
    assertEquals("application/problem+json", revoked.contentType());
  }

  /**
   * WildFly names the caller of a request without credentials "anonymous": the account of that name
   * (anyone may sign up with it) was then the caller of every such request.
   */
  @Test
  void anAccountNamedAnonymousIsNotWhoeverSendsNoCredentials() {
    ApiClient nobody = new ApiClient(base);
    ApiClient.Reply created =
        nobody.post(
            "accounts",
            Json.createObjectBuilder()
                .add("username", "anonymous")
                .add("email", "anonymous-" + UUID.randomUUID() + "@example.org")
                .add("password", "correct horse battery")
                .build());
    // 400 "taken" when an earlier run of the suite on the same database made it
    assertTrue(
        created.status() == 201 || created.body().contains("taken"),
        created.status() + " " + created.body());
    ApiClient.Reply token =
        ApiClient.basic(base, "anonymous", "correct horse battery")
            .post("tokens", Json.createObjectBuilder().add("name", "mine").build());
    assertEquals(201, token.status(), token.body());

    ApiClient.Reply me = nobody.get("accounts/me");
    assertEquals(401, me.status(), me.body());
    ApiClient.Reply tokens = nobody.get("tokens");
    assertEquals(401, tokens.status(), tokens.body());
    assertEquals(
        "anonymous",
        nobody
            .bearer(token.json().getString("token"))
            .get("accounts/me")
            .json()
            .getString("username"));
  }

  @Test
  void aTokenCannotMintTokensSoRevokingAStolenOneEndsItsAccess() {
    ApiClient.Person person = new ApiClient(base).register(base, "stolen");
    ApiClient stolen = person.client();

    ApiClient.Reply minted =
        stolen.post("tokens", Json.createObjectBuilder().add("name", "backdoor").build());
    assertEquals(403, minted.status(), minted.body());
    assertEquals("application/problem+json", minted.contentType());
    assertTrue(minted.json().getString("detail").contains("needs your password"), minted.body());
    assertEquals(1, stolen.get("tokens").array().size(), "no token was made");

    long id = stolen.get("tokens").array().getJsonObject(0).getJsonNumber("id").longValue();
    ApiClient owner = ApiClient.basic(base, person.username(), person.password());
    assertEquals(
        201,
        owner.post("tokens", Json.createObjectBuilder().add("name", "new").build()).status(),
        "the password still makes tokens");
    assertEquals(204, stolen.delete("tokens/" + id).status());
    assertEquals(401, stolen.get("accounts/me").status(), "revoked: the thief has nothing left");
  }

  @Test
  void wrongPasswordAndBasicOutsideTokensAreRefused() {
    assertEquals(
        401,
        ApiClient.basic(base, "admin", "wrong password!")
            .post("tokens", Json.createObjectBuilder().build())
            .status());
    assertEquals(401, ApiClient.basic(base, "admin", "whatever").get("accounts/me").status());
    assertEquals(401, new ApiClient(base).get("accounts/me").status());
  }

  @Test
  void badRegistrationSaysWhichFieldToFix() {
    ApiClient.Reply reply =
        new ApiClient(base)
            .post(
                "accounts",
                Json.createObjectBuilder()
                    .add("username", "bob")
                    .add("email", "bob@example.org")
                    .add("password", "short")
                    .build());

    assertEquals(400, reply.status());
    assertEquals("application/problem+json", reply.contentType());
    assertEquals(
        "Choose a password of at least 10 characters.",
        reply.json().getJsonObject("errors").getString("password"));
  }

  @Test
  void administratorsGiveRolesAndPodiumKeepsAnAdministrator() {
    ApiClient admin = ApiClient.admin(base);
    ApiClient participant = new ApiClient(base).newParticipant(base, "grace");
    String name = participant.get("accounts/me").json().getString("username");
    assertEquals(403, participant.get("accounts").status(), "participants see no account list");
    assertEquals(
        403,
        participant
            .put(
                "accounts/" + name + "/roles",
                Json.createObjectBuilder()
                    .add("roles", Json.createArrayBuilder().add("ADMIN"))
                    .build())
            .status(),
        "nobody gives themselves roles");

    ApiClient.Reply organizer =
        admin.put(
            "accounts/" + name + "/roles",
            Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("PARTICIPANT").add("ORGANIZER"))
                .build());
    assertEquals(200, organizer.status(), organizer.body());
    assertEquals(
        "[\"ORGANIZER\",\"PARTICIPANT\"]", organizer.json().getJsonArray("roles").toString());
    assertEquals(
        201,
        participant
            .post("competitions", Json.createObjectBuilder().add("title", "Grace's").build())
            .status(),
        "the new organizer creates competitions");

    String adminName = admin.get("accounts/me").json().getString("username");
    ApiClient.Reply own =
        admin.put(
            "accounts/" + adminName + "/roles",
            Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("ORGANIZER"))
                .build());
    assertEquals(400, own.status());
    assertEquals(
        "You cannot remove your own admin role: ask another administrator.",
        own.json().getJsonObject("errors").getString("roles"));
    assertTrue(admin.get("accounts").array().toString().contains("\"username\":\"" + name + "\""));
  }
}
