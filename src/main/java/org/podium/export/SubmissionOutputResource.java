package org.podium.export;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.UncheckedIOException;
import org.podium.account.Caller;

/**
 * {@code GET /api/submissions/{id}/output.zip}: a submission's output and the logs its caller may
 * read (its owner, or an organizer), streamed as a zip.
 */
@Path("submissions/{id}/output.zip")
@RequestScoped
public class SubmissionOutputResource {

  @Inject Exports exports;

  @Inject Caller caller;

  @GET
  public Response output(@PathParam("id") long id) {
    OutputFolder folder = exports.output(caller.require(), id);
    StreamingOutput body =
        out -> {
          try (OutputZip zip = new OutputZip(out)) {
            zip.write(folder);
          } catch (UncheckedIOException e) {
            throw e.getCause();
          }
        };
    return Response.ok(body, "application/zip")
        .header("Content-Disposition", "attachment; filename=\"submission-" + id + "-output.zip\"")
        .build();
  }
}
