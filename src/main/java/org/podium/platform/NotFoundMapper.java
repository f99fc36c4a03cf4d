package org.podium.platform;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 404 Not found: nothing the caller may see. */
@Provider
public class NotFoundMapper implements ExceptionMapper<Problem.NotFound> {

  static final int STATUS = 404;

  static final String TITLE = "Not found";

  @Override
  public Response toResponse(Problem.NotFound problem) {
    return ProblemMapper.response(STATUS, TITLE, problem);
  }
}
