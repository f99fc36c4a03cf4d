package org.podium.platform.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * 429 Too many submissions: a quota used up, with when it resets ({@code resetsAt}) and {@code
 * Retry-After}: the seconds until then, or {@value #NEVER_SECONDS} (a day) for a quota that never
 * comes back (a phase's total), where the detail says so.
 */
@Provider
public class QuotaUsedMapper extends RefusalMapper<Problem.QuotaUsed> {

  /** Retry-After of a quota that does not reset: asking again within a day changes nothing. */
  static final long NEVER_SECONDS = 86_400;

  public QuotaUsedMapper() {
    super(429, "Too many submissions");
  }

  @Override
  public Response toResponse(Problem.QuotaUsed problem) {
    return Response.fromResponse(super.toResponse(problem))
        .header("Retry-After", retryAfter(problem, Instant.now()))
        .build();
  }

  /** Whole seconds from {@code now} until the quota resets, at least 1. */
  static long retryAfter(Problem problem, Instant now) {
    Object resetsAt = problem.members().get("resetsAt");
    if (resetsAt == null) {
      return NEVER_SECONDS;
    }
    try {
      Duration left = Duration.between(now, Instant.parse(resetsAt.toString()));
      return Math.max(1, left.getSeconds() + (left.getNano() > 0 ? 1 : 0));
    } catch (DateTimeParseException e) {
      return NEVER_SECONDS;
    }
  }
}
