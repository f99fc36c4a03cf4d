package org.podium.submission;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.podium.account.Caller;

/** The CodaLab seed's call, {@code POST /api/competition/{id}/submission}, kept as it was. */
@Path("competition/{id}/submission")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class SeedSubmissionResource {

  @Inject Submissions submissions;

  @Inject Caller caller;

  /**
   * The CodaLab seed's call: the docker run command and the metadata in the query string ({@code
   * phase_id}, {@code docker-run-command}, {@code method_name} …); the form fields it sends are
   * ignored.
   */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response submitSeed(@PathParam("id") long competitionId, @Context UriInfo uri) {
    return CompetitionSubmissionsResource.created(
        submissions.submit(
            caller.require(),
            competitionId,
            SubmissionIntake.of(
                SubmissionIntake.seedFields(CompetitionSubmissionsResource.firstValues(uri)),
                null,
                SubmissionIntake.SEED_IMAGE)));
  }
}
