package org.podium.submission;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.podium.account.Caller;

/** {@code /api/submissions/{id}}: a submission's state, its logs, cancelling it. */
@Path("submissions")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class SubmissionsResource {

  @Inject Submissions submissions;

  @Inject Caller caller;

  @Inject SubmissionControl control;

  @GET
  @Path("{id}")
  public SubmissionView get(@PathParam("id") long id) {
    return SubmissionView.of(submissions.visible(caller.require(), id));
  }

  @GET
  @Path("{id}/logs")
  public SubmissionControl.Logs logs(@PathParam("id") long id) {
    return control.logs(caller.require(), id);
  }

  @POST
  @Path("{id}/cancel")
  public SubmissionView cancel(@PathParam("id") long id) {
    return SubmissionView.of(control.cancel(caller.require(), id));
  }

  @POST
  @Path("{id}/rerun")
  public Response rerun(@PathParam("id") long id) {
    return Response.status(201)
        .entity(SubmissionView.of(control.rerun(caller.require(), id)))
        .build();
  }
}
