package org.podium.competition;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.podium.account.Account;
import org.podium.account.Accounts;
import org.podium.account.Role;
import org.podium.competition.CompetitionRequests.ColumnRequest;
import org.podium.competition.CompetitionRequests.CompetitionRequest;
import org.podium.competition.CompetitionRequests.PhaseRequest;
import org.podium.competition.CompetitionViews.CompetitionView;
import org.podium.competition.CompetitionViews.ParticipantView;
import org.podium.competition.CompetitionViews.PhaseView;
import org.podium.compute.ImageReference;
import org.podium.compute.InvalidImageException;
import org.podium.platform.StoredText;
import org.podium.platform.problem.Checks;
import org.podium.platform.problem.Problem;
import org.podium.scoring.Metric;
import org.podium.storage.DataStore;
import org.podium.storage.Staged;
import org.podium.storage.Uploads;

/** Competitions, phases and participants: every rule about them, for REST and pages alike. */
@Stateless
public class Competitions {

  @PersistenceContext EntityManager entityManager;

  @Inject Accounts accounts;

  @Inject DataStore dataStore;

  @Inject Uploads uploads;

  @Inject Checks checks;

  public CompetitionView create(Account organizer, CompetitionRequest request) {
    requireOrganizerRole(organizer);
    if (request == null || request.title() == null) {
      throw Problem.invalidField("title", NO_TITLE);
    }
    Competition competition = new Competition(title(request.title()), organizer);
    apply(competition, request);
    entityManager.persist(competition);
    // The id now, on every provider (EclipseLink assigns identity ids only when it writes).
    entityManager.flush();
    return CompetitionView.of(competition, organizer, 0);
  }

  public CompetitionView update(Account caller, long id, CompetitionRequest request) {
    if (request == null) {
      throw Problem.badRequest(
          "Send the fields to change as a JSON object, such as {\"title\": \"…\"}.");
    }
    Competition competition = organized(caller, id);
    if (request.title() != null) {
      competition.setTitle(title(request.title()));
    }
    apply(competition, request);
    if (request.organizers() != null) {
      competition.setOrganizers(organizers(request.organizers()));
    }
    return CompetitionView.of(competition, caller, participantCount(id));
  }

  private static final String NO_TITLE = "Give the competition a title.";

  /** A title as stored: trimmed, not blank, at most the column's 200 characters. */
  private static String title(String title) {
    String trimmed = StoredText.withoutNul("title", title).trim();
    if (trimmed.isEmpty()) {
      throw Problem.invalidField("title", NO_TITLE);
    }
    if (trimmed.length() > Competition.MAX_TITLE) {
      throw Problem.invalidField(
          "title",
          "The title has "
              + trimmed.length()
              + " characters: shorten it to at most "
              + Competition.MAX_TITLE
              + ".");
    }
    return trimmed;
  }

  private Set<Account> organizers(List<String> usernames) {
    if (usernames.isEmpty()) {
      throw Problem.invalidField(
          "organizers", "Name at least one organizer: a competition always has one.");
    }
    Set<Account> organizers = new HashSet<>();
    for (String username : usernames) {
      Account account =
          accounts
              .find(username)
              .orElseThrow(
                  () ->
                      Problem.invalidField(
                          "organizers",
                          "There is no account '" + username + "': check the username."));
      if (!account.hasRole(Role.ORGANIZER) && !account.hasRole(Role.ADMIN)) {
        throw Problem.invalidField(
            "organizers",
            username
                + " does not have the organizer role: remove them, or ask an administrator to"
                + " give it to them.");
      }
      organizers.add(account);
    }
    return organizers;
  }

  private static void apply(Competition competition, CompetitionRequest request) {
    if (request.description() != null) {
      StoredText.withoutNul("description", request.description());
      if (request.description().length() > Competition.MAX_DESCRIPTION) {
        throw Problem.invalidField(
            "description",
            "The description has "
                + request.description().length()
                + " characters: shorten it to at most 100,000.");
      }
      competition.setDescription(request.description());
    }
    if (request.terms() != null) {
      StoredText.withoutNul("terms", request.terms());
      if (request.terms().length() > 100_000) {
        throw Problem.invalidField(
            "terms", "The terms can be at most 100,000 characters long: shorten them.");
      }
      competition.setTerms(request.terms());
    }
    if (request.published() != null) {
      competition.setPublished(request.published());
    }
    if (request.enableDockerSubmission() != null) {
      competition.setDockerSubmission(request.enableDockerSubmission());
    }
    if (request.participation() != null) {
      competition.setParticipation(request.participation());
    }
    if (request.participantsSeeLogs() != null) {
      competition.setParticipantsSeeLogs(request.participantsSeeLogs());
    }
    if (request.participantsSeeScoringOutput() != null) {
      competition.setParticipantsSeeScoringOutput(request.participantsSeeScoringOutput());
    }
    if (request.scoringProgramsPublic() != null) {
      competition.setScoringProgramsPublic(request.scoringProgramsPublic());
    }
  }

