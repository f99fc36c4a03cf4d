package org.podium.submission;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.podium.account.Caller;
import org.podium.competition.CompetitionPages;
import org.podium.platform.problem.Problem;
import org.podium.platform.web.PageMessages;
import org.podium.submission.FinalSubmissions.FinalChoice;

/** Backs the "Final" toggles of the Participate tab's submissions table. */
@Named
@RequestScoped
public class FinalMarks {

  @Inject FinalSubmissions finalSubmissions;

  @Inject Caller caller;

  @Inject CompetitionPages page;

  private List<FinalChoice> choices;

  /** The caller's choices in the page's competition, one per phase with a private leaderboard. */
  public List<FinalChoice> getChoices() {
    if (choices == null) {
      choices =
          caller.account().isEmpty() || page.getId() == null
              ? List.of()
              : finalSubmissions.choices(caller.require(), page.getId());
    }
    return choices;
  }

  /** The choice of a submission's phase, or null when its phase has no private leaderboard. */
  public FinalChoice of(SubmissionView submission) {
    return getChoices().stream()
        .filter(c -> c.phaseId() == submission.phaseId())
        .findFirst()
        .orElse(null);
  }

  /** Whether the submission shows a toggle: finished, in a phase whose marks can change. */
  public boolean toggles(SubmissionView submission) {
    FinalChoice choice = of(submission);
    return choice != null && choice.open() && "FINISHED".equals(submission.status());
  }

  public String mark(long submissionId, boolean marked) {
    try {
      finalSubmissions.mark(caller.require(), submissionId, marked);
      return "/competition?faces-redirect=true&id=" + page.getId() + "&tab=participate";
    } catch (Problem problem) {
      PageMessages.error(null, problem.getMessage());
      return null;
    }
  }
}
