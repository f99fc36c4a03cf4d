package org.podium.submission;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.Map;
import org.podium.account.Account;
import org.podium.account.Caller;
import org.podium.platform.PageMessages;
import org.podium.platform.Problem;

/**
 * Backs a submission's page: what ran (image digest, limits), how it went, the metadata, the tail
 * of stdout and stderr with links to the whole logs, Cancel while it waits or runs and, for
 * organizers, Re-run.
 */
@Named
@ViewScoped
public class SubmissionDetails implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How much of each log the page shows; the download has all that was kept. */
  static final int TAIL_CHARS = 16 * 1024;

  @Inject Submissions submissions;

  @Inject SubmissionControl control;

  @Inject Caller caller;

  private Long id;
  private transient Details details;

  /**
   * What the page shows, read once per view; null when there is no such submission for the caller.
   */
  public record Details(
      SubmissionView submission,
      Map<String, String> metadata,
      RunLimits limits,
      boolean organizer,
      boolean logsVisible,
      String stdoutTail,
      String stderrTail,
      boolean truncated) {

    public boolean cancellable() {
      return submission.live();
    }
  }

  @Transactional
  public Details getDetails() {
    if (details == null && id != null && caller.account().isPresent()) {
      Account account = caller.require();
      Submission submission;
      try {
        submission = submissions.visible(account, id);
      } catch (Problem notFound) {
        return null;
      }
      boolean logsVisible = control.maySeeLogs(account, submission);
      SubmissionControl.Logs logs =
          logsVisible ? control.logs(account, id) : new SubmissionControl.Logs("", "", false);
      details =
          new Details(
              SubmissionView.of(submission),
              submission.getMetadata() == null ? Map.of() : submission.getMetadata().labelled(),
              control.limits(account, id).orElse(null),
              submission.getPhase().getCompetition().isOrganizedBy(account),
              logsVisible,
              tail(logs.stdout()),
              tail(logs.stderr()),
              logs.truncated());
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
      Submission again = control.rerun(caller.require(), id);
      PageMessages.info("Submission " + id + " runs again as submission " + again.getId() + ".");
      return "/submission?faces-redirect=true&id=" + again.getId();
    } catch (Problem problem) {
      PageMessages.error(null, problem.getMessage());
      return null;
    }
  }

  /** The last {@link #TAIL_CHARS} characters, from a line start when one is near. */
  static String tail(String log) {
    if (log.length() <= TAIL_CHARS) {
      return log;
    }
    String tail = log.substring(log.length() - TAIL_CHARS);
    int newline = tail.indexOf('\n');
    return newline >= 0 && newline < 200 ? tail.substring(newline + 1) : tail;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }
}
