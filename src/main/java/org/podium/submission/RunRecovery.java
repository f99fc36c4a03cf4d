package org.podium.submission;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.podium.compute.RunOutcome;
import org.podium.compute.Sandbox;
import org.podium.platform.PodiumConfig;

/**
 * Nothing stays RUNNING for ever. At start-up, after the reaper removed this installation's orphan
 * containers, the attempts this node had in progress (it died under them) run again or, after the
 * last attempt, fail as "worker lost"; waiting submissions get their run requests again. Every
 * minute a watchdog fails attempts older than their time limit plus a grace (a platform failure,
 * not charged to the participant).
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigration", "ContainerReaping"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunRecovery {

  private static final Logger LOG = Logger.getLogger(RunRecovery.class.getName());

  /** Beyond the time limit: pulling the image (bounded by the pull timeout) and scoring. */
  static final Duration GRACE = Duration.ofMinutes(20);

  @Inject SubmissionLifecycle lifecycle;

  @Inject Sandbox sandbox;

  @Inject PodiumConfig config;

  @PostConstruct
  public void recoverAfterRestart() {
    int lost = 0;
    for (LiveAttempt attempt : lifecycle.live(config.nodeName())) {
      lifecycle.recoverLost(
          attempt.id(),
          attempt.attempt(),
          config.maxAttempts(),
          "the server stopped during the run");
      lost++;
    }
    int waiting = lifecycle.resendWaiting();
    if (lost + waiting > 0) {
      int recovered = lost;
      LOG.info(
          () ->
              "Recovered "
                  + recovered
                  + " interrupted runs; "
                  + waiting
                  + " submissions wait for a slot");
    }
  }

  @Schedule(hour = "*", minute = "*", persistent = false)
  void watchdog() {
    expire(Instant.now());
  }

  /** Ends attempts of this node whose time limit plus grace has passed; returns how many. */
  public int expire(Instant now) {
    int expired = 0;
    for (LiveAttempt attempt : lifecycle.live(config.nodeName())) {
      Instant deadline = attempt.startedAt().plusSeconds(attempt.timeLimitSeconds()).plus(GRACE);
      if (now.isAfter(deadline)) {
        sandbox.cancel(attempt.runId());
        lifecycle.fail(
            attempt.id(),
            RunOutcome.INFRA_ERROR,
            "worker lost: no result " + GRACE.toMinutes() + " minutes after the time limit",
            null,
            null,
            null);
        expired++;
      }
    }
    return expired;
  }
}