  /** A competition the caller may see; 404 otherwise, so unpublished ones stay invisible. */
  public Competition visible(Optional<Account> caller, long id) {
    return checkVisible(caller, id, entityManager.find(Competition.class, id));
  }

  private static Competition checkVisible(
      Optional<Account> caller, long id, Competition competition) {
    if (competition == null || !competition.isVisibleTo(caller.orElse(null))) {
      throw Problem.notFound("competition " + id);
    }
    return competition;
  }

  /**
   * What a competition's view reads, in four statements whatever its size, instead of one lazy
   * select per collection, per organizer (their roles) and per phase (its columns): the organizers
   * with their roles, the phases with their columns, the competition with its organizers, and its
   * phases' list (both already loaded). Not the competition joined to its organizers and phases at
   * once: Hibernate then repeats each phase once per organizer in the list. Queries, not a find
   * with an entity graph: a provider keeps a query's translation, while Hibernate built a graph's
   * SQL anew on every call (a fifth of the request's time, measured with JFR, issue 14). No alias
   * on a fetch join: the JPA specification does not allow one, and Hibernate on WildFly refuses it.
   */
  private static final String ORGANIZERS =
      "select a from Account a left join fetch a.roles where a in"
          + " (select o from Competition c join c.organizers o where c.id = :id)";

  private static final String PHASES =
      "select p from Phase p left join fetch p.columns where p.competition.id = :id";

  private static final String WHOLE =
      "select c from Competition c left join fetch c.organizers where c.id = :id";

  /** A competition the caller may see, as the API and pages show it; 404 otherwise. */
  public CompetitionView view(Optional<Account> caller, long id) {
    // Hibernate's hint that these are only read (no copy kept to compare at commit); others
    // ignore it.
    String readOnly = "org.hibernate.readOnly";
    entityManager
        .createQuery(ORGANIZERS, Account.class)
        .setParameter("id", id)
        .setHint(readOnly, true)
        .getResultList();
    entityManager
        .createQuery(PHASES, Phase.class)
        .setParameter("id", id)
        .setHint(readOnly, true)
        .getResultList();
    // The whole list, not a stream's first row: a stream fills the collections row by row.
    List<Competition> rows =
        entityManager
            .createQuery(WHOLE, Competition.class)
            .setParameter("id", id)
            .setHint(readOnly, true)
            .getResultList();
    Competition whole = rows.isEmpty() ? null : rows.get(0);
    return CompetitionView.of(
        checkVisible(caller, id, whole), caller.orElse(null), participantCount(id));
  }

  /** A competition the caller organizes, as its editor shows it; 404 or 403 otherwise. */
  public CompetitionView forOrganizer(Account caller, long id) {
    return CompetitionView.of(organized(caller, id), caller, participantCount(id));
  }

  /** How many take part in a competition (approved participants). */
  private long participantCount(long id) {
    return entityManager
        .createNamedQuery(Participant.COUNT, Long.class)
        .setParameter("id", id)
        .getSingleResult();
  }

  /**
   * The caller's standing in a competition they may see: "anonymous", "none", or their
   * participation's status in lower case.
   */
  public String standing(Optional<Account> caller, long id) {
    if (caller.isEmpty()) {
      return "anonymous";
    }
    return participant(visible(caller, id), caller.get())
        .map(p -> p.getStatus().name().toLowerCase(Locale.ROOT))
        .orElse("none");
  }

  /** Where a competition the caller may see stands now; 404 otherwise. */
  public CompetitionState state(Optional<Account> caller, long id) {
    return visible(caller, id).stateAt(Instant.now());
  }

  /** Why a person who is not one of a competition's organizers may not change it. */
  public static final String NOT_ORGANIZER = "You are not an organizer of this competition.";

  /** A competition the caller organizes; 404 if they cannot see it, 403 if they only see it. */
  public Competition organized(Account caller, long id) {
    Competition competition = visible(Optional.of(caller), id);
    if (!competition.isOrganizedBy(caller)) {
      throw Problem.forbidden(NOT_ORGANIZER);
    }
    return competition;
  }

  public Phase phase(Competition competition, long phaseId) {
    return competition.getPhases().stream()
        .filter(p -> p.getId() == phaseId)
        .findFirst()
        .orElseThrow(() -> Problem.notFound("phase " + phaseId));
  }

  /** A phase of a competition the caller may see, as the competition view shows it. */
  public PhaseView phaseView(Optional<Account> caller, long competitionId, long phaseId) {
    Competition competition = visible(caller, competitionId);
    return PhaseView.of(
        phase(competition, phaseId), competition.showsScoringProgramsTo(caller.orElse(null)));
  }

