package org.podium.submission;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.podium.account.Caller;

/** {@code /api/submissions/{id}}: a submission's state, logs and limits; cancel and re-run. */
@Path("submissions")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class SubmissionsResource {

  @Inject Submissions submissions;

  @Inject Caller caller;

  @Inject SubmissionControl control;

  @Inject FinalSubmissions finalSubmissions;

  @GET
  @Path("{id}")
  public SubmissionView get(@PathParam("id") long id) {
    return submissions.view(caller.require(), id);
  }

  @GET
  @Path("{id}/logs")
  public SubmissionControl.Logs logs(@PathParam("id") long id) {
    return control.logs(caller.require(), id);
  }

  /** One stream's whole stored log as a text download ({@code stdout} or {@code stderr}). */
  @GET
  @Path("{id}/logs/{stream}")
  @Produces(MediaType.TEXT_PLAIN + ";charset=utf-8")
  public Response logFile(@PathParam("id") long id, @PathParam("stream") String stream) {
    java.nio.file.Path file = control.logFile(caller.require(), id, stream);
    Object body = java.nio.file.Files.isRegularFile(file) ? file.toFile() : "";
    return Response.ok(body)
        .header(
            "Content-Disposition",
            "attachment; filename=\"submission-" + id + "-" + stream + ".log\"")
        .build();
  }

  /** The limits the latest attempt ran under; 404 when it started no container. */
  @GET
  @Path("{id}/limits")
  public RunLimits limits(@PathParam("id") long id) {
    return control
        .limits(caller.require(), id)
        .orElseThrow(
            () ->
                org.podium.platform.problem.Problem.notFoundSaying(
                    "Submission "
                        + id
                        + " has not started a container yet, so it has no limits to show: ask"
                        + " again once it runs."));
  }

  /** Marks one of the caller's finished submissions final for the private leaderboard. */
  @PUT
  @Path("{id}/final")
  public SubmissionView markFinal(@PathParam("id") long id) {
    return finalSubmissions.mark(caller.require(), id, true);
  }

  @DELETE
  @Path("{id}/final")
  public SubmissionView unmarkFinal(@PathParam("id") long id) {
    return finalSubmissions.mark(caller.require(), id, false);
  }

  @POST
  @Path("{id}/cancel")
  public SubmissionView cancel(@PathParam("id") long id) {
    return control.cancel(caller.require(), id);
  }

  @POST
  @Path("{id}/rerun")
  public Response rerun(@PathParam("id") long id) {
    return CompetitionSubmissionsResource.created(control.rerun(caller.require(), id));
  }
}
