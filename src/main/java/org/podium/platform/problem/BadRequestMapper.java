package org.podium.platform.problem;

import jakarta.ws.rs.ext.Provider;

/** 400 Bad request: a request that makes no sense as a whole. */
@Provider
public class BadRequestMapper extends RefusalMapper<Problem.BadRequest> {

  public BadRequestMapper() {
    super(400, "Bad request");
  }
}
