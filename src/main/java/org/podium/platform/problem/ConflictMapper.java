package org.podium.platform.problem;

import jakarta.ws.rs.ext.Provider;

/** 409 Conflict: a state that does not allow it now. */
@Provider
public class ConflictMapper extends RefusalMapper<Problem.Conflict> {

  public ConflictMapper() {
    super(409, "Conflict");
  }
}
