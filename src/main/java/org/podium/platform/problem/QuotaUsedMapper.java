package org.podium.platform.problem;

import jakarta.ws.rs.ext.Provider;

/** 429 Too many submissions: a quota used up, with when it resets. */
@Provider
public class QuotaUsedMapper extends RefusalMapper<Problem.QuotaUsed> {

  public QuotaUsedMapper() {
    super(429, "Too many submissions");
  }
}
