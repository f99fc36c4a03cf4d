package org.podium.platform.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 Invalid request: invalid fields, each with what to change. */
@Provider
public class InvalidFieldMapper implements ExceptionMapper<Problem.InvalidField> {

  public static final int STATUS = 400;

  public static final String TITLE = "Invalid request";

  @Override
  public Response toResponse(Problem.InvalidField problem) {
    return ProblemMapper.response(STATUS, TITLE, problem);
  }
}
