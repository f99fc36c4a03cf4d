package org.podium.submission;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
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
  private transient SubmissionPage details;

  /**
   * The page's view action: an anonymous visitor signs in first, and a submission that is not there
   * or not theirs to see is the not-found page with 404 ({@code PageRefusals}).
   */
  public void load() {
    if (id == null) {
      throw Problem.notFound("this submission");
    }
    details = control.page(caller.require(), id);
  }

  /**
   * What the page shows, read once per view; null when there is no such submission for the caller.
   */
  public SubmissionPage getDetails() {
    if (details == null && id != null && caller.account().isPresent()) {
      try {
        details = control.page(caller.require(), id);
      } catch (Problem notFound) {
        return null;
      }
    }
    return details;
  }

  public String cancel() {
    try {
      control.cancel(caller.require(), id);
      PageMessages.info("Submission " + id + " is cancelled.");
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
