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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import org.podium.account.Caller;
import org.podium.competition.CompetitionRequests.CompetitionRequest;
import org.podium.competition.CompetitionRequests.ParticipantDecision;
import org.podium.competition.CompetitionRequests.PhaseRequest;
import org.podium.competition.CompetitionViews.CompetitionView;
import org.podium.competition.CompetitionViews.ParticipantView;
import org.podium.competition.CompetitionViews.PhaseView;
import org.podium.platform.PageRequest;
import org.podium.platform.web.PagedResponses;

/** {@code /api/competitions}: competitions, phases, their data and participants. */
@Path("competitions")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class CompetitionsResource {

  @Inject Competitions competitions;

  @Inject PhaseDataUploads dataUploads;

  @Inject CompetitionLists lists;

  @Inject Caller caller;

  @Context UriInfo uri;

  private URI address(String template, Object... values) {
    return uri.getBaseUriBuilder().path(template).build(values);
  }

  /**
   * The competitions the caller may see, newest first, a page at a time: whose title or description
   * contains {@code q}, in {@code state} ({@code draft}, {@code upcoming}, {@code open}, {@code
   * closed}), and with {@code mine=true} only those the caller organizes or joined.
   */
  @GET
  public Response list(
      @QueryParam("q") String q,
      @QueryParam("state") String state,
      @QueryParam("mine") String mine,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return PagedResponses.ok(
        lists.visible(
            caller.account(), q, state, "true".equalsIgnoreCase(mine), PageRequest.of(page, size)),
        uri);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(CompetitionRequest request) {
    CompetitionView created = competitions.create(caller.require(), request);
    return Response.created(address("competitions/{id}", created.id())).entity(created).build();
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
    PhaseView added = competitions.addPhase(caller.require(), id, request);
    return Response.created(address("competitions/{id}/phases/{phaseId}", id, added.id()))
        .entity(added)
        .build();
  }

  /** A phase of a competition the caller may see (its scoring program as the competition shows). */
  @GET
  @Path("{id}/phases/{phaseId}")
  public PhaseView phase(@PathParam("id") long id, @PathParam("phaseId") long phaseId) {
    return competitions.phaseView(caller.account(), id, phaseId);
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

  /**
   * Joins; a competition with terms only with {@code acceptTerms=true} (recorded with its time).
   */
  @POST
  @Path("{id}/participants")
  public Response join(@PathParam("id") long id, @QueryParam("acceptTerms") String acceptTerms) {
    ParticipantView joined =
        competitions.join(caller.require(), id, "true".equalsIgnoreCase(acceptTerms));
    return Response.created(
            address("competitions/{id}/participants/{username}", id, joined.username()))
        .entity(joined)
        .build();
  }

  /**
   * Who joined, oldest first, a page at a time, of one {@code status} ({@code PENDING}, {@code
   * APPROVED}, {@code DENIED}) and whose username contains {@code q}: organizers only.
   */
  @GET
  @Path("{id}/participants")
  public Response participants(
      @PathParam("id") long id,
      @QueryParam("status") String status,
      @QueryParam("q") String q,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return PagedResponses.ok(
        lists.participants(caller.require(), id, status, q, PageRequest.of(page, size)), uri);
  }

  /** One participant: the competition's organizers, or the participant themselves. */
  @GET
  @Path("{id}/participants/{username}")
  public ParticipantView participant(
      @PathParam("id") long id, @PathParam("username") String username) {
    return competitions.participantView(caller.require(), id, username);
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
