package org.podium.leaderboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.podium.account.Caller;
import org.podium.competition.Competitions;

/** {@code /api/competitions/{id}/phases/{phaseId}/leaderboard}: a phase's ranking. */
@Path("competitions/{id}/phases/{phaseId}/leaderboard")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class LeaderboardResource {

  @Inject Leaderboards leaderboards;

  @Inject Competitions competitions;

  @Inject Caller caller;

  @GET
  public Leaderboard leaderboard(
      @PathParam("id") long competitionId, @PathParam("phaseId") long phaseId) {
    return leaderboards.of(
        competitions.phase(competitions.visible(caller.account(), competitionId), phaseId));
  }
}
