package org.podium.submission;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.podium.competition.CompetitionRequests;
import org.podium.competition.CompetitionViews.CompetitionView;
import org.podium.competition.CompetitionViews.PhaseView;
import org.podium.competition.Competitions;
import org.podium.competition.Participation;
import org.podium.competition.PhaseDataUploads;
import org.podium.compute.RunOutcome;
import org.podium.platform.PodiumConfig;
import org.podium.submission.run.ComputeJobs;
import org.podium.submission.run.RunRecovery;
import org.podium.testing.Deployments;
import org.podium.testing.Zips;

/**
 * Pipeline properties that need the inside of the server: claims, redelivery, leases and their
 * take-over, fencing by attempt, back-off.
 */
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
  @Inject org.podium.storage.DataStore dataStore;

  @PersistenceContext EntityManager entityManager;

  /** A results submission in a fresh competition, scored by MAE against a two-row truth. */
  private long resultsSubmission() {
    Account admin = accounts.find(config.adminUsername()).orElseThrow();
    String name = "props-" + UUID.randomUUID().toString().substring(0, 8);
    Account participant =
        accounts.create(
            name, name + "@example.org", "password-" + name, EnumSet.of(Role.PARTICIPANT));
    CompetitionView competition =
        competitions.create(
            admin,
            new CompetitionRequests.CompetitionRequest(
                "Properties", "", true, false, Participation.AUTO, true, null, null, null, null));
    PhaseView phase =
        competitions.addPhase(
            admin,
            competition.id(),
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
                null,
                null,
                null));
    dataUploads.upload(
        admin,
        competition.id(),
        phase.id(),
        true,
        new ByteArrayInputStream(Zips.of(Map.of("truth.csv", "1,3\n2,5\n"))));
    competitions.join(participant, competition.id());
    return uploads
        .submit(
            participant,
            competition.id(),
            Map.of(SubmissionIntake.PHASE, Long.toString(phase.id())),
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
      claims.add(() -> lifecycle.claim(id, "competing-node", 1, Duration.ofMinutes(1)).isPresent());
    }
    long won = 0;
    for (Future<Boolean> claim : threads.invokeAll(claims)) {
      won += claim.get() ? 1 : 0;
    }
    threads.shutdown();

    // The server's own worker competes too (the submission's run request reached it): exactly one
    // of the nine claims wins, and the attempt says whose it is.
    Submission submission = reload(id);
    assertEquals(1, submission.getAttempt(), "one claim, one attempt, whoever won");
    assertTrue(won <= 1, won + " of the test's claims won");
    assertTrue(submission.getNode() != null, "someone claimed it");
    assertEquals(
        won == 1,
        "competing-node".equals(submission.getNode()),
        won + " of the test's claims won; the attempt is " + submission.getNode() + "'s");
    if (won == 1) {
      // no worker runs on "competing-node"
      lifecycle.fail(id, 1, RunOutcome.FAILED, "test claim", null, null, null);
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

  /**
   * Puts a finished submission back into {@code status} as attempt {@code attempt} on {@code node}
   * (null for none), its scores gone, started and last requested long ago.
   */
  private void relive(
      long id, SubmissionStatus status, int attempt, String node, Instant leaseUntil)
      throws Exception {
    transaction.begin();
    entityManager
        .createNativeQuery("delete from submission_score where submission_id = ?")
        .setParameter(1, id)
        .executeUpdate();
    // (no lease written as a literal null: EclipseLink binds a null parameter as text)
    var update =
        entityManager.createQuery(
            "update Submission s set s.status = :status, s.attempt = :attempt, s.node = :node,"
                + (leaseUntil == null ? " s.leaseUntil = null," : " s.leaseUntil = :lease,")
                + " s.startedAt = :started, s.requestedAt = :started,"
                + " s.failingSince = null where s.id = :id");
    if (leaseUntil != null) {
      update.setParameter("lease", leaseUntil);
    }
    update
        .setParameter("status", status)
        .setParameter("attempt", attempt)
        .setParameter("node", node)
        .setParameter("started", Instant.parse("2020-01-01T00:00:00Z"))
        .setParameter("id", id)
        .executeUpdate();
    transaction.commit();
  }

  @Test
  void anAttemptWhoseLeaseExpiredIsTakenOverByAnyNodeAndRunsAgain() throws Exception {
    long id = resultsSubmission();
    awaitStatus(id, SubmissionStatus.FINISHED);
    // A node that is gone for good (it never comes back under this name) held attempt 1.
    relive(id, SubmissionStatus.SCORING, 1, "vanished-node", Instant.now().minusSeconds(1));

    recovery.takeOverExpired(Instant.now()); // (or this node's own heartbeat, whichever is first)

    Submission taken = reload(id);
    assertEquals(SubmissionStatus.SUBMITTED, taken.getStatus());
    assertTrue(
        taken.getDetail().contains("worker lost: node vanished-node stopped renewing its lease"),
        taken.getDetail());
    // It runs again, as attempt 2, once its back-off has passed.
    await().atMost(Duration.ofSeconds(40)).until(() -> reload(id).getStatus().isTerminal());
    assertEquals(SubmissionStatus.FINISHED, reload(id).getStatus());
    assertEquals(2, reload(id).getAttempt());
    assertEquals(config.nodeName(), reload(id).getNode());
  }

  @Test
  void aLeaseStillHeldIsNotTakenOver() throws Exception {
    long id = resultsSubmission();
    awaitStatus(id, SubmissionStatus.FINISHED);
    relive(id, SubmissionStatus.RUNNING, 1, "busy-node", Instant.now().plusSeconds(60));

    recovery.takeOverExpired(Instant.now());

    assertEquals(SubmissionStatus.RUNNING, reload(id).getStatus());
    assertEquals(1, reload(id).getAttempt());
    // Its lease runs out a minute later, whatever the clock said before.
    assertTrue(recovery.takeOverExpired(Instant.now().plusSeconds(61)) >= 1);
    assertEquals(SubmissionStatus.SUBMITTED, reload(id).getStatus());
    lifecycle.cancel(id);
  }

  @Test
  void aWaitingSubmissionWhoseRunRequestWasLostIsAskedForAgain() throws Exception {
    long id = resultsSubmission();
    awaitStatus(id, SubmissionStatus.FINISHED);
    // Waiting again, as if its request had gone with a broker's lost messages: none exists.
    relive(id, SubmissionStatus.SUBMITTED, 1, null, null);

    recovery.heartbeat(Instant.now()); // (or this node's own, whichever is first)

    awaitStatus(id, SubmissionStatus.FINISHED);
    assertEquals(2, reload(id).getAttempt());
  }

  @Test
  void aStaleAttemptCannotChangeANewerOne() throws Exception {
    long id = resultsSubmission();
    awaitStatus(id, SubmissionStatus.FINISHED);
    // Attempt 2 runs on another node; attempt 1's worker wakes up late.
    relive(id, SubmissionStatus.RUNNING, 2, "other-node", Instant.now().plusSeconds(60));
    RetryPolicy giveUp = new RetryPolicy(Duration.ZERO, Duration.ZERO, 1, Duration.ZERO);

    assertFalse(lifecycle.scoring(id, 1, null, 0, 1L));
    assertFalse(lifecycle.fail(id, 1, RunOutcome.FAILED, "late", null, 1, 1L));
    assertFalse(lifecycle.platformFailure(id, 1, "late", giveUp));
    assertFalse(lifecycle.takeOver(id, 1, "late", giveUp, null));
    assertFalse(lifecycle.finish(id, 1, new org.podium.scoring.Scores(Map.of("mae", 9.0))));
    assertTrue(
        lifecycle
                .renew(
                    "other-node",
                    List.of(new SubmissionLifecycle.Held(id, 1)),
                    Duration.ofMinutes(1))
                .size()
            == 1);

    Submission untouched = reload(id);
    assertEquals(SubmissionStatus.RUNNING, untouched.getStatus());
    assertEquals(2, untouched.getAttempt());
    assertEquals("other-node", untouched.getNode());

    // Attempt 2's own outcome counts.
    assertTrue(lifecycle.scoring(id, 2, null, 0, 1L));
    assertTrue(lifecycle.finish(id, 2, new org.podium.scoring.Scores(Map.of("mae", 0.5))));
    assertEquals(SubmissionStatus.FINISHED, reload(id).getStatus());
    assertEquals(0.5, reload(id).getScores().get("mae"));
  }

  @Test
  void aPlatformFailureWhileScoringWaitsItsBackOffThenGivesUpAfterTheWindow() throws Exception {
    long id = resultsSubmission();
    awaitStatus(id, SubmissionStatus.FINISHED);
    relive(id, SubmissionStatus.SCORING, 1, config.nodeName(), Instant.now().plusSeconds(60));
    RetryPolicy policy =
        new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(1), 2, Duration.ofMinutes(10));

    Instant before = Instant.now();
    assertTrue(lifecycle.platformFailure(id, 1, "the scoring container could not start", policy));

    Submission waiting = reload(id);
    assertEquals(SubmissionStatus.SUBMITTED, waiting.getStatus());
    assertEquals(RunOutcome.INFRA_ERROR, waiting.getOutcome());
    assertTrue(waiting.getDetail().startsWith("retrying in 30 s (attempt 1)"), waiting.getDetail());
    // Within its back-off no request claims it, however many arrive.
    computeJobs.dispatch(id);
    assertEquals(SubmissionStatus.SUBMITTED, reload(id).getStatus());
    assertEquals(1, reload(id).getAttempt());

    // The last attempt the policy allows, with the window spent: given up, not charged.
    transaction.begin();
    entityManager
        .createQuery("update Submission s set s.failingSince = :long_ago where s.id = :id")
        .setParameter("long_ago", before.minus(Duration.ofMinutes(11)))
        .setParameter("id", id)
        .executeUpdate();
    transaction.commit();
    relive2(id);
    assertTrue(lifecycle.platformFailure(id, 2, "the scoring container could not start", policy));
    Submission failed = reload(id);
    assertEquals(SubmissionStatus.FAILED, failed.getStatus());
    assertEquals(RunOutcome.INFRA_ERROR, failed.getOutcome());
    assertEquals(
        "Podium could not run it after 2 attempts: the scoring container could not start",
        failed.getDetail());
  }

  /** Attempt 2 of a submission that waits (its failing_since kept), running here. */
  private void relive2(long id) throws Exception {
    transaction.begin();
    entityManager
        .createQuery(
            "update Submission s set s.status = :running, s.attempt = 2, s.notBefore = null where s.id = :id")
        .setParameter("running", SubmissionStatus.RUNNING)
        .setParameter("id", id)
        .executeUpdate();
    transaction.commit();
  }

  @Test
  void aRunOfThisNodeInterruptedByACrashRunsAgainAtStartUp() throws Exception {
    long id = resultsSubmission();
    awaitStatus(id, SubmissionStatus.FINISHED);
    // Claimed by this node before it (re)started, its lease not yet expired.
    relive(id, SubmissionStatus.RUNNING, 1, config.nodeName(), Instant.now().plusSeconds(60));

    recovery.recoverAfterRestart();

    awaitStatus(id, SubmissionStatus.FINISHED);
    assertEquals(2, reload(id).getAttempt());
  }

  /**
   * The row and its run request commit together: rolled back, there is no row, and no run request
   * ever reaches a listener (a send outside the transaction would: the listener logs every request
   * it receives, and a request for the committed submission sent after it arrives first or with
   * it).
   */
  @Test
  void aSubmissionWhoseTransactionRollsBackLeavesNoRowAndNoRun() throws Exception {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger(ComputeJobs.class.getName());
    java.util.logging.Level level = log.getLevel();
    List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler heard =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord record) {
            requests.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    heard.setLevel(java.util.logging.Level.ALL);
    log.setLevel(java.util.logging.Level.FINE);
    log.addHandler(heard);
    try {
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
      long committed = resultsSubmission();

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> requests.contains("run request for submission " + committed));
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(3))
          .until(() -> !requests.contains("run request for submission " + id));
      assertEquals(null, reload(id), "no row");
      assertFalse(
          java.nio.file.Files.exists(dataStore.submission(id)), "no files: its upload is deleted");
      assertTrue(java.nio.file.Files.exists(dataStore.submission(committed)));
      assertEquals(
          before + 1,
          (long)
              entityManager
                  .createQuery("select count(s) from Submission s", Long.class)
                  .getSingleResult(),
          "only the committed submission was added");
      awaitStatus(committed, SubmissionStatus.FINISHED);
    } finally {
      log.removeHandler(heard);
      log.setLevel(level);
    }
  }
}
