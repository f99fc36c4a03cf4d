package org.podium.platform.problem;

import jakarta.ws.rs.ext.Provider;

/**
 * 413 Content too large: an upload over its limit, with the limit; servlet filters answer it with
 * the same.
 */
@Provider
public class TooLargeMapper extends RefusalMapper<Problem.TooLarge> {

  public static final int STATUS = 413;

  public static final String TITLE = "Content too large";

  public TooLargeMapper() {
    super(STATUS, TITLE);
  }
}
