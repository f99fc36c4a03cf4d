package org.podium.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
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
 * A token's "last used" is kept to the minute: written on a call when it is older than a minute,
 * not on every call (a write per API read was the largest cost of one).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TokenLastUseIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  @Test
  void aTokensLastUseIsWrittenOnTheFirstCallThenAtMostOnceAMinute() throws Exception {
    ApiClient.Person person = new ApiClient(base).register(base, "lastuse");
    ApiClient client = person.client();

    assertEquals(200, client.get("competitions").status());
    Instant first = lastUsed(person.username());
    assertNotNull(first, "the first call notes the token's use");

    assertEquals(200, client.get("competitions").status());
    assertEquals(
        first, lastUsed(person.username()), "a second call within the minute writes nothing");

    Instant longAgo = Instant.now().minus(Duration.ofMinutes(2));
    execute(
        "update api_token set last_used_at = now() - interval '2 minutes' where account_id ="
            + " (select id from account where username = ?)",
        person.username());
    assertEquals(200, client.get("competitions").status());
    assertTrue(
        lastUsed(person.username()).isAfter(longAgo.plus(Duration.ofSeconds(90))),
        "a use older than a minute is written again");
  }

  private static Connection database() throws Exception {
    return DriverManager.getConnection(
        System.getProperty("podium.db.url"),
        System.getProperty("podium.db.user"),
        System.getProperty("podium.db.password"));
  }

  private static Instant lastUsed(String username) throws Exception {
    try (Connection db = database();
        PreparedStatement query =
            db.prepareStatement(
                "select t.last_used_at from api_token t join account a on a.id = t.account_id"
                    + " where a.username = ?")) {
      query.setString(1, username);
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next());
        java.sql.Timestamp time = row.getTimestamp(1);
        return time == null ? null : time.toInstant();
      }
    }
  }

  private static void execute(String sql, String username) throws Exception {
    try (Connection db = database();
        PreparedStatement update = db.prepareStatement(sql)) {
      update.setString(1, username);
      assertEquals(1, update.executeUpdate());
    }
  }
}
