package org.podium.submission;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.podium.account.Caller;
import org.podium.platform.Problem;

/** The CodaLab seed's call, {@code POST /api/competition/{id}/submission}, kept as it was. */
@Path("competition/{id}/submission")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class SeedSubmissionResource {

  @Inject Submissions submissions;

  @Inject Caller caller;

  /**
   * The CodaLab seed's call: metadata in the query string; the form fields it sends are ignored.
   */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response submitSeed(
      @PathParam("id") long competitionId,
      @QueryParam("phase_id") Long phaseId,
      @QueryParam("docker-run-command") String dockerRunCommand,
      @QueryParam("description") String description,
      @QueryParam("method_name") String methodName,
      @QueryParam("method_description") String methodDescription,
      @QueryParam("project_url") String projectUrl,
      @QueryParam("publication_url") String publicationUrl,
      @QueryParam("bibtex") String bibtex,
      @QueryParam("team_name") String teamName,
      @QueryParam("organization_or_affiliation") String organization) {
    if (dockerRunCommand == null || dockerRunCommand.isBlank()) {
      throw Problem.invalidField("docker-run-command", "give the docker run command of your image");
    }
    SubmissionRequest request =
        new SubmissionRequest(
            phaseId,
            dockerRunCommand,
            null,
            null,
            description,
            methodName,
            methodDescription,
            projectUrl,
            publicationUrl,
            bibtex,
            teamName,
            organization);
    try {
      return CompetitionSubmissionsResource.created(
          submissions.submitDocker(caller.require(), competitionId, request));
    } catch (Problem problem) {
      if (problem.fieldErrors().containsKey("image")) {
        throw Problem.invalidField("docker-run-command", problem.fieldErrors().get("image"));
      }
      throw problem;
    }
  }
}
