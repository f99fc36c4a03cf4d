package org.podium.platform.problem;

import jakarta.ws.rs.ext.Provider;

/** 404 Not found: nothing the caller may see. */
@Provider
public class NotFoundMapper extends RefusalMapper<Problem.NotFound> {

  public NotFoundMapper() {
    super(404, "Not found");
  }
}
