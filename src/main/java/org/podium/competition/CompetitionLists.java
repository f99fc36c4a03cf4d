package org.podium.competition;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    return visible(caller, q, null, false, request);
  }

  /**
   * The competitions the caller may see, newest first: whose title or description contains {@code
   * q} (any case; null for all), in {@code state} (a {@link CompetitionState}'s name, any case;
   * null for all), and with {@code mine} only those the caller organizes or joined.
   */
  public Page<CompetitionView> visible(
      Optional<Account> caller, String q, String state, boolean mine, PageRequest request) {
    Account reader = caller.orElse(null);
    String pattern = Search.pattern("q", q);
    CompetitionState only = Search.oneOf("state", state, CompetitionState.class);
    List<String> conditions = new ArrayList<>();
    if (reader == null) {
      conditions.add("c.published = true");
    } else if (!reader.hasRole(Role.ADMIN)) {
      conditions.add("(c.published = true or :reader member of c.organizers)");
    }
    if (pattern != null) {
      conditions.add(
          "(lower(c.title) like :pattern"
              + Search.ESCAPE
              + " or lower(c.description) like :pattern"
              + Search.ESCAPE
              + ")");
    }
    if (only != null) {
      conditions.add(STATES.get(only));
    }
    if (mine) {
      if (reader == null) {
        return Page.of(List.of(), request, 0);
      }
      conditions.add(
          "(:reader member of c.organizers or exists (select p from Participant p"
              + " where p.competition = c and p.account = :reader))");
    }
    String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    TypedQuery<Competition> items =
        entityManager.createQuery(
            "select c from Competition c" + where + " order by c.createdAt desc, c.id desc",
            Competition.class);
    TypedQuery<Long> count =
        entityManager.createQuery("select count(c) from Competition c" + where, Long.class);
    Instant now = Instant.now();
    for (TypedQuery<?> query : List.of(items, count)) {
      if (where.contains(":reader")) {
        query.setParameter("reader", reader);
      }
      if (pattern != null) {
        query.setParameter("pattern", pattern);
      }
      if (where.contains(":now")) {
        query.setParameter("now", now);
      }
    }
    List<Competition> found =
        items.setFirstResult(request.offset()).setMaxResults(request.size()).getResultList();
    Map<Long, Long> participants = participantCounts(found);
    return Page.of(
        found.stream()
            .map(c -> CompetitionView.of(c, reader, participants.getOrDefault(c.getId(), 0L)))
            .toList(),
        request,
        count.getSingleResult());
  }

  /** A phase open at :now, of competition c. */
  private static final String OPEN_PHASE =
      "exists (select p from Phase p where p.competition = c and p.opensAt <= :now"
          + " and (p.closesAt is null or p.closesAt > :now))";

  /** A phase of competition c open now or later. */
  private static final String PHASE_AHEAD =
      "exists (select p from Phase p where p.competition = c"
          + " and (p.closesAt is null or p.closesAt > :now))";

  /** {@link CompetitionState#of}'s rule in JPQL, state by state. */
  private static final Map<CompetitionState, String> STATES =
      Map.of(
          CompetitionState.DRAFT,
          "c.published = false",
          CompetitionState.OPEN,
          "c.published = true and " + OPEN_PHASE,
          CompetitionState.UPCOMING,
          "c.published = true and not "
              + OPEN_PHASE
              + " and ("
              + PHASE_AHEAD
              + " or not exists (select p from Phase p where p.competition = c))",
          CompetitionState.CLOSED,
          "c.published = true and exists (select p from Phase p where p.competition = c)"
              + " and not "
              + PHASE_AHEAD);

  /** The approved participants of each competition, in one statement for a page of them. */
  private Map<Long, Long> participantCounts(List<Competition> page) {
    if (page.isEmpty()) {
      return Map.of();
    }
    Map<Long, Long> counts = new HashMap<>();
    entityManager
        .createQuery(
            "select p.competition.id, count(p) from Participant p where p.competition in :page"
                + " and p.status = org.podium.competition.ParticipantStatus.APPROVED"
                + " group by p.competition.id",
            Object[].class)
        .setParameter("page", page)
        .getResultList()
        .forEach(row -> counts.put((Long) row[0], ((Number) row[1]).longValue()));
    return counts;
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
