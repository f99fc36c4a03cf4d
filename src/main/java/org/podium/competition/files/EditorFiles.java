package org.podium.competition.files;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Map;
import org.podium.account.Caller;
import org.podium.competition.CompetitionEditor;
import org.podium.platform.Page;
import org.podium.platform.problem.Problem;
import org.podium.platform.web.ListPages;
import org.podium.platform.web.PageMessages;

/**
 * Backs the Files section of the organizer's page: upload a file with a description, delete one
 * (after a confirmation on the page), and say who may download them; each says what it did at the
 * top of the page. Every change goes through {@link FileUploads} and {@link CompetitionFiles}, so
 * the rules are the API's.
 */
@Named("editorFiles")
@ViewScoped
public class EditorFiles implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The service's field names and the inputs that show their errors. */
  private static final Map<String, String> FIELDS =
      Map.of(
          "file", "fileUpload:file",
          "name", "fileUpload:file",
          "description", "fileUpload:description",
          "everyone", "filesAccess:everyone");

  @Inject CompetitionFiles files;

  @Inject FileUploads uploads;

  @Inject Caller caller;

  @Inject CompetitionEditor editor;

  private transient Part file;
  private String description;
  private Boolean everyone;
  private transient Page<FileView> list;

  /** A page of the competition's files, by name ({@code fpage} in the address). */
  public Page<FileView> of(Long competitionId, String page) {
    if (list == null) {
      list =
          competitionId == null
              ? Page.empty()
              : ListPages.read(
                  () -> files.list(caller.account(), competitionId, ListPages.request(page)));
    }
    return list;
  }

  /** Uploads the chosen file under its own name, with the description. */
  public String upload(long competitionId) throws IOException {
    if (file == null || file.getSize() <= 0) {
      PageMessages.error(FIELDS.get("file"), "Choose a file to upload (it may not be empty).");
      return null;
    }
    String name = FileNames.fromForm(file.getSubmittedFileName());
    try (InputStream content = file.getInputStream()) {
      uploads.upload(caller.require(), competitionId, name, description, content);
    } catch (Problem problem) {
      PageMessages.problem(problem, FIELDS);
      return null;
    } finally {
      file.delete();
    }
    PageMessages.info(
        "File “"
            + name
            + "” uploaded: participants can download it from the competition's Files tab.");
    return redirect(competitionId);
  }

  /** Deletes a file (the page asked first, with js/confirm.js's question). */
  public String delete(long competitionId, long fileId, String name) {
    try {
      uploads.delete(caller.require(), competitionId, fileId);
    } catch (Problem problem) {
      PageMessages.problem(problem, FIELDS);
      return null;
    }
    PageMessages.info("File “" + name + "” deleted: nobody can download it any more.");
    return redirect(competitionId);
  }

  /** Saves who may download the files. */
  public String saveAccess(long competitionId) {
    try {
      files.open(caller.require(), competitionId, Boolean.TRUE.equals(everyone));
    } catch (Problem problem) {
      PageMessages.problem(problem, FIELDS);
      return null;
    }
    PageMessages.info(
        Boolean.TRUE.equals(everyone)
            ? "Saved: everyone who can see the competition may download its files."
            : "Saved: only approved participants and organizers may download the files.");
    return redirect(competitionId);
  }

  private static String redirect(long competitionId) {
    return "/edit-competition?faces-redirect=true&id=" + competitionId;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  /** Whether everyone who sees the competition may download its files: as saved, until changed. */
  public Boolean getEveryone() {
    if (everyone == null && editor.getId() != null) {
      everyone = files.access(caller.account(), editor.getId()).everyone();
    }
    return everyone;
  }

  public void setEveryone(Boolean everyone) {
    this.everyone = everyone;
  }
}
