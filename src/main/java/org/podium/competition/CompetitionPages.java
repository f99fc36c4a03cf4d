package org.podium.competition;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.podium.account.Caller;
import org.podium.competition.CompetitionViews.CompetitionView;
import org.podium.platform.Page;
import org.podium.platform.problem.Problem;
import org.podium.platform.web.ListPages;

/**
 * Backs the competition list and the competition page with its Overview, Participate, Results and
 * Files tabs (the Files tab's own bean is {@code FilesTab}).
 */
@Named
// View scoped: a postback (Join) still knows the competition its page showed.
@ViewScoped
public class CompetitionPages implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Competitions competitions;

  @Inject CompetitionLists lists;

  @Inject Caller caller;

  private Long id;
  private String tab = "overview";
  private String board = "public";
  private transient CompetitionView competition;

  // the competitions list's view parameters: its search text (titles) and page
  private String q;
  private String page;
  private transient Page<CompetitionView> list;

  /** The competitions the caller may see whose title contains the search text, a page at a time. */
  public Page<CompetitionView> getList() {
    if (list == null) {
      list = ListPages.read(() -> lists.visible(caller.account(), q, ListPages.request(page)));
    }
    return list;
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }

  public String getPage() {
    return page;
  }

  public void setPage(String page) {
    this.page = page;
  }

  /** The competition of the page, or null (the page then says it does not exist). */
  public CompetitionView getCompetition() {
    if (competition == null && id != null) {
      try {
        competition = competitions.view(caller.account(), id);
      } catch (Problem notVisible) {
        return null;
      }
    }
    return competition;
  }

  /** The caller's standing: "anonymous", "none", or the participant status in lower case. */
  public String getStanding() {
    return competitions.standing(caller.account(), id);
  }

  public String join() {
    try {
      competitions.join(caller.require(), id);
    } catch (Problem problem) {
      FacesContext.getCurrentInstance()
          .addMessage(
              null, new FacesMessage(FacesMessage.SEVERITY_ERROR, problem.getMessage(), null));
      return null;
    }
    return "/competition?faces-redirect=true&id=" + id + "&tab=participate";
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  /** The Results tab's leaderboards: "public", or "private" (where the caller may see it). */
  public String getBoard() {
    return board;
  }

  public void setBoard(String board) {
    this.board = "private".equals(board) ? "private" : "public";
  }

  public String getTab() {
    return tab;
  }

  public void setTab(String tab) {
    this.tab =
        tab == null || !List.of("overview", "participate", "results", "files").contains(tab)
            ? "overview"
            : tab;
  }
}
