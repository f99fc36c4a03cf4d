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

  // the competitions list's view parameters: its search text, state, "mine" and page
  private String q;
  private String state;
  private boolean mine;
  private String page;

  // the Join form's "I accept the terms" box
  private boolean acceptTerms;

  // the caller's standing, read once per request (the page asks for it at every use)
  private transient String standing;
  private transient Object standingAsked;
  private transient Page<CompetitionView> list;

  /** The competitions the caller may see whose title contains the search text, a page at a time. */
  public Page<CompetitionView> getList() {
    if (list == null) {
      list =
          ListPages.read(
              () -> lists.visible(caller.account(), q, state, mine, ListPages.request(page)));
    }
    return list;
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }

  public String getState() {
    return state;
  }

  /** A state the list may filter by (any case); anything else lists every state. */
  public void setState(String state) {
    this.state =
        state != null
                && java.util.Arrays.stream(CompetitionState.values())
                    .anyMatch(s -> s.name().equalsIgnoreCase(state.strip()))
            ? state.strip().toLowerCase(java.util.Locale.ROOT)
            : null;
  }

  /**
   * The state filter's options, the chosen one selected (markup from constants only: a plain GET
   * form, so a page of the list is a link). Draft only for those who may have drafts.
   */
  public String getStateOptions() {
    StringBuilder options = new StringBuilder("<option value=\"\">Any</option>");
    for (CompetitionState each :
        List.of(
            CompetitionState.OPEN,
            CompetitionState.UPCOMING,
            CompetitionState.CLOSED,
            CompetitionState.DRAFT)) {
      if (each == CompetitionState.DRAFT && !caller.isOrganizer() && !caller.isAdmin()) {
        continue;
      }
      String value = each.name().toLowerCase(java.util.Locale.ROOT);
      options
          .append("<option value=\"")
          .append(value)
          .append(value.equals(state) ? "\" selected=\"selected\">" : "\">")
          .append(each == CompetitionState.OPEN ? "Open now" : each.label())
          .append("</option>");
    }
    return options.toString();
  }

  /** The "mine" box, ticked when the list shows only the caller's competitions. */
  public String getMineBox() {
    return "<input type=\"checkbox\" id=\"mine\" name=\"mine\" value=\"true\""
        + (mine ? " checked=\"checked\"" : "")
        + "/>";
  }

  public boolean isMine() {
    return mine;
  }

  public void setMine(boolean mine) {
    this.mine = mine;
  }

  public boolean isAcceptTerms() {
    return acceptTerms;
  }

  public void setAcceptTerms(boolean acceptTerms) {
    this.acceptTerms = acceptTerms;
  }

  /** The state of a competition the caller may see (for the editor's state line), or null. */
  public CompetitionState stateOf(Long competitionId) {
    try {
      return competitionId == null ? null : competitions.state(caller.account(), competitionId);
    } catch (Problem notVisible) {
      return null;
    }
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
    Object request = FacesContext.getCurrentInstance().getExternalContext().getRequest();
    if (standing == null || standingAsked != request) {
      standing = competitions.standing(caller.account(), id);
      standingAsked = request;
    }
    return standing;
  }

  /**
   * Joins (accepting the terms when the box is ticked). A refusal is said next to the Join button
   * after a redirect to the same address, so the page keeps its {@code ?id=} (a reload shows the
   * competition, never "does not exist").
   */
  public String join() {
    try {
      competitions.join(caller.require(), id, acceptTerms);
    } catch (Problem problem) {
      FacesContext context = FacesContext.getCurrentInstance();
      // the service names the API's parameter; the page names its own checkbox
      String said =
          problem.fieldErrors().containsKey(Competitions.ACCEPT_TERMS)
              ? "Tick “I have read the terms and accept them” to join."
              : problem.getMessage();
      context.addMessage("join", new FacesMessage(FacesMessage.SEVERITY_ERROR, said, null));
      context.getExternalContext().getFlash().setKeepMessages(true);
      return "/competition?faces-redirect=true&id=" + id + "&tab=" + tab;
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
