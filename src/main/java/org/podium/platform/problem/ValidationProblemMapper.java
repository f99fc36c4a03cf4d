package org.podium.platform.problem;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Bean Validation failures become a 400 problem with one message per field. */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    Problem refusal = Checks.refusal(exception.getConstraintViolations());
    return refusal == null
        ? ProblemMapper.response(400, "Invalid request", exception.getMessage(), null)
        : new InvalidFieldMapper().toResponse((Problem.InvalidField) refusal);
  }
}
