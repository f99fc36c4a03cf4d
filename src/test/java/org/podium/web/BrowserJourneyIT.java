package org.podium.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URL;
import java.time.Duration;
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
import org.openqa.selenium.WebDriver;
import org.podium.testing.ApiClient;
import org.podium.testing.Browser;
import org.podium.testing.Deployments;
import org.podium.testing.Zips;

/** A participant's journey through the pages, in headless Chromium, a screenshot per step. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserJourneyIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  @Test
  void participantSignsUpJoinsAndFindsTheirScoreOnTheResultsTab() {
    ApiClient admin = ApiClient.admin(base);
    String title = "Line lengths " + UUID.randomUUID().toString().substring(0, 4);
    long competition =
        admin
            .post(
                "competitions",
                Json.createObjectBuilder()
                    .add("title", title)
                    .add("description", "Predict each line's length.\nScored by MAE.")
                    .add("published", true)
                    .build())
            .json()
            .getJsonNumber("id")
            .longValue();
    long phase =
        admin
            .post(
                "competitions/" + competition + "/phases",
                Json.createObjectBuilder()
                    .add("name", "Development")
                    .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                    .build())
            .json()
            .getJsonNumber("id")
            .longValue();
    admin.put(
        "competitions/" + competition + "/phases/" + phase + "/reference-data",
        "application/zip",
        Zips.of(Map.of("truth.csv", "1,3\n2,5\n")));
    String username = "web-" + UUID.randomUUID().toString().substring(0, 6);
    String password = "password-" + UUID.randomUUID();

    try (Browser browser = Browser.open("participant-journey")) {
      WebDriver page = browser.driver();
      page.get(base + "signup.xhtml");
      assertEquals("Sign up — Podium", page.getTitle());
      page.findElement(By.id("signup:username")).sendKeys(username);
      page.findElement(By.id("signup:email")).sendKeys(username + "@example.org");
      page.findElement(By.id("signup:password")).sendKeys("short");
      page.findElement(By.id("signup:submit")).click();
      assertEquals(
          "must have at least 10 characters",
          page.findElement(By.cssSelector(".field-error")).getText());
      browser.screenshot("signup-refused");

      page.findElement(By.id("signup:password")).sendKeys(password);
      page.findElement(By.id("signup:submit")).click();
      assertEquals("Competitions — Podium", page.getTitle());
      assertEquals(username, page.findElement(By.cssSelector(".who")).getText());
      browser.screenshot("competitions");

      page.findElement(By.linkText(title)).click();
      assertEquals(title, page.findElement(By.id("title")).getText());
      assertTrue(
          page.findElement(By.cssSelector(".description")).getText().contains("Scored by MAE."));
      browser.screenshot("overview");

      page.findElement(By.id("tab-participate")).click();
      browser.screenshot("participate");
      page.findElement(By.id("join:joinButton")).click();
      assertTrue(
          page.findElement(By.id("approved"))
              .getText()
              .startsWith("You take part in this competition."));
      browser.screenshot("joined");

      ApiClient participant = ApiClient.basic(base, username, password).tokenClient();
      long id =
          participant
              .postMultipart(
                  "competitions/" + competition + "/submissions",
                  Map.of("teamName", "Team Web", "methodName", "counting"),
                  "results.zip",
                  "application/zip",
                  Zips.of(Map.of("predictions.csv", "1,3\n2,5\n")))
              .json()
              .getJsonNumber("id")
              .longValue();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  !participant
                      .get("submissions/" + id)
                      .json()
                      .getString("status")
                      .equals("SUBMITTED"));

      page.findElement(By.id("tab-results")).click();
      String row = page.findElement(By.cssSelector("table.leaderboard tbody tr")).getText();
      assertEquals("1 " + username + " Team Web counting 0.0000", row);
      browser.screenshot("results");

      page.findElement(By.id("signout:signOut")).click();
      assertEquals("Sign in", page.findElement(By.linkText("Sign in")).getText());
    }
  }
}
