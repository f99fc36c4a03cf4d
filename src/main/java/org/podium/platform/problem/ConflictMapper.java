package org.podium.platform.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 409 Conflict: a state that does not allow it now. */
@Provider
public class ConflictMapper implements ExceptionMapper<Problem.Conflict> {

  public static final int STATUS = 409;

  public static final String TITLE = "Conflict";

  @Override
  public Response toResponse(Problem.Conflict problem) {
    return ProblemMapper.response(STATUS, TITLE, problem);
  }
}
