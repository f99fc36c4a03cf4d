package org.podium.submission;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.podium.account.Caller;
import org.podium.platform.Problem;

/**
 * {@code /api/competitions/{id}/submissions}: submitting as JSON (an image reference or a docker
 * run line) or as a multipart form with a results zip, and listing one's own submissions.
 */
@Path("competitions/{id}/submissions")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class CompetitionSubmissionsResource {

  @Inject Submissions submissions;

  @Inject Caller caller;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response submit(@PathParam("id") long competitionId, SubmissionRequest request) {
    if (request == null || request.image() == null || request.image().isBlank()) {
      throw Problem.invalidField(
          "image",
          "give an image reference or a docker run command (or upload a results file as multipart)");
    }
    return created(submissions.submitDocker(caller.require(), competitionId, request));
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response submitForm(@PathParam("id") long competitionId, List<EntityPart> parts)
      throws IOException {
    Map<String, String> fields = new HashMap<>();
    EntityPart file = null;
    for (EntityPart part : parts) {
      if (part.getName().equals("file")) {
        file = part;
      } else {
        fields.put(part.getName(), part.getContent(String.class));
      }
    }
    SubmissionRequest request = request(fields);
    if (file == null) {
      return submit(competitionId, request);
    }
    String name = file.getFileName().orElse("").toLowerCase();
    if (name.endsWith(".tar") || name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
      try (InputStream archive = file.getContent()) {
        return created(
            submissions.submitArchive(caller.require(), competitionId, request, archive));
      }
    }
    try (InputStream zip = file.getContent()) {
      return created(submissions.submitResults(caller.require(), competitionId, request, zip));
    }
  }

  @GET
  public List<SubmissionView> mine(@PathParam("id") long competitionId) {
    return submissions.mine(caller.require(), competitionId).stream()
        .map(SubmissionView::of)
        .toList();
  }

  private static SubmissionRequest request(Map<String, String> fields) {
    Long phaseId = null;
    if (fields.get("phaseId") != null && !fields.get("phaseId").isBlank()) {
      try {
        phaseId = Long.parseLong(fields.get("phaseId").trim());
      } catch (NumberFormatException e) {
        throw Problem.invalidField("phaseId", "must be a number");
      }
    }
    return new SubmissionRequest(
        phaseId,
        fields.get("image"),
        null,
        null,
        fields.get("description"),
        fields.get("methodName"),
        fields.get("methodDescription"),
        fields.get("projectUrl"),
        fields.get("publicationUrl"),
        fields.get("bibtex"),
        fields.get("teamName"),
        fields.get("organization"));
  }

  static Response created(Submission submission) {
    return Response.status(201).entity(SubmissionView.of(submission)).build();
  }
}
