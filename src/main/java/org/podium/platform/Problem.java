package org.podium.platform;

import jakarta.ejb.ApplicationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request Podium refuses, with the HTTP status it maps to and a message the caller can act on;
 * REST answers it as {@code application/problem+json}, pages show it next to the field.
 */
@ApplicationException(rollback = true)
public class Problem extends RuntimeException {

  private final int status;
  private final String title;
  private final Map<String, String> fieldErrors;

  public Problem(int status, String title, String detail) {
    this(status, title, detail, Map.of());
  }

  public Problem(int status, String title, String detail, Map<String, String> fieldErrors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.fieldErrors = Map.copyOf(new LinkedHashMap<>(fieldErrors));
  }

  public static Problem badRequest(String detail) {
    return new Problem(400, "Bad request", detail);
  }

  public static Problem invalidField(String field, String message) {
    return new Problem(400, "Invalid request", field + ": " + message, Map.of(field, message));
  }

  public static Problem unauthorized(String detail) {
    return new Problem(401, "Unauthorized", detail);
  }

  public static Problem forbidden(String detail) {
    return new Problem(403, "Forbidden", detail);
  }

  public static Problem notFound(String what) {
    return new Problem(404, "Not found", what + " does not exist or is not yours to see");
  }

  public static Problem conflict(String detail) {
    return new Problem(409, "Conflict", detail);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
