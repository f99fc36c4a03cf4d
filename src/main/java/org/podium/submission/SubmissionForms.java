package org.podium.submission;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.podium.account.Caller;
import org.podium.competition.CompetitionPages;
import org.podium.platform.Page;
import org.podium.platform.PageRequest;
import org.podium.platform.problem.Problem;
import org.podium.platform.web.ListPages;
import org.podium.platform.web.PageMessages;

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

  @Inject SubmissionLists lists;

  @Inject SubmissionUploads uploads;

  @Inject SubmissionControl control;

  @Inject Caller caller;

  @Inject CompetitionPages page;

  @Inject SubmissionText text;

  /** The dialog's and the upload form's text fields, by {@link SubmissionIntake}'s names. */
  private final Map<String, String> fields = new HashMap<>();

  private transient Part results;
  private transient Part archive;
  private transient Optional<String> obstacle;
  private transient Optional<SubmissionQuota> quota;

  /** The submission this view was opened after sending, if any: its message follows its run. */
  private Long sent;

  private boolean sentRead;

  private transient SubmissionView sentView;

  /** The flash's key for the submission just sent, read by the page the redirect opens. */
  private static final String SENT = SubmissionForms.class.getName() + ".sent";

  // view parameter: the page of "My submissions"
  private String mpage;

  /** Where a rendering keeps its page of the caller's submissions (FacesContext attributes). */
  private static final String MINE = SubmissionForms.class.getName() + ".mine";

  /** The service's field names and the dialog's inputs that show their errors. */
  private static final Map<String, String> FIELDS = dialogFields();

  private static Map<String, String> dialogFields() {
    Map<String, String> inputs = new HashMap<>();
    inputs.put(SubmissionIntake.IMAGE, "docker:image");
    inputs.put(SubmissionIntake.FILE, "docker:archive");
    inputs.put(SubmissionIntake.REGISTRY_USERNAME, "docker:registryUsername");
    inputs.put(SubmissionIntake.REGISTRY_PASSWORD, "docker:registryPassword");
    for (SubmissionMetadata.Field field : SubmissionMetadata.Field.values()) {
      inputs.put(field.apiName(), "docker:" + field.apiName());
    }
    return Map.copyOf(inputs);
  }

  /** What Podium will run for the image field, or null when empty or refused. */
  public String getPreview() {
    try {
      return line().map(DockerRunLine.Parsed::describe).orElse(null);
    } catch (DockerRunLine.Refused refused) {
      return null;
    }
  }

  /** Why Podium will not run what the image field says, or null. */
  public String getRefusal() {
    try {
      line();
      return null;
    } catch (DockerRunLine.Refused refused) {
      return refused.getMessage();
    }
  }

  private Optional<DockerRunLine.Parsed> line() {
    String image = fields.get(SubmissionIntake.IMAGE);
    return image == null || image.isBlank()
        ? Optional.empty()
        : Optional.of(DockerRunLine.parse(image));
  }

  /** Why the caller cannot submit now, or null; the same checks as sending, asked once a view. */
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

  /**
   * What the caller may still send to the open phase, by the rule the server enforces; null when
   * they cannot submit at all. Asked once a view, like {@link #getObstacle()}.
   */
  public SubmissionQuota getQuota() {
    if (quota == null) {
      quota =
          caller.account().isEmpty() || page.getCompetition() == null
              ? Optional.empty()
              : submissions.quota(caller.require(), page.getId());
    }
    return quota.orElse(null);
  }

  /**
   * The message about the submission just sent, as its run stands now ("Sent: submission 12 waits
   * for a slot." becomes "Submission 12 finished: mae 0.400."); null when none was sent. Rendered
   * with the live table, so it moves on with the run instead of describing a moment gone.
   */
  public String getSentNews() {
    if (!sentRead) {
      sentRead = true;
      Object id = FacesContext.getCurrentInstance().getExternalContext().getFlash().get(SENT);
      sent = id instanceof Long number ? number : null;
    }
    if (sent == null || caller.account().isEmpty()) {
      return null;
    }
    try {
      sentView = submissions.view(caller.require(), sent);
      return text.news(sentView);
    } catch (Problem gone) {
      return null;
    }
  }

  /** Whether the submission just sent may still change (its message asks again while it does). */
  public boolean isSentLive() {
    return sentView != null && sentView.live();
  }

  private static void sent(SubmissionView submission) {
    FacesContext.getCurrentInstance().getExternalContext().getFlash().put(SENT, submission.id());
  }

  /** Sends the dialog: an image reference or docker run line, or else a docker save archive. */
  public String sendDocker() throws IOException {
    try {
      SubmissionView submission;
      if (archive != null && archive.getSize() > 0) {
        try (InputStream tar = archive.getInputStream()) {
          submission =
              uploads.submit(
                  caller.require(), page.getId(), fields, SubmissionUpload.Kind.ARCHIVE, tar);
        }
      } else {
        submission =
            submissions.submit(caller.require(), page.getId(), SubmissionIntake.of(fields, null));
      }
      sent(submission);
      fields.clear();
      return "/competition?faces-redirect=true&id=" + page.getId() + "&tab=participate";
    } catch (Problem problem) {
      PageMessages.problem(problem, FIELDS);
      return null;
    } finally {
      // Not kept in the view: typed again if the dialog is sent again.
      fields.remove(SubmissionIntake.REGISTRY_PASSWORD);
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
              caller.require(), page.getId(), fields, SubmissionUpload.Kind.RESULTS, zip);
      sent(submission);
      return "/competition?faces-redirect=true&id=" + page.getId() + "&tab=participate";
    } catch (Problem problem) {
      PageMessages.problem(problem, Map.of(SubmissionIntake.FILE, "upload:results"));
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

  /**
   * The caller's submissions to the page's competition, newest first, a page at a time (view
   * parameter {@code mpage}). Read once per rendering: the live refresh, a postback of this view,
   * renders it again with the same page.
   */
  public Page<SubmissionView> getMine() {
    if (caller.account().isEmpty() || page.getId() == null) {
      return Page.of(List.of(), PageRequest.FIRST, 0);
    }
    FacesContext context = FacesContext.getCurrentInstance();
    if (context.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
      return lists.mine(caller.require(), page.getId(), ListPages.request(mpage));
    }
    @SuppressWarnings("unchecked")
    Page<SubmissionView> mine =
        (Page<SubmissionView>)
            context
                .getAttributes()
                .computeIfAbsent(
                    MINE,
                    key -> lists.mine(caller.require(), page.getId(), ListPages.request(mpage)));
    return mine;
  }

  public String getMpage() {
    return mpage;
  }

  public void setMpage(String mpage) {
    this.mpage = mpage;
  }

  public Map<String, String> getFields() {
    return fields;
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
