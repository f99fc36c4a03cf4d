package org.podium.competition;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.podium.account.Account;
import org.podium.account.Role;
import org.podium.competition.CompetitionViews.CompetitionView;
import org.podium.competition.CompetitionViews.ParticipantView;
import org.podium.platform.Page;
import org.podium.platform.PageRequest;
import org.podium.platform.Search;

/**
 * The lists of competitions and of a competition's participants, a page at a time: filtered,
 * ordered (the id breaks ties, so pages never overlap) and counted in the database.
 */
@Stateless
public class CompetitionLists {

  @PersistenceContext EntityManager entityManager;

  @Inject Competitions competitions;

  /** The competitions the caller may see, newest first. */
  public Page<CompetitionView> visible(Optional<Account> caller, PageRequest request) {
    return visible(caller, null, request);
  }

  /**
   * The competitions the caller may see whose title contains {@code q} (any case; null for all),
   * newest first.
   */
  public Page<CompetitionView> visible(Optional<Account> caller, String q, PageRequest request) {
    Account reader = caller.orElse(null);
    String pattern = Search.pattern("q", q);
    String seen =
        reader == null
            ? "c.published = true"
            : reader.hasRole(Role.ADMIN)
                ? null
                : "(c.published = true or :reader member of c.organizers)";
    String titled = pattern == null ? null : "lower(c.title) like :pattern" + Search.ESCAPE;
    String where =
        seen == null && titled == null
            ? ""
            : " where " + (seen == null ? titled : titled == null ? seen : seen + " and " + titled);
    TypedQuery<Competition> items =
        entityManager.createQuery(
            "select c from Competition c" + where + " order by c.createdAt desc, c.id desc",
            Competition.class);
    TypedQuery<Long> count =
        entityManager.createQuery("select count(c) from Competition c" + where, Long.class);
    for (TypedQuery<?> query : List.of(items, count)) {
      if (where.contains(":reader")) {
        query.setParameter("reader", reader);
      }
      if (pattern != null) {
        query.setParameter("pattern", pattern);
      }
    }
    return Page.of(
        items
            .setFirstResult(request.offset())
            .setMaxResults(request.size())
            .getResultStream()
            .map(c -> CompetitionView.of(c, reader))
            .toList(),
        request,
        count.getSingleResult());
  }

  /**
   * Who joined a competition the caller organizes, oldest first: of one {@code status} (its name,
   * any case; null for all), whose username contains {@code q} (any case; null for all).
   */
  public Page<ParticipantView> participants(
      Account caller, long competitionId, String status, String q, PageRequest request) {
    Competition competition = competitions.organized(caller, competitionId);
    ParticipantStatus only = Search.oneOf("status", status, ParticipantStatus.class);
    String pattern = Search.pattern("q", q);
    String where =
        " where p.competition = :competition"
            + (only == null ? "" : " and p.status = :status")
            + (pattern == null
                ? ""
                : " and lower(p.account.username) like :pattern" + Search.ESCAPE);
    TypedQuery<Participant> items =
        entityManager.createQuery(
            "select p from Participant p join fetch p.account"
                + where
                + " order by p.joinedAt, p.id",
            Participant.class);
    TypedQuery<Long> count =
        entityManager.createQuery("select count(p) from Participant p" + where, Long.class);
    for (TypedQuery<?> query : List.of(items, count)) {
      query.setParameter("competition", competition);
      if (only != null) {
        query.setParameter("status", only);
      }
      if (pattern != null) {
        query.setParameter("pattern", pattern);
      }
    }
    return Page.of(
        items
            .setFirstResult(request.offset())
            .setMaxResults(request.size())
            .getResultStream()
            .map(ParticipantView::of)
            .toList(),
        request,
        count.getSingleResult());
  }
}
