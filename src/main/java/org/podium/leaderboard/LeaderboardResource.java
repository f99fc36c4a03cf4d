package org.podium.leaderboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.podium.account.Caller;

/** {@code /api/competitions/{id}/phases/{phaseId}/leaderboard}: a phase's ranking. */
@Path("competitions/{id}/phases/{phaseId}/leaderboard")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class LeaderboardResource {

  @Inject Leaderboards leaderboards;

  @Inject Caller caller;

  /** {@code ?board=private}: the private leaderboard (organizers; everyone once revealed). */
  @GET
  public Leaderboard leaderboard(
      @PathParam("id") long competitionId,
      @PathParam("phaseId") long phaseId,
      @QueryParam("board") String board) {
    return leaderboards.of(caller.account(), competitionId, phaseId, Board.of(board));
  }
}
