package org.podium.platform.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 403 Forbidden: a caller who may not do this. */
@Provider
public class NotAllowedMapper implements ExceptionMapper<Problem.NotAllowed> {

  public static final int STATUS = 403;

  public static final String TITLE = "Forbidden";

  @Override
  public Response toResponse(Problem.NotAllowed problem) {
    return ProblemMapper.response(STATUS, TITLE, problem);
  }
}
