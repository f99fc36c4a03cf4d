package org.podium.submission;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.podium.account.Caller;
import org.podium.platform.Page;
import org.podium.platform.web.ListPages;

/** Backs the organizer's list of every participant's submissions, with re-run. */
@Named
@ViewScoped
public class OrganizerSubmissions implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject SubmissionLists lists;

  @Inject SubmissionControl control;

  @Inject Caller caller;

  // view parameters of the edit page: the list's page and the participant searched for
  private String page;
  private String q;

  private transient Page<SubmissionView> all;

  /**
   * A page of the competition's submissions, newest first, whose participant's username contains
   * the search text; read once per view (actions redirect).
   */
  public Page<SubmissionView> of(Long competitionId) {
    if (all == null) {
      all =
          ListPages.read(
              () ->
                  competitionId == null
                      ? Page.empty()
                      : lists.ofCompetition(
                          caller.require(),
                          competitionId,
                          new SubmissionLists.Filter(null, null, q),
                          ListPages.request(page)));
    }
    return all;
  }

  public String getPage() {
    return page;
  }

  public void setPage(String page) {
    this.page = page;
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }

  public String rerun(long id) {
    return SubmissionDetails.rerun(control, caller, id);
  }
}
