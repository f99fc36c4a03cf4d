package org.podium.export;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.podium.account.Account;
import org.podium.account.Caller;

/**
 * {@code GET /api/competitions/{id}/phases/{phaseId}/submissions.csv} and {@code …/outputs.zip}: a
 * phase's submissions for its competition's organizers, streamed as they are read, a chunk of
 * {@link Exports#CHUNK} submissions at a time (each chunk its own transaction: the body is written
 * after this method returns, outside any). One class for both, since a resource class claims every
 * path below its own.
 */
@Path("competitions/{id}/phases/{phaseId}/{file: submissions\\.csv|outputs\\.zip}")
@RequestScoped
public class PhaseExportsResource {

  @Inject Exports exports;

  @Inject Caller caller;

  @GET
  public Response export(
      @PathParam("id") long competitionId,
      @PathParam("phaseId") long phaseId,
      @PathParam("file") String file) {
    Account account = caller.require();
    boolean csv = file.endsWith(".csv");
    // Checked before the first byte: a refusal is a problem document, not a cut download.
    Exports.PhaseExport export =
        exports.phase(account, competitionId, phaseId, csv ? "csv" : "zip");
    StreamingOutput body =
        csv
            ? out -> csv(account, competitionId, export, out)
            : out -> zip(account, competitionId, export, out);
    return Response.ok(body, csv ? "text/csv; charset=utf-8" : "application/zip")
        .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
        .build();
  }

  private void csv(
      Account account, long competitionId, Exports.PhaseExport export, java.io.OutputStream out)
      throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    try {
      SubmissionsCsv table = SubmissionsCsv.to(writer, export.scoreKeys());
      long after = 0;
      List<ExportRow> rows;
      do {
        rows = exports.rows(account, competitionId, export.phaseId(), after);
        rows.forEach(table::write);
        table.flush();
        if (!rows.isEmpty()) {
          after = rows.get(rows.size() - 1).id();
        }
      } while (rows.size() == Exports.CHUNK);
      writer.flush();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private void zip(
      Account account, long competitionId, Exports.PhaseExport export, java.io.OutputStream out)
      throws IOException {
    try {
      OutputZip zip = new OutputZip(out);
      long after = 0;
      List<OutputFolder> folders;
      do {
        folders = exports.outputs(account, competitionId, export.phaseId(), after);
        for (OutputFolder folder : folders) {
          zip.write(folder);
          after = folder.submissionId();
        }
        zip.flush();
      } while (folders.size() == Exports.CHUNK);
      zip.close();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
