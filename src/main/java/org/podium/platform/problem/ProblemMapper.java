package org.podium.platform.problem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/**
 * The problem document (RFC 9457) of a refusal, for the JAX-RS mappers (one per kind of {@link
 * Problem}, each with its status) and for servlet filters alike.
 */
public final class ProblemMapper {

  public static final String PROBLEM_JSON = "application/problem+json";

  private ProblemMapper() {}

  static Response response(int status, String title, Problem problem) {
    return response(status, title, problem.getMessage(), problem);
  }

  static Response response(int status, String title, String detail, Problem problem) {
    Response.ResponseBuilder response =
        Response.status(status).type(PROBLEM_JSON).entity(json(status, title, detail, problem));
    if (status == 401) {
      response.header("WWW-Authenticate", "Bearer realm=\"podium\"");
    }
    return response.build();
  }

  /** The problem document (RFC 9457) of a refusal, for JAX-RS and for servlet filters alike. */
  public static JsonObject json(int status, String title, String detail, Problem problem) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("type", "about:blank")
            .add("title", title)
            .add("status", status)
            .add("detail", detail == null ? title : detail);
    if (problem != null && !problem.fieldErrors().isEmpty()) {
      JsonObjectBuilder errors = Json.createObjectBuilder();
      problem.fieldErrors().forEach(errors::add);
      body.add("errors", errors);
    }
    if (problem != null) {
      problem
          .members()
          .forEach(
              (name, value) -> {
                if (value instanceof Long number) {
                  body.add(name, number);
                } else {
                  body.add(name, String.valueOf(value));
                }
              });
    }
    return body.build();
  }
}
