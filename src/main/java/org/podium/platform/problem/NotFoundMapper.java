package org.podium.platform.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 404 Not found: nothing the caller may see. */
@Provider
public class NotFoundMapper implements ExceptionMapper<Problem.NotFound> {

  public static final int STATUS = 404;

  public static final String TITLE = "Not found";

  @Override
  public Response toResponse(Problem.NotFound problem) {
    return ProblemMapper.response(STATUS, TITLE, problem);
  }
}
