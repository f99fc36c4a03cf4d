package org.podium.platform.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 413 Content too large: an upload over its limit, with the limit. */
@Provider
public class TooLargeMapper implements ExceptionMapper<Problem.TooLarge> {

  public static final int STATUS = 413;

  public static final String TITLE = "Content too large";

  @Override
  public Response toResponse(Problem.TooLarge problem) {
    return ProblemMapper.response(STATUS, TITLE, problem);
  }
}
