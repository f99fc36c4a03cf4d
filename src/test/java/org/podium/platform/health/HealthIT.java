package org.podium.platform.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.podium.compute.EngineStatus;
import org.podium.testing.Deployments;
import org.podium.testing.DockerRequirement;

/** {@code GET /api/health} over HTTP, as a load balancer or an operator would call it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  @Test
  void reportsDatabaseWithItsFlywayVersionAndTheRunQueue() throws Exception {
    HttpResponse<String> response = get();
    JsonObject health = Json.createReader(new StringReader(response.body())).readObject();

    JsonObject database = health.getJsonObject("database");
    assertEquals("up", database.getString("status"), response.body());
    assertEquals(newestMigration(), database.getString("flywayVersion"));
    assertEquals("PostgreSQL", database.getString("product"));

    JsonObject messaging = health.getJsonObject("messaging");
    assertEquals("up", messaging.getString("status"), response.body());
    assertEquals("PodiumRunRequests", messaging.getString("queue"));

    assertTrue(health.containsKey("docker"), response.body());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void reportsTheDockerEngineUpWithItsVersions() throws Exception {
    EngineStatus engine = DockerRequirement.engine();

    HttpResponse<String> response = get();
    JsonObject health = Json.createReader(new StringReader(response.body())).readObject();

    assertEquals(200, response.statusCode(), response.body());
    assertEquals("UP", health.getString("status"));
    JsonObject docker = health.getJsonObject("docker");
    assertEquals("up", docker.getString("status"), response.body());
    assertEquals(engine.version(), docker.getString("version"));
    assertEquals(engine.apiVersion(), docker.getString("apiVersion"));
  }

  @Test
  void reportsThisNodeItsRunSlotsAndItsLeaseHeartbeat() throws Exception {
    JsonObject[] node = new JsonObject[1];
    // The heartbeat's first beat comes one period (10 s) after the start.
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              HttpResponse<String> response = get();
              node[0] =
                  Json.createReader(new StringReader(response.body()))
                      .readObject()
                      .getJsonObject("node");
              return node[0] != null && !node[0].getString("lastHeartbeat").equals("none yet");
            });

    assertEquals("up", node[0].getString("status"), node[0].toString());
    assertTrue(!node[0].getString("name").isBlank());
    assertEquals("all", node[0].getString("role"));
    int slots = Integer.parseInt(node[0].getString("slots"));
    int free = Integer.parseInt(node[0].getString("freeSlots"));
    assertTrue(slots >= 1 && free >= 0 && free <= slots, node[0].toString());
    assertEquals("60", node[0].getString("leaseSeconds"));
    java.time.Instant beat = java.time.Instant.parse(node[0].getString("lastHeartbeat"));
    assertTrue(beat.isAfter(java.time.Instant.now().minusSeconds(30)), "a recent beat: " + beat);
  }

  private HttpResponse<String> get() throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve("api/health"))
            .timeout(Duration.ofSeconds(20))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The version of the newest Flyway script in the sources, e.g. "4" for V4__submissions.sql. */
  private static String newestMigration() throws java.io.IOException {
    try (var scripts =
        java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
      return scripts
          .map(path -> path.getFileName().toString())
          .filter(name -> name.matches("V\\d+__.*\\.sql"))
          .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
          .max(Integer::compare)
          .map(String::valueOf)
          .orElseThrow();
    }
  }
}
