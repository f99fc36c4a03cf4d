package org.podium.leaderboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.podium.account.Caller;
import org.podium.platform.PageRequest;
import org.podium.platform.web.Formats;

/**
 * Backs the Results tab: a page of each phase's leaderboard, scores shown with the column's
 * decimals. The page's address says which phase is paged ({@code phase}) and to which page ({@code
 * page}); every other phase shows its first page.
 */
@Named
@RequestScoped
public class ResultsView {

  @Inject Leaderboards leaderboards;

  @Inject Caller caller;

  private final Map<String, Leaderboard> asked = new HashMap<>();
  private final Map<String, Boolean> privateShown = new HashMap<>();

  public Leaderboard of(long competitionId, long phaseId) {
    return of(competitionId, phaseId, Board.PUBLIC);
  }

  /** The phase's private leaderboard ({@code "private"}) or public one (anything else). */
  public Leaderboard of(long competitionId, long phaseId, String board) {
    return of(
        competitionId,
        phaseId,
        "private".equals(board) && showsPrivate(competitionId, phaseId)
            ? Board.PRIVATE
            : Board.PUBLIC);
  }

  private Leaderboard of(long competitionId, long phaseId, Board which) {
    // The page's expression is evaluated at each use (every row asks for the columns again): one
    // leaderboard per phase and board per request.
    return asked.computeIfAbsent(
        competitionId + "/" + phaseId + "/" + which, key -> page(competitionId, phaseId, which));
  }

  private Leaderboard page(long competitionId, long phaseId, Board which) {
    Map<String, String> parameters =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    int page =
        String.valueOf(phaseId).equals(parameters.get("phase"))
            ? wholeNumber(parameters.get("page"))
            : 1;
    Leaderboard board =
        leaderboards.of(
            caller.account(),
            competitionId,
            phaseId,
            which,
            new PageRequest(page, PageRequest.DEFAULT_SIZE));
    if (board.page() > board.lastPage()) {
      // An old link past the end (the board shrank): its last page rather than an empty table.
      return leaderboards.of(
          caller.account(),
          competitionId,
          phaseId,
          which,
          new PageRequest(board.lastPage(), PageRequest.DEFAULT_SIZE));
    }
    return board;
  }

  /** "Showing 51–100 of 2,010" for a page with rows. */
  public String showing(Leaderboard board) {
    long first = (long) (board.page() - 1) * board.size() + 1;
    long last = first + board.rows().size() - 1;
    return String.format(Locale.ROOT, "Showing %,d–%,d of %,d", first, last, board.total());
  }

  /** Whether the caller may switch the phase's results to its private leaderboard. */
  public boolean showsPrivate(long competitionId, long phaseId) {
    return privateShown.computeIfAbsent(
        competitionId + "/" + phaseId,
        key -> leaderboards.showsPrivate(caller.account(), competitionId, phaseId));
  }

  public String format(Double value, int decimals) {
    return Formats.score(value, decimals);
  }

  /** A page number from the address; anything else is the first page (a page never errs on it). */
  private static int wholeNumber(String text) {
    try {
      return Math.max(1, Integer.parseInt(text == null ? "1" : text.strip()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
