package org.podium.platform.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 429 Too many submissions: a quota used up, with when it resets. */
@Provider
public class QuotaUsedMapper implements ExceptionMapper<Problem.QuotaUsed> {

  public static final int STATUS = 429;

  public static final String TITLE = "Too many submissions";

  @Override
  public Response toResponse(Problem.QuotaUsed problem) {
    return ProblemMapper.response(STATUS, TITLE, problem);
  }
}
