package org.podium.submission;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import org.podium.account.Caller;
import org.podium.platform.problem.Problem;
import org.podium.platform.web.PageMessages;

/**
 * Backs a submission's page: what ran (image digest, limits), how it went, the metadata, the tail
 * of stdout and stderr with links to the whole logs, Cancel while it waits or runs and, for
 * organizers, Re-run.
 */
@Named
@ViewScoped
public class SubmissionDetails implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject SubmissionControl control;

  @Inject Caller caller;

  private Long id;

  /** Where a request keeps what it read (FacesContext attributes): the live refresh reads anew. */
  private static final String DETAILS = SubmissionDetails.class.getName() + ".details";

  /**
   * The page's view action: an anonymous visitor signs in first, and a submission that is not there
   * or not theirs to see is the not-found page with 404 ({@code PageRefusals}).
   */
  public void load() {
    if (id == null) {
      throw Problem.notFound("this submission");
    }
    FacesContext.getCurrentInstance()
        .getAttributes()
        .put(DETAILS, control.page(caller.require(), id));
  }

  /**
   * What the page shows, read once per request (the live refresh re-renders it as the run moves
   * on); null when there is no such submission for the caller.
   */
  public SubmissionPage getDetails() {
    if (id == null || caller.account().isEmpty()) {
      return null;
    }
    Map<Object, Object> request = FacesContext.getCurrentInstance().getAttributes();
    if (!request.containsKey(DETAILS)) {
      SubmissionPage details;
      try {
        details = control.page(caller.require(), id);
      } catch (Problem notFound) {
        details = null;
      }
      request.put(DETAILS, details);
    }
    return (SubmissionPage) request.get(DETAILS);
  }

  public String cancel() {
    try {
      control.cancel(caller.require(), id);
      PageMessages.info("Submission " + id + " is cancelled: its run was stopped.");
    } catch (Problem problem) {
      PageMessages.info(problem.getMessage());
    }
    return "/submission?faces-redirect=true&id=" + id;
  }

  public String rerun() {
    return rerun(control, caller, id);
  }

  /**
   * Runs a submission again and opens the new one's page; for this page and the organizer's list.
   */
  static String rerun(SubmissionControl control, Caller caller, long id) {
    try {
      SubmissionView again = control.rerun(caller.require(), id);
      PageMessages.info("Submission " + id + " runs again as submission " + again.id() + ".");
      return "/submission?faces-redirect=true&id=" + again.id();
    } catch (Problem problem) {
      PageMessages.error(null, problem.getMessage());
      return null;
    }
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }
}
