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
  private final Map<String, Object> members;

  public Problem(int status, String title, String detail) {
    this(status, title, detail, Map.of());
  }

  public Problem(int status, String title, String detail, Map<String, String> fieldErrors) {
    this(status, title, detail, fieldErrors, Map.of());
  }

  /**
   * @param members extension members of the problem document (RFC 9457): text or numbers a program
   *     can act on, such as the limit an upload went over
   */
  private Problem(
      int status,
      String title,
      String detail,
      Map<String, String> fieldErrors,
      Map<String, Object> members) {
    super(detail);
    this.status = status;
    this.title = title;
    this.fieldErrors = Map.copyOf(new LinkedHashMap<>(fieldErrors));
    this.members = Map.copyOf(members);
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

  /**
   * 413: an upload over a limit; the document carries {@code limitBytes} and, when a setting raises
   * the limit, {@code setting}.
   */
  public static Problem tooLarge(String field, String message, long limitBytes, String setting) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("limitBytes", limitBytes);
    if (setting != null) {
      members.put("setting", setting);
    }
    return new Problem(
        413, "Content too large", field + ": " + message, Map.of(field, message), members);
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

  /** Extension members of the problem document: {@code String} or {@code Long} values. */
  public Map<String, Object> members() {
    return members;
  }
}
