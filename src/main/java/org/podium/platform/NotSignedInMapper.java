package org.podium.platform;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 401 Unauthorized: nobody signed in, or wrong credentials (with a Bearer challenge). */
@Provider
public class NotSignedInMapper implements ExceptionMapper<Problem.NotSignedIn> {

  static final int STATUS = 401;

  static final String TITLE = "Unauthorized";

  @Override
  public Response toResponse(Problem.NotSignedIn problem) {
    return ProblemMapper.response(STATUS, TITLE, problem);
  }
}
