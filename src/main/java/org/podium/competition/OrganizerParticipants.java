package org.podium.competition;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.podium.account.Caller;
import org.podium.competition.CompetitionViews.ParticipantView;
import org.podium.platform.Page;
import org.podium.platform.web.ListPages;

/**
 * Backs the organizer's list of a competition's participants on the edit page: a page at a time,
 * searched by username, both GET parameters so a page of the list has its own link.
 */
@Named
@ViewScoped
public class OrganizerParticipants implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CompetitionLists lists;

  @Inject Caller caller;

  private String page;
  private String q;

  private transient Page<ParticipantView> participants;

  /** A page of who joined, oldest first, whose username contains the search text. */
  public Page<ParticipantView> of(Long competitionId) {
    if (participants == null) {
      participants =
          ListPages.read(
              () ->
                  competitionId == null
                      ? Page.empty()
                      : lists.participants(
                          caller.require(), competitionId, null, q, ListPages.request(page)));
    }
    return participants;
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
}