  public PhaseView addPhase(Account caller, long competitionId, PhaseRequest request) {
    Competition competition = organized(caller, competitionId);
    Phase phase = new Phase(name(request), Instant.now());
    configure(phase, request);
    competition.addPhase(phase);
    entityManager.flush();
    return PhaseView.of(phase, true);
  }

  /**
   * Replaces every field of a phase with the request's: a field left out takes its default, an
   * opening time or file name left out keeps the phase's. Its data and submissions stay.
   */
  public PhaseView updatePhase(
      Account caller, long competitionId, long phaseId, PhaseRequest request) {
    Phase phase = phase(organized(caller, competitionId), phaseId);
    phase.setName(name(request));
    configure(phase, request);
    entityManager.flush();
    return PhaseView.of(phase, true);
  }

  private String name(PhaseRequest request) {
    if (request == null) {
      throw Problem.badRequest(
          "Send the phase as a JSON object, such as {\"name\": \"…\", \"scoring\": {…}}.");
    }
    return checks.valid(request).name().trim();
  }

  private void configure(Phase phase, PhaseRequest request) {
    if (request.opensAt() != null) {
      phase.setOpensAt(request.opensAt());
    }
    if (request.closesAt() != null && !request.closesAt().isAfter(phase.getOpensAt())) {
      throw Problem.invalidField(
          "closesAt", "The phase must close after it opens: choose a later closing time.");
    }
    phase.setClosesAt(request.closesAt());
    phase.apply(
        checks.valid(
            PhaseSettings.of(
                request.executionTimeLimitSeconds(),
                request.maxSubmissions(),
                request.maxSubmissionsPerDay(),
                request.memoryMb(),
                request.cpus(),
                request.gpus())));
    scoring(phase, request.scoring());
    phase.setMetricFiles(request.predictionsFile(), request.truthFile());
    phase.setColumns(columns(phase, request.columns()));
    phase.setPrivateLeaderboard(
        Boolean.TRUE.equals(request.privateLeaderboard()),
        request.finalSubmissions() == null
            ? PhaseSettings.DEFAULT_FINAL_SUBMISSIONS
            : request.finalSubmissions());
  }

  private static void scoring(Phase phase, CompetitionRequests.ScoringRequest scoring) {
    if (scoring.metric() == null && scoring.image() == null) {
      throw Problem.invalidField("scoring", CompetitionRequests.NO_SCORING);
    }
    if (scoring.metric() != null && scoring.image() != null) {
      throw Problem.invalidField(
          "scoring", "Choose a built-in metric or a scoring container, not both.");
    }
    if (scoring.metric() != null) {
      try {
        phase.scoreWith(
            Metric.valueOf(scoring.metric().trim().toUpperCase(Locale.ROOT).replace('-', '_')));
      } catch (IllegalArgumentException e) {
        throw Problem.invalidField(
            "scoring.metric",
            "Choose one of the built-in metrics: accuracy, macro_f1, rmse or mae.");
      }
      return;
    }
    try {
      ImageReference.parse(scoring.image());
    } catch (InvalidImageException e) {
      throw Problem.invalidField("scoring.image", e.getMessage());
    }
    phase.scoreWith(scoring.image().trim(), scoring.command());
    phase.setScoringLayout(ScoringLayout.of(scoring.layout()));
  }

  private static List<LeaderboardColumn> columns(Phase phase, List<ColumnRequest> requests) {
    List<LeaderboardColumn> columns = new ArrayList<>();
    if (requests == null || requests.isEmpty()) {
      if (phase.getScoringMetric() == null) {
        throw Problem.invalidField(
            "columns",
            "A scoring container needs at least one leaderboard column: add a line such as"
                + " 'accuracy, Accuracy, desc, 4, primary'.");
      }
      Metric metric = phase.getScoringMetric();
      columns.add(
          new LeaderboardColumn(metric.key(), metric.key(), metric.lowerIsBetter(), 4, true));
      return columns;
    }
    for (ColumnRequest column : requests) {
      boolean ascending =
          column.sort() != null && column.sort().toLowerCase(Locale.ROOT).startsWith("asc");
      int decimals = column.decimals() == null ? 4 : column.decimals();
      columns.add(
          new LeaderboardColumn(
              column.key().trim(),
              column.label(),
              ascending,
              decimals,
              Boolean.TRUE.equals(column.primary())));
    }
    if (columns.stream().filter(LeaderboardColumn::isPrimary).count() != 1) {
      throw Problem.invalidField(
          "columns", "Mark exactly one column 'primary': it ranks the leaderboard.");
    }
    return columns;
  }

