package org.podium.competition.files;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HexFormat;
import org.podium.account.Account;
import org.podium.account.Caller;
import org.podium.platform.PageRequest;
import org.podium.platform.problem.Problem;
import org.podium.platform.web.MultipartForm;
import org.podium.platform.web.PagedResponses;

/**
 * {@code /api/competitions/{id}/files}: the competition's Files tab. Organizers upload (a multipart
 * form, or the file as the whole body with its name in the query) and delete; those who may (see
 * {@link CompetitionFiles}) list and download. Uploads and downloads stream, outside any
 * transaction.
 */
@Path("competitions/{id}/files")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class CompetitionFilesResource {

  static final String FILE = "file";
  static final String NAME = "name";
  static final String DESCRIPTION = "description";

  @Inject CompetitionFiles files;

  @Inject FileUploads uploads;

  @Inject Caller caller;

  @Context UriInfo uri;

  /** The files by name, a page at a time. */
  @GET
  public Response list(
      @PathParam("id") long id, @QueryParam("page") String page, @QueryParam("size") String size) {
    return PagedResponses.ok(files.list(caller.account(), id, PageRequest.of(page, size)), uri);
  }

  /**
   * A multipart form: the file as {@code file} (named by its file name, or by a {@code name} field
   * sent before it) and a {@code description}. Fields sent before the file are checked before it is
   * read.
   */
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response uploadForm(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      java.io.InputStream body) {
    Account account = caller.require();
    String[] named = new String[1];
    MultipartForm<ReceivedFile> form =
        MultipartForm.read(
            contentType,
            body,
            (field, fileName, fieldsSoFar, content) -> {
              if (!field.equals(FILE)) {
                throw Problem.invalidField(
                    field, "Send the file as the form field 'file', not '" + field + "'.");
              }
              named[0] = fieldsSoFar.getOrDefault(NAME, fileName);
              files.checkUpload(account, id, named[0], fieldsSoFar.get(DESCRIPTION));
              return uploads.receive(content);
            });
    try (ReceivedFile received = form.file()) {
      if (received == null) {
        throw Problem.invalidField(FILE, "Choose a file to upload: the form has no 'file' part.");
      }
      return created(
          id, files.store(account, id, named[0], form.fields().get(DESCRIPTION), received));
    }
  }

  /**
   * The file as the whole body (any type but a form), its {@code name} and {@code description} in
   * the query: every field known before the first byte.
   */
  @POST
  public Response upload(
      @PathParam("id") long id,
      @QueryParam(NAME) String name,
      @QueryParam(DESCRIPTION) String description,
      java.io.InputStream body) {
    if (name == null) {
      throw Problem.invalidField(
          NAME, "Name the file in the query (?name=starting-kit.zip): the body is its content.");
    }
    return created(id, uploads.upload(caller.require(), id, name, description, body));
  }

  /** The file's bytes, as an attachment under its name. */
  @GET
  @Path("{fileId}")
  @Produces(MediaType.WILDCARD)
  public Response download(@PathParam("id") long id, @PathParam("fileId") long fileId) {
    CompetitionFiles.Download download = files.download(caller.account(), id, fileId);
    StreamingOutput body = out -> Files.copy(download.path(), out);
    FileView file = download.file();
    return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM)
        .header("Content-Disposition", FileNames.attachment(file.name()))
        .header(HttpHeaders.CONTENT_LENGTH, file.bytes())
        // RFC 9530: the SHA-256 shown on the tab, for a client to check what it received
        .header(
            "Repr-Digest",
            "sha-256=:"
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256()))
                + ":")
        .build();
  }

  @DELETE
  @Path("{fileId}")
  public Response delete(@PathParam("id") long id, @PathParam("fileId") long fileId) {
    uploads.delete(caller.require(), id, fileId);
    return Response.noContent().build();
  }

  /** Who may download: {@code {"everyone": true}} opens the files to every visitor. */
  @PUT
  @Path("access")
  @Consumes(MediaType.APPLICATION_JSON)
  public FileAccess access(@PathParam("id") long id, AccessRequest request) {
    if (request == null || request.everyone() == null) {
      throw Problem.invalidField(
          "everyone",
          "Say who may download the files: {\"everyone\": true} for every visitor, false for"
              + " participants and organizers.");
    }
    return files.open(caller.require(), id, request.everyone());
  }

  /** The caller's access to the files (anyone who sees the competition may ask). */
  @GET
  @Path("access")
  public FileAccess access(@PathParam("id") long id) {
    return files.access(caller.account(), id);
  }

  /** The body of {@code PUT …/files/access}. */
  public record AccessRequest(Boolean everyone) {}

  private Response created(long id, FileView file) {
    return Response.created(
            uri.getBaseUriBuilder().path("competitions/{id}/files/{fileId}").build(id, file.id()))
        .entity(file)
        .build();
  }
}
