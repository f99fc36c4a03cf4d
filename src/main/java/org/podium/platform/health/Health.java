package org.podium.platform.health;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/health}: one entry per part Podium depends on. 200 while Podium serves (status
 * UP, or DEGRADED without a Docker engine), 503 when the database or the run queue is down.
 */
@Path("health")
public class Health {

  @Inject HealthChecks checks;

  @Inject Instance<NodeHealth> node;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response get() {
    HealthReport report = checks.check();
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("status", report.status().name())
            .add("database", json(report.database()))
            .add("messaging", json(report.messaging()))
            .add("docker", json(report.docker()));
    if (node.isResolvable()) {
      body.add("node", json(node.get().node()));
    }
    return Response.status(report.httpStatus()).entity(body.build()).build();
  }

  private static JsonObjectBuilder json(ComponentHealth component) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("status", component.status());
    component.facts().forEach(json::add);
    return json;
  }
}
