package org.podium.submission;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.podium.account.Account;
import org.podium.competition.Competition;
import org.podium.competition.Competitions;
import org.podium.competition.Phase;
import org.podium.platform.Page;
import org.podium.platform.PageRequest;
import org.podium.platform.Search;
import org.podium.platform.problem.Problem;

/**
 * The lists of submissions, a page at a time, newest first (the id breaks ties): a participant's
 * own, and every submission of a competition for its organizers, filtered, ordered and counted in
 * the database. No list stops at a fixed number.
 */
@Stateless
public class SubmissionLists {

  @PersistenceContext EntityManager entityManager;

  @Inject Competitions competitions;

  /** What the organizers' list is filtered by; a null field filters nothing. */
  public record Filter(String phase, String status, String q) {
    public static final Filter NONE = new Filter(null, null, null);
  }

  /** The caller's submissions to a competition they may see. */
  public Page<SubmissionView> mine(Account caller, long competitionId, PageRequest request) {
    Competition competition = competitions.visible(Optional.of(caller), competitionId);
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("competition", competition);
    parameters.put("account", caller);
    return page(
        " where s.phase.competition = :competition and s.participant.account = :account",
        parameters,
        request,
        caller);
  }

  /**
   * Every submission to a competition the caller organizes: of one phase (its id), one status, and
   * whose participant's username contains {@code q} (any case).
   */
  public Page<SubmissionView> ofCompetition(
      Account caller, long competitionId, Filter filter, PageRequest request) {
    Competition competition = competitions.organized(caller, competitionId);
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("competition", competition);
    StringBuilder where = new StringBuilder(" where s.phase.competition = :competition");
    if (filter.phase() != null && !filter.phase().isBlank()) {
      where.append(" and s.phase = :phase");
      parameters.put("phase", competitions.phase(competition, phaseId(filter.phase())));
    }
    SubmissionStatus status = Search.oneOf("status", filter.status(), SubmissionStatus.class);
    if (status != null) {
      where.append(" and s.status = :status");
      parameters.put("status", status);
    }
    String pattern = Search.pattern("q", filter.q());
    if (pattern != null) {
      where.append(" and lower(s.participant.account.username) like :pattern" + Search.ESCAPE);
      parameters.put("pattern", pattern);
    }
    return page(where.toString(), parameters, request, caller);
  }

  /** The submissions as {@code caller} may see them (private scores where the phase shows them). */
  private Page<SubmissionView> page(
      String where, Map<String, Object> parameters, PageRequest request, Account caller) {
    TypedQuery<Submission> items =
        entityManager.createQuery(
            "select s from Submission s" + where + " order by s.submittedAt desc, s.id desc",
            Submission.class);
    TypedQuery<Long> count =
        entityManager.createQuery("select count(s) from Submission s" + where, Long.class);
    for (TypedQuery<?> query : List.of(items, count)) {
      parameters.forEach(query::setParameter);
    }
    return Page.of(
        items
            .setFirstResult(request.offset())
            .setMaxResults(request.size())
            .getResultStream()
            .map(s -> SubmissionView.of(s, caller))
            .toList(),
        request,
        count.getSingleResult());
  }

  /**
   * How many decimals each score of a phase is shown with, by key: its leaderboard columns'. Not
   * secret (the phase's leaderboard shows its columns), so asked by phase id alone.
   */
  public Map<String, Integer> decimals(long phaseId) {
    Map<String, Integer> decimals = new LinkedHashMap<>();
    Phase phase = entityManager.find(Phase.class, phaseId);
    if (phase != null) {
      phase.getColumns().forEach(c -> decimals.put(c.getKey(), c.getDecimals()));
    }
    return decimals;
  }

  private static long phaseId(String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw Problem.invalidField(
          "phase", "Give the phase as its id, a whole number, not '" + text.strip() + "'.");
    }
  }
}
