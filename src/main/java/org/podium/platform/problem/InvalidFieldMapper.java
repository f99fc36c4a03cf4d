package org.podium.platform.problem;

import jakarta.ws.rs.ext.Provider;

/** 400 Invalid request: invalid fields, each with what to change. */
@Provider
public class InvalidFieldMapper extends RefusalMapper<Problem.InvalidField> {

  public InvalidFieldMapper() {
    super(400, "Invalid request");
  }
}
