package org.podium.platform.problem;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else: JAX-RS's own errors keep their status; anything unexpected is logged with an id
 * and answered 500 with that id, never with a stack trace.
 */
@Provider
public class UnexpectedProblemMapper implements ExceptionMapper<Exception> {

  private static final Logger LOG = Logger.getLogger(UnexpectedProblemMapper.class.getName());

  @Context Providers providers;

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Response toResponse(Exception exception) {
    // A body read past its limit, wherever the reading failed (a JSON reader wraps it).
    Problem tooLarge = UploadTooLargeException.find(exception);
    if (tooLarge != null) {
      return ProblemMapper.response(TooLargeMapper.STATUS, TooLargeMapper.TITLE, tooLarge);
    }
    // A refusal wrapped on its way here (by an EJB, or by a server around a body reader).
    for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof jakarta.validation.ConstraintViolationException invalid) {
        // an entity's constraint checked only when the transaction commits
        return new ValidationProblemMapper().toResponse(invalid);
      }
      if (cause instanceof Problem problem) {
        ExceptionMapper mapper = providers.getExceptionMapper(problem.getClass());
        if (mapper != null && !(mapper instanceof UnexpectedProblemMapper)) {
          return mapper.toResponse(problem);
        }
      }
    }
    Throwable cause = exception;
    while (cause instanceof EJBException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause != exception && cause instanceof Exception unwrapped) {
      ExceptionMapper mapper = providers.getExceptionMapper(unwrapped.getClass());
      if (mapper != null && !(mapper instanceof UnexpectedProblemMapper)) {
        return mapper.toResponse(unwrapped);
      }
    }
    // A body the server's own readers could not make sense of, whichever exception the server
    // reports it with (JSON-B's, JSON-P's, JAX-RS's ProcessingException or NoContentException).
    if (unreadableBody(exception)) {
      return ProblemMapper.response(
          400,
          "Bad request",
          "the request body cannot be read as this call takes it: check its JSON, its type"
              + " (Content-Type) and its encoding (UTF-8)",
          null);
    }
    if (exception instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      return ProblemMapper.response(
          status, web.getResponse().getStatusInfo().getReasonPhrase(), web.getMessage(), null);
    }
    String id = UUID.randomUUID().toString();
    // logged with its stack trace for the operator; the caller gets the id only
    LOG.log(Level.SEVERE, "Unexpected failure " + id, exception);
    return ProblemMapper.response(
        500,
        "Internal error",
        "Podium failed unexpectedly; the operator can find it as " + id,
        null);
  }

  private static boolean unreadableBody(Throwable failure) {
    if (failure instanceof jakarta.ws.rs.ProcessingException) {
      return true;
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof jakarta.json.bind.JsonbException
          || cause instanceof jakarta.json.JsonException
          || cause instanceof jakarta.ws.rs.core.NoContentException
          || cause instanceof java.nio.charset.CharacterCodingException) {
        return true;
      }
    }
    return false;
  }
}
