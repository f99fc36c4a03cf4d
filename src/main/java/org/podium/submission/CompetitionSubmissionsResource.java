package org.podium.submission;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.podium.account.Account;
import org.podium.account.Caller;
import org.podium.platform.PageRequest;
import org.podium.platform.problem.Problem;
import org.podium.platform.web.JsonBodies;
import org.podium.platform.web.MultipartForm;
import org.podium.platform.web.PagedResponses;

/**
 * {@code /api/competitions/{id}/submissions}: submitting as JSON (an image reference or a docker
 * run line) or as a multipart form with a results zip, and listing one's own submissions.
 */
@Path("competitions/{id}/submissions")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class CompetitionSubmissionsResource {

  static final String ARCHIVE_TAR = "application/x-tar";
  static final String ARCHIVE_GZIP = "application/gzip";
  static final String ARCHIVE_X_GZIP = "application/x-gzip";
  static final String RESULTS_ZIP = "application/zip";

  @Inject Submissions submissions;

  @Inject SubmissionUploads uploads;

  @Inject SubmissionLists lists;

  @Inject Caller caller;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response submit(@PathParam("id") long competitionId, InputStream body) throws IOException {
    // JSON is UTF-8 (RFC 8259), whatever charset the request names or leaves out.
    String json = JsonBodies.read(body);
    return created(
        submissions.submit(caller.require(), competitionId, SubmissionIntake.ofJson(json)));
  }

  /**
   * A multipart form: a results zip or a {@code docker save} archive as {@code file} (by its name's
   * extension), or an image without a file, plus the same fields as JSON. The file is read as it
   * streams; fields sent before it are checked before it is.
   */
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  // Outside a transaction (as every boundary): the file may take longer to arrive than one may
  // last.
  public Response submitForm(
      @PathParam("id") long competitionId,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body) {
    Account account = caller.require();
    MultipartForm<SubmissionUpload> form =
        MultipartForm.read(
            contentType,
            body,
            (field, fileName, fieldsSoFar, content) -> {
              if (!field.equals(SubmissionIntake.FILE)) {
                throw Problem.invalidField(
                    field, "Send the file as the form field 'file', not '" + field + "'.");
              }
              return uploads.receive(
                  account,
                  competitionId,
                  fieldsSoFar,
                  SubmissionUpload.Kind.ofFileName(fileName),
                  content);
            });
    if (form.file() == null) {
      return created(
          submissions.submit(account, competitionId, SubmissionIntake.of(form.fields(), null)));
    }
    return created(uploads.submit(account, competitionId, form.fields(), form.file()));
  }

  /**
   * The file as the request's whole body, the fields as query parameters: a {@code docker save}
   * archive ({@code application/x-tar}, {@code application/gzip}) or a results zip ({@code
   * application/zip}). The plainest way to send gigabytes: nothing to encode, every field known
   * before the first byte, so a refusal comes before the upload.
   */
  @POST
  @Consumes({ARCHIVE_TAR, ARCHIVE_GZIP, ARCHIVE_X_GZIP, RESULTS_ZIP})
  public Response submitFile(
      @PathParam("id") long competitionId,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @Context UriInfo uri,
      InputStream body) {
    SubmissionUpload.Kind kind =
        contentType.toLowerCase(Locale.ROOT).startsWith(RESULTS_ZIP)
            ? SubmissionUpload.Kind.RESULTS
            : SubmissionUpload.Kind.ARCHIVE;
    return created(uploads.submit(caller.require(), competitionId, firstValues(uri), kind, body));
  }

  /** The caller's own submissions, newest first, a page at a time. */
  @GET
  public Response mine(
      @PathParam("id") long competitionId,
      @QueryParam("page") String page,
      @QueryParam("size") String size,
      @Context UriInfo uri) {
    return PagedResponses.ok(
        lists.mine(caller.require(), competitionId, PageRequest.of(page, size)), uri);
  }

  /**
   * Every participant's submissions, newest first, a page at a time, of one {@code phase} (its id),
   * one {@code status}, whose participant's username contains {@code q}: organizers only.
   */
  @GET
  @Path("all")
  public Response all(
      @PathParam("id") long competitionId,
      @QueryParam("phase") String phase,
      @QueryParam("status") String status,
      @QueryParam("q") String q,
      @QueryParam("page") String page,
      @QueryParam("size") String size,
      @Context UriInfo uri) {
    return PagedResponses.ok(
        lists.ofCompetition(
            caller.require(),
            competitionId,
            new SubmissionLists.Filter(phase, status, q),
            PageRequest.of(page, size)),
        uri);
  }

  /** The query's parameters, the first value of each. */
  static Map<String, String> firstValues(UriInfo uri) {
    Map<String, String> fields = new HashMap<>();
    uri.getQueryParameters().forEach((name, values) -> fields.put(name, values.get(0)));
    return fields;
  }

  /**
   * 201 with the new submission's address as Location ({@code submissions/{id}}, which JAX-RS
   * resolves against the API's base, {@code /api/}).
   */
  static Response created(SubmissionView submission) {
    return Response.created(URI.create("submissions/" + submission.id()))
        .entity(submission)
        .build();
  }
}
