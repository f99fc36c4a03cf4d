package org.podium.platform.problem;

import jakarta.ws.rs.ext.Provider;

/** 403 Forbidden: a caller who may not do this. */
@Provider
public class NotAllowedMapper extends RefusalMapper<Problem.NotAllowed> {

  public NotAllowedMapper() {
    super(403, "Forbidden");
  }
}
