package org.podium.submission;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.podium.account.Account;
import org.podium.account.Accounts;
import org.podium.account.Role;
import org.podium.competition.Competition;
import org.podium.competition.CompetitionRequests;
import org.podium.competition.Competitions;
import org.podium.competition.Participation;
import org.podium.competition.Phase;
import org.podium.competition.PhaseDataUploads;
import org.podium.platform.PodiumConfig;
import org.podium.testing.Deployments;
import org.podium.testing.Zips;

/** Pipeline properties that need the inside of the server: claims, redelivery, the watchdog. */
@ExtendWith(ArquillianExtension.class)
class RunPropertiesIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.podiumWithAwaitility().addClass(Zips.class);
  }

  @Inject Accounts accounts;
  @Inject Competitions competitions;
  @Inject Submissions submissions;
  @Inject SubmissionUploads uploads;
  @Inject PhaseDataUploads dataUploads;
  @Inject SubmissionLifecycle lifecycle;
  @Inject ComputeJobs computeJobs;
  @Inject RunRecovery recovery;
  @Inject PodiumConfig config;
  @Inject UserTransaction transaction;

  @PersistenceContext EntityManager entityManager;

  /** A results submission in a fresh competition, scored by MAE against a two-row truth. */
  private long resultsSubmission() {
    Account admin = accounts.find(config.adminUsername()).orElseThrow();
    String name = "props-" + UUID.randomUUID().toString().substring(0, 8);
    Account participant =
        accounts.create(
            name, name + "@example.org", "password-" + name, EnumSet.of(Role.PARTICIPANT));
    Competition competition =
        competitions.create(
            admin,
            new CompetitionRequests.CompetitionRequest(
                "Properties", "", true, false, Participation.AUTO, true, null));
    Phase phase =
        competitions.addPhase(
            admin,
            competition.getId(),
            new CompetitionRequests.PhaseRequest(
                "P",
                null,
                null,
                30,
                null,
                null,
                128,
                null,
                null,
                new CompetitionRequests.ScoringRequest("mae", null, null, null),
                null,
                null,
                null));
    dataUploads.upload(
        admin,
        competition.getId(),
        phase.getId(),
        true,
        new ByteArrayInputStream(Zips.of(Map.of("truth.csv", "1,3\n2,5\n"))));
    competitions.join(participant, competition.getId());
    return uploads
        .submit(
            participant,
            competition.getId(),
            new SubmissionRequest(
                phase.getId(), null, null, null, null, null, null, null, null, null, null, null),
            SubmissionUpload.Kind.RESULTS,
            new ByteArrayInputStream(Zips.of(Map.of("predictions.csv", "1,3\n2,5\n"))))
        .id();
  }

  private Submission reload(long id) {
    entityManager.clear();
    return entityManager.find(Submission.class, id);
  }

  private void awaitStatus(long id, SubmissionStatus status) {
    await().atMost(Duration.ofSeconds(30)).until(() -> reload(id).getStatus() == status);
  }

  @Test
  void concurrentClaimsLetExactlyOneWorkerRunASubmission() throws Exception {
    long id = resultsSubmission();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Callable<Boolean>> claims = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      claims.add(() -> lifecycle.claim(id, "competing-node", 1).isPresent());
    }
    long won = 0;
    for (Future<Boolean> claim : threads.invokeAll(claims)) {
      won += claim.get() ? 1 : 0;
    }
    threads.shutdown();

    assertTrue(won <= 1, won + " claims won");
    Submission submission = reload(id);
    assertEquals(1, submission.getAttempt(), "one claim, one attempt, whoever won");
    if (won == 1) {
      lifecycle.fail(
          id, null, "test claim", null, null, null); // no worker runs on "competing-node"
    }
  }

  @Test
  void redeliveredRunRequestsForAnEndedSubmissionDoNothing() {
    long id = resultsSubmission();
    awaitStatus(id, SubmissionStatus.FINISHED);

    computeJobs.dispatch(id);
    computeJobs.dispatch(id);

    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(3))
        .until(
            () ->
                reload(id).getAttempt() == 1
                    && reload(id).getStatus() == SubmissionStatus.FINISHED);
    assertEquals(0.0, reload(id).getScores().get("mae"));
  }

  @Test
  void watchdogFailsARunOlderThanItsLimitPlusGraceAsWorkerLost() throws Exception {
    long id = resultsSubmission();
    awaitStatus(id, SubmissionStatus.FINISHED);
    transaction.begin();
    entityManager
        .createQuery(
            "update Submission s set s.status = :running, s.node = :node, s.startedAt = :long_ago where s.id = :id")
        .setParameter("running", SubmissionStatus.RUNNING)
        .setParameter("node", config.nodeName())
        .setParameter("long_ago", Instant.now().minus(Duration.ofDays(1)))
        .setParameter("id", id)
        .executeUpdate();
    transaction.commit();

    assertTrue(recovery.expire(Instant.now()) >= 1);

    Submission expired = reload(id);
    assertEquals(SubmissionStatus.FAILED, expired.getStatus());
    assertTrue(expired.getDetail().startsWith("worker lost: no result"), expired.getDetail());
  }

  @Test
  void aRunOfThisNodeInterruptedByACrashRunsAgainAtStartUp() throws Exception {
    long id = resultsSubmission();
    awaitStatus(id, SubmissionStatus.FINISHED);
    transaction.begin();
    entityManager
        .createNativeQuery("delete from submission_score where submission_id = ?")
        .setParameter(1, id)
        .executeUpdate();
    entityManager
        .createQuery("update Submission s set s.status = :running, s.node = :node where s.id = :id")
        .setParameter("running", SubmissionStatus.RUNNING)
        .setParameter("node", config.nodeName())
        .setParameter("id", id)
        .executeUpdate();
    transaction.commit();

    recovery.recoverAfterRestart();

    awaitStatus(id, SubmissionStatus.FINISHED);
    assertEquals(2, reload(id).getAttempt());
  }

  @Test
  void aSubmissionWhoseTransactionRollsBackLeavesNoRowAndNoRun() throws Exception {
    long before =
        entityManager
            .createQuery("select count(s) from Submission s", Long.class)
            .getSingleResult();
    transaction.begin();
    long id;
    try {
      id = resultsSubmission();
    } finally {
      transaction.rollback();
    }

    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(3))
        .until(() -> reload(id) == null);
    assertEquals(
        before,
        (long)
            entityManager
                .createQuery("select count(s) from Submission s", Long.class)
                .getSingleResult());
  }
}
