package org.podium.platform.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * What every refusal's mapper does: answer its kind of {@link Problem} with the status and title
 * the subclass gives (the one place HTTP status numbers of refusals are chosen).
 */
abstract class RefusalMapper<P extends Problem> implements ExceptionMapper<P> {

  private final int status;
  private final String title;

  RefusalMapper(int status, String title) {
    this.status = status;
    this.title = title;
  }

  @Override
  public Response toResponse(P problem) {
    return ProblemMapper.response(status, title, problem);
  }
}
