package org.podium.competition;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.podium.account.Account;
import org.podium.account.Caller;
import org.podium.competition.CompetitionViews.CompetitionView;
import org.podium.platform.Problem;

/** Backs the competition list and the competition page with its Overview and Participate tabs. */
@Named
// View scoped: a postback (Join) still knows the competition its page showed.
@ViewScoped
public class CompetitionPages implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Competitions competitions;

  @Inject Caller caller;

  private Long id;
  private String tab = "overview";
  private transient CompetitionView competition;

  @Transactional
  public List<CompetitionView> getList() {
    return competitions.list(caller.account()).stream().map(CompetitionView::of).toList();
  }

  /** The competition of the page, or null (the page then says it does not exist). */
  @Transactional
  public CompetitionView getCompetition() {
    if (competition == null && id != null) {
      try {
        competition = CompetitionView.of(competitions.visible(caller.account(), id));
      } catch (Problem notVisible) {
        return null;
      }
    }
    return competition;
  }

  /** The caller's standing: "anonymous", "none", or the participant status in lower case. */
  @Transactional
  public String getStanding() {
    Optional<Account> account = caller.account();
    if (account.isEmpty()) {
      return "anonymous";
    }
    return competitions
        .participant(competitions.visible(account, id), account.get())
        .map(p -> p.getStatus().name().toLowerCase())
        .orElse("none");
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

  public String getTab() {
    return tab;
  }

  public void setTab(String tab) {
    this.tab =
        tab == null || !List.of("overview", "participate", "results").contains(tab)
            ? "overview"
            : tab;
  }
}
