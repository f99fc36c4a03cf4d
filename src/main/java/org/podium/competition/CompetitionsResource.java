package org.podium.competition;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.podium.account.Caller;
import org.podium.competition.CompetitionRequests.CompetitionRequest;
import org.podium.competition.CompetitionRequests.ParticipantDecision;
import org.podium.competition.CompetitionRequests.PhaseRequest;
import org.podium.competition.CompetitionViews.CompetitionView;
import org.podium.competition.CompetitionViews.ParticipantView;
import org.podium.competition.CompetitionViews.PhaseView;

/** {@code /api/competitions}: competitions, phases, their data and participants. */
@Path("competitions")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class CompetitionsResource {

  @Inject Competitions competitions;

  @Inject PhaseDataUploads dataUploads;

  @Inject Caller caller;

  @GET
  public List<CompetitionView> list() {
    return competitions.list(caller.account());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(CompetitionRequest request) {
    return Response.status(201).entity(competitions.create(caller.require(), request)).build();
  }

  @GET
  @Path("{id}")
  public CompetitionView get(@PathParam("id") long id) {
    return competitions.view(caller.account(), id);
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public CompetitionView update(@PathParam("id") long id, CompetitionRequest request) {
    return competitions.update(caller.require(), id, request);
  }

  @POST
  @Path("{id}/phases")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addPhase(@PathParam("id") long id, PhaseRequest request) {
    return Response.status(201)
        .entity(competitions.addPhase(caller.require(), id, request))
        .build();
  }

  @PUT
  @Path("{id}/phases/{phaseId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public PhaseView updatePhase(
      @PathParam("id") long id, @PathParam("phaseId") long phaseId, PhaseRequest request) {
    return competitions.updatePhase(caller.require(), id, phaseId, request);
  }

  @PUT
  @Path("{id}/phases/{phaseId}/input-data")
  @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
  // Outside a transaction (as every boundary): the body may take longer to arrive than one may
  // last.
  public Response inputData(
      @PathParam("id") long id, @PathParam("phaseId") long phaseId, InputStream zip) {
    dataUploads.upload(caller.require(), id, phaseId, false, zip);
    return Response.noContent().build();
  }

  @PUT
  @Path("{id}/phases/{phaseId}/reference-data")
  @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
  public Response referenceData(
      @PathParam("id") long id, @PathParam("phaseId") long phaseId, InputStream zip) {
    dataUploads.upload(caller.require(), id, phaseId, true, zip);
    return Response.noContent().build();
  }

  /** The private leaderboard's reference data: same formats and limits as the public one's. */
  @PUT
  @Path("{id}/phases/{phaseId}/private-reference-data")
  @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
  public Response privateReferenceData(
      @PathParam("id") long id, @PathParam("phaseId") long phaseId, InputStream zip) {
    dataUploads.upload(caller.require(), id, phaseId, PhaseData.PRIVATE_REFERENCE, zip);
    return Response.noContent().build();
  }

  /** Reveals the phase's private leaderboard to everyone. */
  @POST
  @Path("{id}/phases/{phaseId}/reveal-private")
  public PhaseView revealPrivate(@PathParam("id") long id, @PathParam("phaseId") long phaseId) {
    return competitions.revealPrivate(caller.require(), id, phaseId, true);
  }

  /** Hides the phase's private leaderboard again (organizers still see it). */
  @DELETE
  @Path("{id}/phases/{phaseId}/reveal-private")
  public PhaseView hidePrivate(@PathParam("id") long id, @PathParam("phaseId") long phaseId) {
    return competitions.revealPrivate(caller.require(), id, phaseId, false);
  }

  @POST
  @Path("{id}/participants")
  public Response join(@PathParam("id") long id) {
    return Response.status(201).entity(competitions.join(caller.require(), id)).build();
  }

  @PUT
  @Path("{id}/participants/{username}")
  @Consumes(MediaType.APPLICATION_JSON)
  public ParticipantView decide(
      @PathParam("id") long id,
      @PathParam("username") String username,
      ParticipantDecision decision) {
    return competitions.decide(
        caller.require(), id, username, decision == null ? null : decision.status());
  }
}
