package org.podium.platform.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 Bad request: a request that makes no sense as a whole. */
@Provider
public class BadRequestMapper implements ExceptionMapper<Problem.BadRequest> {

  public static final int STATUS = 400;

  public static final String TITLE = "Bad request";

  @Override
  public Response toResponse(Problem.BadRequest problem) {
    return ProblemMapper.response(STATUS, TITLE, problem);
  }
}
