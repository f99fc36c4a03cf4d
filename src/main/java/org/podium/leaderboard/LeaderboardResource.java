package org.podium.leaderboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.podium.account.Caller;
import org.podium.platform.Page;
import org.podium.platform.PageRequest;
import org.podium.platform.web.PagedResponses;

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

  @Context UriInfo uri;

  /** The page as the body; {@code Link} (first, prev, next, last) and {@code X-Total-Count} too. */
  @GET
  public Response leaderboard(
      @PathParam("id") long competitionId,
      @PathParam("phaseId") long phaseId,
      @QueryParam("board") String board,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Leaderboard leaderboard =
        leaderboards.of(
            caller.account(), competitionId, phaseId, Board.of(board), PageRequest.of(page, size));
    return PagedResponses.ok(
        leaderboard,
        new Page<>(leaderboard.rows(), leaderboard.page(), leaderboard.size(), leaderboard.total()),
        uri);
  }
}