  /**
   * Reveals the private leaderboard of a phase to everyone ({@code reveal}), or hides it again;
   * while it is revealed, final submissions are fixed. 409 when the phase has no private
   * leaderboard.
   */
  public PhaseView revealPrivate(Account caller, long competitionId, long phaseId, boolean reveal) {
    Phase phase = phase(organized(caller, competitionId), phaseId);
    if (!phase.hasPrivateLeaderboard()) {
      throw Problem.conflict(
          "Phase '"
              + phase.getName()
              + "' has no private leaderboard: turn it on in the phase's form first.");
    }
    if (reveal != phase.isPrivateRevealed()) {
      phase.setPrivateRevealedAt(reveal ? Instant.now() : null);
    }
    entityManager.flush();
    return PhaseView.of(phase, true);
  }

  /**
   * Refuses a data upload before its body is read: the caller organizes the competition and the
   * phase is one of its phases.
   */
  public void checkDataUpload(Account caller, long competitionId, long phaseId) {
    phase(organized(caller, competitionId), phaseId);
  }

  /** Puts unpacked data in place of the phase's data of that kind and records its size. */
  public void replaceData(
      Account caller, long competitionId, long phaseId, PhaseData kind, Staged data) {
    Phase phase = phase(organized(caller, competitionId), phaseId);
    switch (kind) {
      case INPUT -> {
        uploads.replace(data, dataStore.phaseInput(phaseId));
        phase.setInputDataBytes(data.bytes());
      }
      case REFERENCE -> {
        uploads.replace(data, dataStore.phaseReference(phaseId));
        phase.setReferenceDataBytes(data.bytes());
      }
      case PRIVATE_REFERENCE -> {
        uploads.replace(data, dataStore.phasePrivateReference(phaseId));
        phase.setPrivateReferenceDataBytes(data.bytes());
      }
    }
  }

  /** Joins a competition that has no terms to accept. */
  public ParticipantView join(Account account, long competitionId) {
    return join(account, competitionId, false);
  }

  /** The field a join without the terms accepted is refused for (a page says it in its words). */
  public static final String ACCEPT_TERMS = "acceptTerms";

  /**
   * Joins a competition; one with terms only when the participant accepts them ({@code
   * acceptTerms}), and the acceptance is recorded with its time. 400 without it, 409 when they
   * joined already.
   */
  public ParticipantView join(Account account, long competitionId, boolean acceptTerms) {
    Competition competition = visible(Optional.of(account), competitionId);
    Optional<Participant> existing = participant(competition, account);
    if (existing.isPresent()) {
      throw Problem.conflict(
          "You already take part in this competition (status: "
              + existing.get().getStatus().name().toLowerCase(Locale.ROOT)
              + ").");
    }
    if (competition.hasTerms() && !acceptTerms) {
      throw Problem.invalidField(
          ACCEPT_TERMS,
          "This competition has terms: read them, then accept them to join with"
              + " ?acceptTerms=true.");
    }
    Participant participant = new Participant(competition, account);
    entityManager.persist(participant);
    // The id now, on every provider (EclipseLink assigns identity ids only when it writes).
    entityManager.flush();
    return ParticipantView.of(participant);
  }

  public ParticipantView decide(
      Account caller, long competitionId, String username, ParticipantStatus status) {
    Competition competition = organized(caller, competitionId);
    if (status == null) {
      throw Problem.invalidField("status", "Choose a status: APPROVED, DENIED or PENDING.");
    }
    Account account =
        accounts.find(username).orElseThrow(() -> Problem.notFound("participant " + username));
    Participant participant =
        participant(competition, account)
            .orElseThrow(() -> Problem.notFound("participant " + username));
    participant.setStatus(status);
    return ParticipantView.of(participant);
  }

  /** One participant, for the competition's organizers and the participant; 404 otherwise. */
  public ParticipantView participantView(Account caller, long competitionId, String username) {
    Competition competition = visible(Optional.of(caller), competitionId);
    if (!competition.isOrganizedBy(caller) && !caller.getUsername().equals(username)) {
      throw Problem.notFound("participant " + username);
    }
    return accounts
        .find(username)
        .flatMap(account -> participant(competition, account))
        .map(ParticipantView::of)
        .orElseThrow(() -> Problem.notFound("participant " + username));
  }

  public Optional<Participant> participant(Competition competition, Account account) {
    return entityManager
        .createNamedQuery(Participant.OF, Participant.class)
        .setParameter("competition", competition)
        .setParameter("account", account)
        .getResultStream()
        .findFirst();
  }

  /** Why a person without the organizer role may not create a competition. */
  public static final String NOT_ORGANIZER_ROLE =
      "Creating a competition needs the organizer role: ask an administrator of Podium for it.";

  private static void requireOrganizerRole(Account account) {
    if (!account.hasRole(Role.ORGANIZER) && !account.hasRole(Role.ADMIN)) {
      throw Problem.forbidden(NOT_ORGANIZER_ROLE);
    }
  }
}
