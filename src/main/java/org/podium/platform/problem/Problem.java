package org.podium.platform.problem;

import jakarta.ejb.ApplicationException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request Podium refuses, with a message the caller can act on: one kind per reason (a bad
 * request, an invalid field, not signed in, not allowed, not found, a conflict, a quota used, too
 * large). Services throw them and say nothing of HTTP; one JAX-RS mapper per kind answers it as
 * {@code application/problem+json} with its status ({@code NotFoundMapper} …), and pages show it
 * next to its field ({@link PageMessages}).
 */
@ApplicationException(rollback = true)
public abstract sealed class Problem extends RuntimeException
    permits Problem.BadRequest,
        Problem.InvalidField,
        Problem.NotSignedIn,
        Problem.NotAllowed,
        Problem.NotFound,
        Problem.Conflict,
        Problem.QuotaUsed,
        Problem.TooLarge {

  // Set once, by the factory that makes it (the kinds declare no constructor of their own).
  private String detail;
  private Map<String, String> fieldErrors = Map.of();
  private Map<String, Object> members = Map.of();

  private Problem() {}

  /** The request as a whole makes no sense (not a form, not JSON …). */
  public static final class BadRequest extends Problem {}

  /** Fields of the request are wrong: each with what to change. */
  public static final class InvalidField extends Problem {}

  /** Nobody is signed in, or the credentials are wrong. */
  public static final class NotSignedIn extends Problem {}

  /** The caller is known but may not do this. */
  public static final class NotAllowed extends Problem {}

  /** No such thing, or not one the caller may see (never saying which). */
  public static final class NotFound extends Problem {}

  /** The thing's state does not allow it now (closed, ended, taken …). */
  public static final class Conflict extends Problem {}

  /** A quota is used up; {@code resetsAt} (a member) when it comes back, if it does. */
  public static final class QuotaUsed extends Problem {}

  /** An upload over a limit: {@code limitBytes} and, when a setting raises it, {@code setting}. */
  public static final class TooLarge extends Problem {}

  /**
   * This refusal with its message, what is wrong with which field of the request, and extension
   * members of the problem document (RFC 9457): text or numbers a program can act on, such as the
   * limit an upload went over.
   */
  private static Problem saying(
      Problem kind, String detail, Map<String, String> fieldErrors, Map<String, Object> members) {
    kind.detail = detail;
    kind.fieldErrors = Map.copyOf(new LinkedHashMap<>(fieldErrors));
    kind.members = Map.copyOf(members);
    return kind;
  }

  private static Problem saying(Problem kind, String detail) {
    return saying(kind, detail, Map.of(), Map.of());
  }

  public static Problem badRequest(String detail) {
    return saying(new BadRequest(), detail);
  }

  public static Problem invalidField(String field, String message) {
    return saying(new InvalidField(), field + ": " + message, Map.of(field, message), Map.of());
  }

  /** Several invalid fields at once, each with its message. */
  public static Problem invalidFields(String detail, Map<String, String> fieldErrors) {
    return saying(new InvalidField(), detail, fieldErrors, Map.of());
  }

  public static Problem unauthorized(String detail) {
    return saying(new NotSignedIn(), detail);
  }

  public static Problem forbidden(String detail) {
    return saying(new NotAllowed(), detail);
  }

  /**
   * {@code what} ("competition 5") is not there, or not the caller's to see, never saying which:
   * "Competition 5 does not exist, or you may not see it."
   */
  public static Problem notFound(String what) {
    return saying(
        new NotFound(),
        Character.toUpperCase(what.charAt(0))
            + what.substring(1)
            + " does not exist, or you may not see it.");
  }

  /** Not found, said in a sentence of its own ("Phase 3 has no private leaderboard."). */
  public static Problem notFoundSaying(String detail) {
    return saying(new NotFound(), detail);
  }

  public static Problem conflict(String detail) {
    return saying(new Conflict(), detail);
  }

  /** A conflict with one field, e.g. a username that is taken. */
  public static Problem conflict(String field, String message, String detail) {
    return saying(new Conflict(), detail, Map.of(field, message), Map.of());
  }

  public static Problem quotaUsed(String detail, Instant resetsAt) {
    return saying(
        new QuotaUsed(),
        detail,
        Map.of(),
        resetsAt == null ? Map.of() : Map.of("resetsAt", resetsAt.toString()));
  }

  /**
   * An upload over a limit; the document carries {@code limitBytes} and, when a setting raises the
   * limit, {@code setting}.
   */
  public static Problem tooLarge(String field, String message, long limitBytes, String setting) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("limitBytes", limitBytes);
    if (setting != null) {
      members.put("setting", setting);
    }
    return saying(new TooLarge(), field + ": " + message, Map.of(field, message), members);
  }

  @Override
  public String getMessage() {
    return detail;
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }

  /** Extension members of the problem document: {@code String} or {@code Long} values. */
  public Map<String, Object> members() {
    return members;
  }
}
