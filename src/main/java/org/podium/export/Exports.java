package org.podium.export;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.podium.account.Account;
import org.podium.competition.Competition;
import org.podium.competition.Competitions;
import org.podium.competition.LeaderboardColumn;
import org.podium.competition.Phase;
import org.podium.storage.DataStore;
import org.podium.submission.Submission;
import org.podium.submission.SubmissionKind;
import org.podium.submission.SubmissionMetadata;
import org.podium.submission.SubmissionOutput;
import org.podium.submission.Submissions;

/**
 * Reads what the exports write, for the competition's organizers (a phase's submissions and their
 * outputs) and for a submission's owner (its output). A whole phase is read in chunks by id, each
 * chunk a transaction and a persistence context of its own (a call of this bean), so memory stays
 * flat however many submissions there are; the boundary streams each chunk before asking for the
 * next one.
 */
@Stateless
public class Exports {

  /** Submissions per chunk: one query for them and one for their scores. */
  public static final int CHUNK = 1000;

  private static final String ROWS =
      "select s.id, a.username, "
          // SubmissionMetadata's attributes are named as its fields' API names
          + Arrays.stream(SubmissionMetadata.Field.values())
              .map(field -> "s.metadata." + field.apiName())
              .collect(Collectors.joining(", "))
          + ", s.kind, s.run.image, s.imageDigest, s.status, s.outcome, s.detail, s.exitCode,"
          + " s.attempt, s.submittedAt, s.startedAt, s.finishedAt, s.wallMs, s.rerunOf, s.markedFinal"
          + " from Submission s join s.participant p join p.account a"
          + " where s.phase.id = :phase and s.id > :after order by s.id";

  @PersistenceContext EntityManager entityManager;

  @Inject Competitions competitions;

  @Inject Submissions submissions;

  @Inject DataStore dataStore;

  /** A phase export: the phase, the file's name and the CSV's score and private score keys. */
  public record PhaseExport(
      long phaseId, String fileName, List<String> scoreKeys, List<String> privateScoreKeys) {}

  /** Where a phase's scores are, public and private (table names are ours, never a caller's). */
  private static final String SCORES = "submission_score";

  private static final String PRIVATE_SCORES = "submission_private_score";

  /**
   * A phase of a competition the caller organizes, to export its submissions as {@code extension}
   * ({@code csv} also lists its score keys); 404 or 403 otherwise, as every organizer's action.
   */
  public PhaseExport phase(Account caller, long competitionId, long phaseId, String extension) {
    Phase phase = organizedPhase(caller, competitionId, phaseId);
    List<String> keys = List.of();
    List<String> privateKeys = List.of();
    if (extension.equals("csv")) {
      List<String> leaderboardKeys =
          phase.getColumns().stream().map(LeaderboardColumn::getKey).toList();
      keys = SubmissionsCsv.scoreKeys(leaderboardKeys, presentKeys(SCORES, phase.getId()));
      List<String> presentPrivate = presentKeys(PRIVATE_SCORES, phase.getId());
      privateKeys =
          presentPrivate.isEmpty()
              ? List.of()
              : SubmissionsCsv.scoreKeys(leaderboardKeys, presentPrivate);
    }
    return new PhaseExport(
        phaseId,
        "competition-"
            + competitionId
            + "-phase-"
            + phaseId
            + (extension.equals("csv") ? "-submissions.csv" : "-outputs.zip"),
        keys,
        privateKeys);
  }

  /** The score keys some submission of the phase has in {@code table}. */
  private List<String> presentKeys(String table, long phaseId) {
    return ((List<?>)
            entityManager
                .createNativeQuery(
                    "select distinct sc.key from "
                        + table
                        + " sc join submission s on s.id = sc.submission_id where s.phase_id = ?1")
                .setParameter(1, phaseId)
                .getResultList())
        .stream()
            // one column: a value per row (a one-element row on some providers)
            .map(key -> String.valueOf(key instanceof Object[] row ? row[0] : key))
            .toList();
  }

