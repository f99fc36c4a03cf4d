package org.podium.platform.problem;

import jakarta.ws.rs.ext.Provider;

/** 401 Unauthorized: nobody signed in, or wrong credentials (with a Bearer challenge). */
@Provider
public class NotSignedInMapper extends RefusalMapper<Problem.NotSignedIn> {

  public NotSignedInMapper() {
    super(401, "Unauthorized");
  }
}
