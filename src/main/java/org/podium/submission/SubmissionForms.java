package org.podium.submission;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.podium.account.Caller;
import org.podium.competition.CompetitionPages;
import org.podium.platform.PageMessages;
import org.podium.platform.Problem;

/**
 * Backs the Participate tab's forms: the "Submit Docker" dialog (an image reference or a pasted
 * docker run line, checked before sending, plus the seed's metadata), the results upload, and the
 * caller's submissions table.
 */
@Named
@ViewScoped
public class SubmissionForms implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Submissions submissions;

  @Inject SubmissionUploads uploads;

  @Inject SubmissionControl control;

  @Inject Caller caller;

  @Inject CompetitionPages page;

  private String image;
  private String description;
  private String methodName;
  private String methodDescription;
  private String projectUrl;
  private String publicationUrl;
  private String bibtex;
  private String teamName;
  private String organization;
  private transient Part results;
  private transient Part archive;
  private transient Optional<String> obstacle;

  /** The service's field names and the dialog's inputs that show their errors. */
  private static final Map<String, String> FIELDS =
      Map.of(
          "image", "docker:image",
          "file", "docker:archive",
          "projectUrl", "docker:projectUrl",
          "publicationUrl", "docker:publicationUrl",
          "teamName", "docker:teamName",
          "methodName", "docker:methodName",
          "organization", "docker:organization",
          "description", "docker:description",
          "methodDescription", "docker:methodDescription",
          "bibtex", "docker:bibtex");

  /** What Podium will run for the image field, or why it will not. */
  public String getPreview() {
    if (image == null || image.isBlank()) {
      return null;
    }
    try {
      DockerRunLine.Parsed parsed = DockerRunLine.parse(image);
      return "Podium will run "
          + parsed.image()
          + (parsed.command().isEmpty()
              ? ""
              : " with arguments "
                  + parsed.command().stream()
                      .map(argument -> "\"" + argument + "\"")
                      .collect(java.util.stream.Collectors.joining(", ", "[", "]")))
          + (parsed.env().isEmpty() ? "" : ", environment " + parsed.env().keySet());
    } catch (DockerRunLine.Refused refused) {
      return null;
    }
  }

  /** Why Podium will not run what the image field says, or null. */
  public String getRefusal() {
    if (image == null || image.isBlank()) {
      return null;
    }
    try {
      DockerRunLine.parse(image);
      return null;
    } catch (DockerRunLine.Refused refused) {
      return refused.getMessage();
    }
  }

  /** Why the caller cannot submit now, or null; the same checks as sending, asked once a view. */
  @Transactional
  public String getObstacle() {
    if (obstacle == null) {
      obstacle =
          caller.account().isEmpty() || page.getCompetition() == null
              ? Optional.empty()
              : submissions.obstacle(
                  caller.require(), page.getId(), page.getCompetition().enableDockerSubmission());
    }
    return obstacle.orElse(null);
  }

  /** Sends the dialog: an image reference or docker run line, or else a docker save archive. */
  public String sendDocker() throws IOException {
    boolean hasImage = image != null && !image.isBlank();
    boolean hasArchive = archive != null && archive.getSize() > 0;
    if (hasImage == hasArchive) {
      PageMessages.error(
          "docker:image",
          hasImage
              ? "Give an image or an archive, not both: clear one of them."
              : "Give an image reference, a docker run line, or a docker save archive.");
      return null;
    }
    if (hasImage) {
      try {
        DockerRunLine.parse(image);
      } catch (DockerRunLine.Refused refused) {
        PageMessages.error("docker:image", refused.getMessage());
        return null;
      }
    }
    try {
      SubmissionView submission;
      if (hasImage) {
        submission = submissions.submitDocker(caller.require(), page.getId(), request());
      } else {
        try (InputStream tar = archive.getInputStream()) {
          submission =
              uploads.submit(
                  caller.require(), page.getId(), request(), SubmissionUpload.Kind.ARCHIVE, tar);
        }
      }
      PageMessages.info("Sent: submission " + submission.id() + " waits for a slot.");
      image = null;
      return "/competition?faces-redirect=true&id=" + page.getId() + "&tab=participate";
    } catch (Problem problem) {
      PageMessages.problem(problem, FIELDS);
      return null;
    }
  }

  public String sendResults() throws IOException {
    if (results == null || results.getSize() == 0) {
      PageMessages.error("upload:results", "Choose a zip file with your predictions.");
      return null;
    }
    try (InputStream zip = results.getInputStream()) {
      SubmissionView submission =
          uploads.submit(
              caller.require(), page.getId(), request(), SubmissionUpload.Kind.RESULTS, zip);
      PageMessages.info("Sent: submission " + submission.id() + " is being scored.");
      return "/competition?faces-redirect=true&id=" + page.getId() + "&tab=participate";
    } catch (Problem problem) {
      PageMessages.problem(problem, Map.of("file", "upload:results"));
      return null;
    }
  }

  public String cancel(long submissionId) {
    try {
      control.cancel(caller.require(), submissionId);
    } catch (Problem problem) {
      PageMessages.error(null, problem.getMessage());
    }
    return null;
  }

  @Transactional
  public List<SubmissionView> getMine() {
    if (caller.account().isEmpty() || page.getId() == null) {
      return List.of();
    }
    return submissions.mine(caller.require(), page.getId()).stream()
        .map(SubmissionView::of)
        .toList();
  }

  private SubmissionRequest request() {
    return new SubmissionRequest(
        null,
        image,
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
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getMethodName() {
    return methodName;
  }

  public void setMethodName(String methodName) {
    this.methodName = methodName;
  }

  public String getMethodDescription() {
    return methodDescription;
  }

  public void setMethodDescription(String methodDescription) {
    this.methodDescription = methodDescription;
  }

  public String getProjectUrl() {
    return projectUrl;
  }

  public void setProjectUrl(String projectUrl) {
    this.projectUrl = projectUrl;
  }

  public String getPublicationUrl() {
    return publicationUrl;
  }

  public void setPublicationUrl(String publicationUrl) {
    this.publicationUrl = publicationUrl;
  }

  public String getBibtex() {
    return bibtex;
  }

  public void setBibtex(String bibtex) {
    this.bibtex = bibtex;
  }

  public String getTeamName() {
    return teamName;
  }

  public void setTeamName(String teamName) {
    this.teamName = teamName;
  }

  public String getOrganization() {
    return organization;
  }

  public void setOrganization(String organization) {
    this.organization = organization;
  }

  public Part getResults() {
    return results;
  }

  public void setResults(Part results) {
    this.results = results;
  }

  public Part getArchive() {
    return archive;
  }

  public void setArchive(Part archive) {
    this.archive = archive;
  }
}
