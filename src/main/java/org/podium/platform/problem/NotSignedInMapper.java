package org.podium.platform.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 401 Unauthorized: nobody signed in, or wrong credentials (with a Bearer challenge). */
@Provider
public class NotSignedInMapper implements ExceptionMapper<Problem.NotSignedIn> {

  public static final int STATUS = 401;

  public static final String TITLE = "Unauthorized";

  @Override
  public Response toResponse(Problem.NotSignedIn problem) {
    return ProblemMapper.response(STATUS, TITLE, problem);
  }
}