  /** The next chunk of a phase's submissions after submission {@code afterId}, by id. */
  public List<ExportRow> rows(Account caller, long competitionId, long phaseId, long afterId) {
    Phase phase = organizedPhase(caller, competitionId, phaseId);
    List<Object[]> found =
        entityManager
            .createQuery(ROWS, Object[].class)
            .setParameter("phase", phase.getId())
            .setParameter("after", afterId)
            .setMaxResults(CHUNK)
            .getResultList();
    if (found.isEmpty()) {
      return List.of();
    }
    long last = (Long) found.get(found.size() - 1)[0];
    Map<Long, Map<String, Double>> scores = scores(SCORES, phase.getId(), afterId, last);
    Map<Long, Map<String, Double>> privateScores =
        phase.hasPrivateLeaderboard()
            ? scores(PRIVATE_SCORES, phase.getId(), afterId, last)
            : Map.of();
    List<ExportRow> rows = new ArrayList<>(found.size());
    int fields = SubmissionMetadata.Field.values().length;
    for (Object[] c : found) {
      int i = 2 + fields;
      List<String> metadata = new ArrayList<>(fields);
      for (int f = 2; f < i; f++) {
        metadata.add((String) c[f]);
      }
      long id = (Long) c[0];
      rows.add(
          new ExportRow(
              id,
              (String) c[1],
              metadata,
              name(c[i]),
              (String) c[i + 1],
              (String) c[i + 2],
              name(c[i + 3]),
              name(c[i + 4]),
              (String) c[i + 5],
              (Integer) c[i + 6],
              (Integer) c[i + 7],
              instant(c[i + 8]),
              instant(c[i + 9]),
              instant(c[i + 10]),
              (Long) c[i + 11],
              (Long) c[i + 12],
              Boolean.TRUE.equals(c[i + 13]),
              scores.getOrDefault(id, Map.of()),
              privateScores.getOrDefault(id, Map.of())));
    }
    return rows;
  }

  /** An instant as the provider returns it from a scalar query (with or without the converter). */
  private static Instant instant(Object value) {
    if (value instanceof java.time.OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof java.sql.Timestamp time) {
      return time.toInstant();
    }
    return (Instant) value;
  }

  private static String name(Object enumValue) {
    return enumValue == null ? null : ((Enum<?>) enumValue).name();
  }

  /**
   * The scores in {@code table} of the phase's submissions with ids in (after, last], one query.
   */
  private Map<Long, Map<String, Double>> scores(String table, long phaseId, long after, long last) {
    @SuppressWarnings("unchecked")
    List<Object[]> found =
        entityManager
            .createNativeQuery(
                "select sc.submission_id, sc.key, sc.value from "
                    + table
                    + " sc join submission s on s.id = sc.submission_id"
                    + " where s.phase_id = ?1 and s.id > ?2 and s.id <= ?3")
            .setParameter(1, phaseId)
            .setParameter(2, after)
            .setParameter(3, last)
            .getResultList();
    Map<Long, Map<String, Double>> scores = new HashMap<>();
    for (Object[] score : found) {
      scores
          .computeIfAbsent(((Number) score[0]).longValue(), id -> new LinkedHashMap<>())
          .put((String) score[1], ((Number) score[2]).doubleValue());
    }
    return scores;
  }

  /**
   * The next chunk of a phase's submissions after {@code afterId}, as zip folders with everything
   * the organizers see: the latest attempt's output, its logs and the scoring program's logs.
   */
  public List<OutputFolder> outputs(
      Account caller, long competitionId, long phaseId, long afterId) {
    Phase phase = organizedPhase(caller, competitionId, phaseId);
    List<Object[]> found =
        entityManager
            .createQuery(
                "select s.id, a.username, s.kind, s.attempt"
                    + " from Submission s join s.participant p join p.account a"
                    + " where s.phase = :phase and s.id > :after order by s.id",
                Object[].class)
            .setParameter("phase", phase)
            .setParameter("after", afterId)
            .setMaxResults(CHUNK)
            .getResultList();
    return found.stream()
        .map(
            c ->
                folder(
                    (Long) c[0], (String) c[1], (SubmissionKind) c[2], (Integer) c[3], true, true))
        .toList();
  }

  /**
   * A submission's output for its owner or an organizer, as a zip folder: what its latest attempt
   * wrote and the logs the caller may read, as the submission's page shows them. A Docker run's
   * output follows the logs' setting: a container can copy its (hidden) input data into its output
   * as easily as print it. A results upload is the participant's own file and always theirs.
   */
  public OutputFolder output(Account caller, long submissionId) {
    Submission submission = submissions.visible(caller, submissionId);
    Competition competition = submission.getPhase().getCompetition();
    return folder(
        submission.getId(),
        submission.getParticipant().getAccount().getUsername(),
        submission.getKind(),
        submission.getAttempt(),
        competition.showsLogsTo(caller),
        competition.showsScoringOutputTo(caller));
  }

  private OutputFolder folder(
      long id, String username, SubmissionKind kind, int attempt, boolean logs, boolean scoring) {
    return new OutputFolder(
        id,
        username,
        SubmissionOutput.of(dataStore, id, kind, attempt, logs, scoring).parts().stream()
            .map(part -> new OutputFolder.Part(part.name(), part.path()))
            .toList());
  }

  private Phase organizedPhase(Account caller, long competitionId, long phaseId) {
    return competitions.phase(competitions.organized(caller, competitionId), phaseId);
  }
}
