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

/**
 * {@code /api/competitions/{id}/phases/{phaseId}/leaderboard?board=&page=&size=}: a page of a
 * phase's public (or, {@code board=private}, private) ranking with the count of ranked
 * participants.
 */
@Path("competitions/{id}/phases/{phaseId}/leaderboard")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class LeaderboardResource {

  @Inject Leaderboards leaderboards;

  @Inject Caller caller;

  @GET
  public Leaderboard leaderboard(
      @PathParam("id") long competitionId,
      @PathParam("phaseId") long phaseId,
      @QueryParam("board") String board,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return leaderboards.of(
        caller.account(),
        competitionId,
        phaseId,
        Board.of(board),
        Leaderboards.number("page", page, 1),
        Leaderboards.number("size", size, Leaderboards.DEFAULT_PAGE_SIZE));
  }
}
