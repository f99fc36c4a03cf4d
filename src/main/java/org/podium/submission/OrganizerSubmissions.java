package org.podium.submission;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.podium.account.Caller;

/** Backs the organizer's list of every participant's submissions, with re-run. */
@Named
@ViewScoped
public class OrganizerSubmissions implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Submissions submissions;

  @Inject SubmissionControl control;

  @Inject Caller caller;

  private transient List<SubmissionView> all;

  /** The newest thousand submissions to the competition, read once per view (actions redirect). */
  public List<SubmissionView> of(Long competitionId) {
    if (all == null && competitionId != null) {
      all = submissions.ofCompetition(caller.require(), competitionId);
    }
    return all == null ? List.of() : all;
  }

  public String rerun(long id) {
    return SubmissionDetails.rerun(control, caller, id);
  }
}
