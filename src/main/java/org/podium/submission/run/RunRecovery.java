package org.podium.submission.run;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.podium.compute.Reaper;
import org.podium.compute.Sandbox;
import org.podium.platform.PodiumConfig;
import org.podium.submission.LiveAttempt;
import org.podium.submission.SubmissionLifecycle;

/**
 * Nothing stays RUNNING, SCORING or SUBMITTED for ever. Every heartbeat this node renews the leases
 * of the attempts it runs (and stops the containers of those it no longer holds: cancelled, or
 * taken over after a pause longer than the lease), takes over attempts of any node whose lease
 * expired (their containers removed if this node's engine has them; then run again or, when the
 * retry policy gives up, failed as "worker lost"), and sends run requests again for waiting
 * submissions whose request has gone missing. At start-up, the containers this installation left on
 * this node's engine go, except those of runs other nodes hold (nodes may share an engine), and
 * this node's own attempts (it died under them) are taken over at once.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunRecovery {

  private static final Logger LOG = Logger.getLogger(RunRecovery.class.getName());

  /** How many expired attempts or missing requests one heartbeat handles at most. */
  private static final int BATCH = 500;

  @Inject SubmissionLifecycle lifecycle;

  @Inject SubmissionRunner runner;

  @Inject LocalRuns localRuns;

  @Inject ComputeJobs computeJobs;

  @Inject Sandbox sandbox;

  @Inject Reaper reaper;

  @Inject PodiumConfig config;

  @Resource TimerService timers;

  private volatile Instant lastBeat;

  @PostConstruct
  public void recoverAfterRestart() {
    if (!config.role().takesRuns() && computeJobs.takesRuns()) {
      LOG.severe(
          "PODIUM_ROLE="
              + config.role().word()
              + " cannot hold back run requests on this server (only WildFly has delivery groups):"
              + " this node takes runs");
    }
    Instant started =
        Instant.ofEpochMilli(
            java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
    reapOrphans();
    int lost = 0;
    for (LiveAttempt attempt : lifecycle.live(config.nodeName())) {
      // Only what was claimed before this server started: a run request may already be running.
      try {
        if (attempt.startedAt().isBefore(started)
            && lifecycle.takeOver(
                attempt.id(),
                attempt.attempt(),
                "the server stopped during the run",
                runner.retryPolicy(),
                null)) {
          lost++;
        }
      } catch (RuntimeException e) {
        // Podium starts anyway: the attempt's lease expires and a heartbeat takes it over.
        LOG.log(Level.WARNING, "Could not take over " + attempt.runId() + " at start-up", e);
      }
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
    long period = config.heartbeat().toMillis();
    if (timers.getTimers().isEmpty()) {
      timers.createIntervalTimer(period, period, new TimerConfig("run leases", false));
    }
  }

  /** Removes containers no run of this node or a live lease of another node owns. */
  private void reapOrphans() {
    try {
      Set<String> owned = new HashSet<>(sandbox.liveRuns());
      for (LiveAttempt attempt : lifecycle.liveElsewhere(config.nodeName())) {
        owned.add(attempt.runId());
        owned.add(attempt.runId() + "-scoring");
      }
      List<String> reaped = reaper.reap(owned);
      if (!reaped.isEmpty()) {
        LOG.info(() -> "Removed " + reaped.size() + " containers left by earlier runs: " + reaped);
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Could not look for containers left by earlier runs: {0}", e.getMessage());
    }
  }

  @Timeout
  void beat() {
    try {
      heartbeat(Instant.now());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Run lease heartbeat failed; the next one tries again", e);
    }
  }

  /** When the last heartbeat ended, for health. */
  public Instant lastBeat() {
    return lastBeat;
  }

  /** One heartbeat: renew, take over, resend. */
  public synchronized void heartbeat(Instant now) {
    renew();
    takeOverExpired(now);
    resendLost(now);
    lastBeat = Instant.now();
  }

  private void renew() {
    for (SubmissionLifecycle.Held gone :
        lifecycle.renew(config.nodeName(), localRuns.all(), config.leaseDuration())) {
      // Cancelled, ended or taken over: its containers go (at every heartbeat while its runner
      // goes on), and nothing it does later counts.
      sandbox.stopIfRunning(gone.runId());
      sandbox.stopIfRunning(gone.runId() + "-scoring");
    }
  }

  /**
   * While this node has a free run slot, a waiting submission that could run now and whose request
   * is older than two heartbeats has no request left in the broker (a free slot would have taken
   * it): a broker that lost messages, a rolled-back send, a purged queue. It is asked for again; a
   * duplicate is harmless, claims are conditional. A busy node leaves the backlog alone.
   */
  private void resendLost(Instant now) {
    int free = computeJobs.freeSlots();
    if (free > 0) {
      lifecycle.resendStale(
          now.minus(config.heartbeat().multipliedBy(2)), config.runsPerParticipant(), free * 4);
    }
  }

  /** Takes over attempts whose lease expired before {@code now}; returns how many. */
  public int takeOverExpired(Instant now) {
    List<LiveAttempt> expired = lifecycle.expired(now, BATCH);
    if (expired.isEmpty()) {
      return 0;
    }
    Set<String> runIds = new HashSet<>();
    for (LiveAttempt attempt : expired) {
      runIds.add(attempt.runId());
      runIds.add(attempt.runId() + "-scoring");
    }
    try {
      reaper.reapRuns(runIds);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "No engine to remove lost runs' containers from", e);
    }
    int taken = 0;
    for (LiveAttempt attempt : expired) {
      if (lifecycle.takeOver(
          attempt.id(),
          attempt.attempt(),
          "node " + attempt.node() + " stopped renewing its lease",
          runner.retryPolicy(),
          now)) {
        taken++;
        LOG.info(
            () ->
                "Took over "
                    + attempt.runId()
                    + " from node "
                    + attempt.node()
                    + ", whose lease expired");
      }
    }
    return taken;
  }
}
